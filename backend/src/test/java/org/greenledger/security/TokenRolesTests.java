package org.greenledger.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak's role claims as GreenLedger's roles. */
class TokenRolesTests {

	@Test
	void realmRolesAndTheFlatRolesClaimBothCountAndOtherNamesAreIgnored() {
		Map<String, Object> claims = Map.of("realm_access",
				Map.of("roles", List.of("default-roles-greenledger", "offline_access", "AUDITOR")), "roles",
				List.of("procurement", "uma_authorization", "SUPERUSER"));
		assertThat(TokenRoles.of(claims)).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_AUDITOR", "ROLE_PROCUREMENT");
	}

	@Test
	void withoutRoleClaimsThereAreNoRoles() {
		assertThat(TokenRoles.of(Map.of("sub", "x", "roles", "ADMIN", "realm_access", "ADMIN"))).isEmpty();
	}

	@Test
	void anApiCallerIsNamedByPreferredUsernameOrElseBySubject() {
		Jwt named = jwt(Map.of("sub", "f00", "preferred_username", "demo-admin", "roles", List.of("ADMIN")));
		assertThat(TokenRoles.authentication(named).getName()).isEqualTo("demo-admin");
		assertThat(TokenRoles.authentication(named).getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_ADMIN");
		assertThat(TokenRoles.authentication(jwt(Map.of("sub", "f00"))).getName()).isEqualTo("f00");
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.claims(all -> all.putAll(claims))
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
	}

}
