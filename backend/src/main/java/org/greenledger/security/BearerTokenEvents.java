package org.greenledger.security;

import java.text.ParseException;

import com.nimbusds.jwt.JWTParser;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Publishes the API's bearer-token sign-ins like every other sign-in (so a refused token
 * is audited as a failed sign-in), but never with the token itself as the attempt's name:
 * a failed attempt is named by the user name the token claims (unverified, as a sign-in
 * form's user name is) or {@value #UNNAMED}.
 */
final class BearerTokenEvents implements AuthenticationEventPublisher {

	static final String UNNAMED = "(bearer token)";

	private static final int MAX_NAME_LENGTH = 100;

	private final AuthenticationEventPublisher delegate;

	BearerTokenEvents(AuthenticationEventPublisher delegate) {
		this.delegate = delegate;
	}

	@Override
	public void publishAuthenticationSuccess(Authentication authentication) {
		this.delegate.publishAuthenticationSuccess(authentication);
	}

	@Override
	public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
		Authentication attempt = (authentication instanceof BearerTokenAuthenticationToken bearer)
				? UsernamePasswordAuthenticationToken.unauthenticated(claimedName(bearer.getToken()), null)
				: authentication;
		this.delegate.publishAuthenticationFailure(exception, attempt);
	}

	static String claimedName(String token) {
		try {
			Object name = JWTParser.parse(token).getJWTClaimsSet().getClaim(TokenAuthorities.USER_NAME_CLAIM);
			if (name instanceof String text && !text.isBlank()) {
				return (text.length() > MAX_NAME_LENGTH) ? text.substring(0, MAX_NAME_LENGTH) : text;
			}
		}
		catch (ParseException | RuntimeException ex) {
			// not a readable JWT: nothing is claimed
		}
		return UNNAMED;
	}

}
