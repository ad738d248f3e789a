package org.greenledger.security.api;

import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.greenledger.security.Role;

/** Bodies of the changes to a user. */
final class UserChange {

	private UserChange() {
	}

	/** The user's new roles (all of them). */
	@Schema(example = """
			{"roles": ["SUSTAINABILITY_OFFICER", "AUDITOR"]}""")
	record Roles(@NotEmpty Set<@NotNull Role> roles) {
	}

	/** The user's new org units (all of them); empty: unrestricted. */
	@Schema(example = """
			{"orgUnits": ["research", "platform"]}""")
	record OrgUnits(@NotNull Set<@NotNull String> orgUnits) {
	}

	/** Whether the user may sign in. */
	@Schema(example = """
			{"enabled": false}""")
	record Enabled(@NotNull Boolean enabled) {
	}

}
