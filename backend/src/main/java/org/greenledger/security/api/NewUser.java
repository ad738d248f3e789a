package org.greenledger.security.api;

import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.greenledger.security.Role;

/**
 * A user to create.
 *
 * @param orgUnits codes of the org units whose data the user sees; none or left out:
 * unrestricted
 */
@Schema(example = """
		{"username": "olivia", "password": "correct horse battery", "roles": ["SUSTAINABILITY_OFFICER"],
		 "orgUnits": ["research"]}""")
record NewUser(@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{1,99}",
		message = "2 to 100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit") String username,
		@NotNull @Size(max = 72) String password, @NotEmpty Set<Role> roles, @Nullable Set<@NotNull String> orgUnits) {

}
