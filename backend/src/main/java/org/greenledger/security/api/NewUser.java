package org.greenledger.security.api;

import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.greenledger.security.Role;

/** A user to create. */
@Schema(example = """
		{"username": "olivia", "password": "correct horse battery", "roles": ["SUSTAINABILITY_OFFICER"]}""")
record NewUser(@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{1,99}",
		message = "2 to 100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit") String username,
		@NotNull @Size(max = 72) String password, @NotEmpty Set<Role> roles) {

}
