package org.greenledger.security.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The signed-in user. */
@Schema(example = """
		{"username": "admin", "roles": ["ADMIN"]}""")
record CurrentUser(String username, List<String> roles) {

}
