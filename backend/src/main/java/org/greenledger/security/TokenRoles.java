package org.greenledger.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * GreenLedger's roles from the claims of an OpenID provider's tokens: the realm roles in
 * {@code realm_access.roles} (Keycloak's access tokens) and in a flat {@code roles} claim
 * (the realm's role mapper, also in ID tokens and user info). A name matches a
 * {@link Role} regardless of case; every other name (Keycloak's
 * {@code default-roles-...}, {@code offline_access}, ...) is ignored.
 */
final class TokenRoles {

	/** The claim naming the user, for the portal and the API alike. */
	static final String USER_NAME_CLAIM = "preferred_username";

	private TokenRoles() {
	}

	static Set<GrantedAuthority> of(Map<String, Object> claims) {
		Set<GrantedAuthority> authorities = new HashSet<>();
		Stream.concat(names(claims.get("roles")), names(realmRoles(claims)))
			.flatMap(name -> Arrays.stream(Role.values()).filter(role -> role.name().equalsIgnoreCase(name)))
			.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return authorities;
	}

	/** An API request's authentication: named by {@code preferred_username}. */
	static AbstractAuthenticationToken authentication(Jwt jwt) {
		String name = jwt.getClaimAsString(USER_NAME_CLAIM);
		return new JwtAuthenticationToken(jwt, of(jwt.getClaims()),
				StringUtils.hasText(name) ? name : jwt.getSubject());
	}

	/**
	 * A portal user's authorities: the roles of their ID token and user info, instead of
	 * the scopes Spring Security would grant.
	 */
	static Collection<GrantedAuthority> portal(Collection<? extends GrantedAuthority> authorities) {
		Set<GrantedAuthority> roles = new HashSet<>();
		for (GrantedAuthority authority : authorities) {
			if (authority instanceof OidcUserAuthority user) {
				roles.addAll(of(user.getIdToken().getClaims()));
				if (user.getUserInfo() != null) {
					roles.addAll(of(user.getUserInfo().getClaims()));
				}
			}
		}
		return roles;
	}

	private static @Nullable Object realmRoles(Map<String, Object> claims) {
		return (claims.get("realm_access") instanceof Map<?, ?> realmAccess) ? realmAccess.get("roles") : null;
	}

	private static Stream<String> names(@Nullable Object claim) {
		return (claim instanceof Collection<?> names) ? names.stream().map(String::valueOf) : Stream.empty();
	}

}
