package org.greenledger.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak's role and org-unit claims as GreenLedger's authorities. */
class TokenAuthoritiesTests {

	@Test
	void realmRolesAndTheFlatRolesClaimBothCountAndOtherNamesAreIgnored() {
		Map<String, Object> claims = Map.of("realm_access",
				Map.of("roles", List.of("default-roles-greenledger", "offline_access", "AUDITOR")), "roles",
				List.of("procurement", "uma_authorization", "SUPERUSER"));
		assertThat(TokenAuthorities.of(claims)).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_AUDITOR", "ROLE_PROCUREMENT");
	}

	@Test
	void withoutRoleClaimsThereAreNoRolesAndAClaimOfOneNameCountsAsAList() {
		assertThat(TokenAuthorities.of(Map.of("sub", "x", "realm_access", "ADMIN"))).isEmpty();
		assertThat(TokenAuthorities.of(Map.of("roles", "officer"))).isEmpty();
		assertThat(TokenAuthorities.of(Map.of("roles", "auditor"))).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_AUDITOR");
	}

	@Test
	void eachOrgUnitOfTheClaimNarrowsTheScope() {
		assertThat(TokenAuthorities
			.of(Map.of("org_units", List.of("research", " platform ", ""), "roles", List.of("SUSTAINABILITY_OFFICER"))))
			.extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_SUSTAINABILITY_OFFICER", OrgUnitScope.authority("research"),
					OrgUnitScope.authority("platform"));
	}

	@Test
	void anApiCallerIsNamedByPreferredUsernameOrElseBySubject() {
		Jwt named = jwt(Map.of("sub", "f00", "preferred_username", "demo-admin", "roles", List.of("ADMIN")));
		assertThat(TokenAuthorities.authentication(named).getName()).isEqualTo("demo-admin");
		assertThat(TokenAuthorities.authentication(named).getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_ADMIN");
		assertThat(TokenAuthorities.authentication(jwt(Map.of("sub", "f00"))).getName()).isEqualTo("f00");
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
