package org.greenledger.security;

import java.net.URI;

import org.greenledger.system.ProblemResponses;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.util.StringUtils;

/**
 * OIDC mode's beans, present only when an issuer is configured. Nothing here contacts the
 * provider: a missing or malformed setting stops the start with one message, a provider
 * that is down does not.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(IdentityMode.Oidc.class)
class OidcSecurityConfiguration {

	@Bean
	SignInMode oidcSignIn(SecurityProperties properties, ProblemResponses problems,
			AuthenticationEventPublisher events) {
		return new OidcSignIn(new OidcProvider(checked(properties.oidc())), problems, events);
	}

	@Bean
	IdentityProvider identityProvider(SecurityProperties properties) {
		return new IdentityProvider(properties.oidc().providerName(), OidcSignIn.SIGN_IN_PATH);
	}

	static SecurityProperties.Oidc checked(SecurityProperties.Oidc oidc) {
		requireHttpUri("greenledger.security.oidc.issuer-uri", oidc.issuerUri());
		if (StringUtils.hasText(oidc.internalIssuerUri())) {
			requireHttpUri("greenledger.security.oidc.internal-issuer-uri", oidc.internalIssuerUri());
		}
		if (!StringUtils.hasText(oidc.clientId())) {
			throw new InvalidConfigurationPropertyValueException("greenledger.security.oidc.client-id", oidc.clientId(),
					"OIDC mode needs the portal's client id (GREENLEDGER_OIDC_CLIENT_ID).");
		}
		if (!StringUtils.hasText(oidc.clientSecret())) {
			throw new InvalidConfigurationPropertyValueException("greenledger.security.oidc.client-secret", "",
					"OIDC mode needs the portal client's secret (GREENLEDGER_OIDC_CLIENT_SECRET).");
		}
		return oidc;
	}

	private static void requireHttpUri(String property, String value) {
		URI uri;
		try {
			uri = URI.create(value.strip());
		}
		catch (IllegalArgumentException ex) {
			uri = null;
		}
		if (uri == null || uri.getHost() == null
				|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"An absolute http(s) URI is needed, e.g. https://sso.example.com/realms/greenledger.");
		}
	}

}
