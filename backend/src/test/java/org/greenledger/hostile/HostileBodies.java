package org.greenledger.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Generates the hostile API bodies of the corpus: for each JSON endpoint, a valid body
 * template and the ways it is broken (a key twice, NUL in a string, truncated, nested
 * 2,000 deep, text after the value, comments, quotes, NaN, numbers for enum names and
 * booleans, strings for numbers, numbers beyond a double), each with its exact expected
 * answer.
 */
final class HostileBodies {

	/**
	 * @param name the case
	 * @param method POST or PUT
	 * @param path where it goes ({@code {user}} and {@code {code}} filled in by the test)
	 * @param body the JSON sent
	 * @param status the expected HTTP status
	 * @param field the field the answer must name (null when the body is not JSON at all)
	 * @param detail a regular expression the answer's detail or field message must
	 * contain
	 */
	record Case(String name, String method, String path, String body, int status, @Nullable String field,
			String detail) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * An endpoint and a valid body: the string, enum, boolean and number fields name the
	 * fields (at the top level) that type mutations change.
	 */
	private record Endpoint(String name, String method, String path, Map<String, String> fields,
			@Nullable String stringField, @Nullable String enumField, boolean enumInList, @Nullable String booleanField,
			@Nullable String numberField) {

		String body() {
			return body(Map.of());
		}

		/** The body with some fields' JSON values replaced. */
		String body(Map<String, String> replaced) {
			StringBuilder json = new StringBuilder("{");
			this.fields.forEach((key, value) -> {
				if (json.length() > 1) {
					json.append(',');
				}
				json.append('"').append(key).append("\":").append(replaced.getOrDefault(key, value));
			});
			return json.append('}').toString();
		}

	}

	private HostileBodies() {
	}

	static List<Case> corpus() {
		List<Case> cases = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			malformed(endpoint, cases);
			mistyped(endpoint, cases);
		}
		return cases;
	}

	private static List<Endpoint> endpoints() {
		return List.of(
				new Endpoint("create user", "POST", "/api/v1/users",
						ordered("username", "\"{user}\"", "password", "\"a-long-enough-password-1\"", "roles",
								"[\"PROCUREMENT\"]"),
						"username", "roles", true, null, null),
				new Endpoint("change roles", "PUT", "/api/v1/users/{target}/roles",
						ordered("roles", "[\"PROCUREMENT\"]"), null, "roles", true, null, null),
				new Endpoint("enable user", "PUT", "/api/v1/users/{target}/enabled", ordered("enabled", "true"), null,
						null, false, "enabled", null),
				new Endpoint("create site", "POST", "/api/v1/sites",
						ordered("code", "\"{code}\"", "name", "\"Site\"", "kind", "\"OWN\"", "gridZone", "\"NL\""),
						"name", null, false, null, null),
				new Endpoint("create org unit", "POST", "/api/v1/org-units",
						ordered("code", "\"{code}\"", "name", "\"Unit\""), "name", null, false, null, null),
				new Endpoint("estimate", "POST", "/api/v1/estimates",
						ordered("year", "2024", "usage", "[{\"type\":\"gpu\",\"quantity\":10,\"model\":\"H100\"}]"),
						null, null, false, null, "year"));
	}

	private static Map<String, String> ordered(String... keysAndValues) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			fields.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return fields;
	}

	/** Bodies that are not (strict) JSON: 400, saying where or what. */
	private static void malformed(Endpoint endpoint, List<Case> cases) {
		String body = endpoint.body();
		String first = endpoint.fields.keySet().iterator().next();
		cases.add(bad(endpoint, "a key twice",
				"{\"" + first + "\":" + endpoint.fields.get(first) + "," + body.substring(1),
				"key \"" + first + "\" twice"));
		cases.add(bad(endpoint, "truncated", body.substring(0, body.length() / 2), "not valid JSON"));
		cases.add(bad(endpoint, "empty", "", "missing or cannot be read|not valid JSON"));
		cases.add(bad(endpoint, "nested 2,000 deep", "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
				"not valid JSON"));
		cases.add(bad(endpoint, "a second value after the first", body + " " + body, "not valid JSON"));
		cases.add(bad(endpoint, "a comment", "/* hi */" + body, "not valid JSON"));
		cases.add(bad(endpoint, "single quotes", body.replace('"', '\''), "not valid JSON"));
		cases.add(bad(endpoint, "a NaN literal", "{\"x\":NaN," + body.substring(1), "not valid JSON"));
		cases.add(bad(endpoint, "a byte-order mark and control characters", "\u0001" + body, "not valid JSON"));
		if (endpoint.stringField != null) {
			String nul = endpoint.body(Map.of(endpoint.stringField, "\"a\\u0000b\""));
			cases.add(new Case(endpoint.name + ": NUL in " + endpoint.stringField, endpoint.method, endpoint.path, nul,
					400, endpoint.stringField, "NUL character"));
		}
	}

	/** Well-formed JSON with a value of the wrong type: 422 naming the field. */
	private static void mistyped(Endpoint endpoint, List<Case> cases) {
		if (endpoint.enumField != null) {
			String wrap = endpoint.enumInList ? "[%s]" : "%s";
			for (String value : List.of("0", "3", "1.5", "true")) {
				cases.add(typed(endpoint, endpoint.enumField, wrap.formatted(value), "a number for an enum"));
			}
			cases.add(typed(endpoint, endpoint.enumField, wrap.formatted("\"SUPERUSER\""), "an unknown enum name"));
		}
		if (endpoint.booleanField != null) {
			for (String value : List.of("12345", "0", "1", "\"true\"", "\"yes\"", "1.5", "[true]")) {
				cases.add(typed(endpoint, endpoint.booleanField, value, "a non-boolean"));
			}
		}
		if (endpoint.stringField != null) {
			for (String value : List.of("12345", "true", "1.5", "{\"a\":1}", "[\"a\"]")) {
				cases.add(typed(endpoint, endpoint.stringField, value, "a non-string"));
			}
		}
		if (endpoint.numberField != null) {
			for (String value : List.of("\"2024\"", "2024.5", "true", "1e400", "99999999999999999999")) {
				cases.add(typed(endpoint, endpoint.numberField, value, "a wrong number"));
			}
		}
	}

	private static Case bad(Endpoint endpoint, String what, String body, String detail) {
		return new Case(endpoint.name + ": " + what, endpoint.method, endpoint.path, body, 400, null, detail);
	}

	private static Case typed(Endpoint endpoint, String field, String value, String what) {
		return new Case(endpoint.name + ": " + what + " (" + field + " = " + value + ")", endpoint.method,
				endpoint.path, endpoint.body(Map.of(field, value)), 422, field, ".+");
	}

}
