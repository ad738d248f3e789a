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
 * GreenLedger's authorities from the claims of an OpenID provider's tokens.
 * <ul>
 * <li>Roles: the realm roles in {@code realm_access.roles} (Keycloak's access tokens) and
 * in a flat {@code roles} claim (the realm's role mapper, also in ID tokens and user
 * info). A name matches a {@link Role} regardless of case; every other name (Keycloak's
 * {@code default-roles-...}, {@code offline_access}, ...) is ignored.</li>
 * <li>Org units: each code in the {@code org_units} claim (a user attribute in the demo
 * realm) becomes the authority {@link OrgUnitScope#authority(String)}, which narrows the
 * user's {@link OrgUnitScope}.</li>
 * </ul>
 */
final class TokenAuthorities {

	/** The claim naming the user, for the portal and the API alike. */
	static final String USER_NAME_CLAIM = "preferred_username";

	private TokenAuthorities() {
	}

	/** The claim listing the codes of the user's org units. */
	static final String ORG_UNITS_CLAIM = "org_units";

	static Set<GrantedAuthority> of(Map<String, Object> claims) {
		Set<GrantedAuthority> authorities = new HashSet<>();
		Stream.concat(names(claims.get("roles")), names(realmRoles(claims)))
			.flatMap(name -> Arrays.stream(Role.values()).filter(role -> role.name().equalsIgnoreCase(name)))
			.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		names(claims.get(ORG_UNITS_CLAIM)).map(String::strip)
			.filter(code -> !code.isEmpty())
			.forEach(code -> authorities.add(new SimpleGrantedAuthority(OrgUnitScope.authority(code))));
		return authorities;
	}

	/** An API request's authentication: named by {@code preferred_username}. */
	static AbstractAuthenticationToken authentication(Jwt jwt) {
		String name = jwt.getClaimAsString(USER_NAME_CLAIM);
		return new JwtAuthenticationToken(jwt, of(jwt.getClaims()),
				StringUtils.hasText(name) ? name : jwt.getSubject());
	}

	/**
	 * A portal user's authorities: the roles and org units of their ID token and user
	 * info, instead of the scopes Spring Security would grant.
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

	/** The values of a claim that is a list of names, or one name. */
	private static Stream<String> names(@Nullable Object claim) {
		if (claim instanceof Collection<?> names) {
			return names.stream().map(String::valueOf);
		}
		return (claim instanceof String name) ? Stream.of(name) : Stream.empty();
	}

}
