package org.greenledger;

import java.net.http.HttpResponse;

/** Registers org units through the API as admin, in tests. */
public final class TestOrgUnits {

	private TestOrgUnits() {
	}

	/** Registers the unit (once: a unit registered by an earlier run is kept). */
	public static String register(HttpTestClient http, String code) {
		HttpResponse<String> response = http.post("/api/v1/org-units", "application/json",
				"{\"code\": \"" + code + "\"}", MeasuredUploads.admin());
		if (response.statusCode() != 201 && response.statusCode() != 409) {
			throw new AssertionError(
					"Registering org unit " + code + " answered " + response.statusCode() + ": " + response.body());
		}
		return code;
	}

}
