package org.greenledger.security.api;

import java.time.Instant;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

import org.greenledger.security.Role;
import org.greenledger.security.UserAccount;

/**
 * A local user as the API shows it (never the password hash).
 *
 * @param orgUnits the org units whose data the user sees; empty: unrestricted
 */
@Schema(example = """
		{"username": "olivia", "roles": ["SUSTAINABILITY_OFFICER"], "orgUnits": ["research"], "enabled": true,
		 "createdAt": "2026-11-22T10:15:30Z"}""")
record UserView(String username, Set<Role> roles, Set<String> orgUnits, boolean enabled, Instant createdAt) {

	static UserView of(UserAccount account) {
		return new UserView(account.username(), account.roles(), account.orgUnits(), account.enabled(),
				account.createdAt());
	}

}
