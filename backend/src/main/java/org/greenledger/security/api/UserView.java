package org.greenledger.security.api;

import java.time.Instant;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

import org.greenledger.security.Role;
import org.greenledger.security.UserAccount;

/** A local user as the API shows it (never the password hash). */
@Schema(example = """
		{"username": "olivia", "roles": ["SUSTAINABILITY_OFFICER"], "enabled": true, "createdAt": "2026-11-22T10:15:30Z"}""")
record UserView(String username, Set<Role> roles, boolean enabled, Instant createdAt) {

	static UserView of(UserAccount account) {
		return new UserView(account.username(), account.roles(), account.enabled(), account.createdAt());
	}

}
