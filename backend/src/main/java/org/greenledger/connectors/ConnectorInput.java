package org.greenledger.connectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * A connector as a request describes it: {@code name}, {@code type}, {@code schedule},
 * {@code orgUnit}, optionally {@code version} (to refuse a change made meanwhile) and the
 * type's settings beside them, in one flat JSON object (the portal's form sends the same
 * fields).
 *
 * @param settings every other field, as text
 */
record ConnectorInput(@Nullable String name, @Nullable String type, @Nullable String schedule, @Nullable String orgUnit,
		@Nullable Long version, Map<String, @Nullable String> settings) {

	private static final List<String> OWN = List.of("name", "type", "schedule", "orgUnit", "version");

	/** The fields of a JSON body; a nested object or list is a problem. */
	static ConnectorInput of(Map<String, ?> body, List<FieldProblem> problems) {
		Map<String, @Nullable String> settings = new LinkedHashMap<>();
		body.forEach((field, value) -> {
			if (OWN.contains(field)) {
				return;
			}
			if (value instanceof Map<?, ?> || value instanceof List<?>) {
				problems
					.add(new FieldProblem(field, "a setting is a text, number or true/false, not an object or list"));
			}
			else {
				settings.put(field, (value != null) ? value.toString() : null);
			}
		});
		Long version = null;
		Object versionValue = body.get("version");
		if (versionValue instanceof Number number) {
			version = number.longValue();
		}
		else if (versionValue != null) {
			problems.add(new FieldProblem("version", "the version the connector was read at, a whole number"));
		}
		return new ConnectorInput(text(body.get("name")), text(body.get("type")), text(body.get("schedule")),
				text(body.get("orgUnit")), version, settings);
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value == null || value.toString().isBlank()) ? null : value.toString().strip();
	}

}
