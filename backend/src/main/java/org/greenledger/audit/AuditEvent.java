package org.greenledger.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One recorded event: who, when, what and to what, with the facts of the change.
 *
 * @param id its place in the log
 * @param at when it was recorded
 * @param actor who did it (a user name; {@code anonymous} for a sign-in nobody completed)
 * @param action what, e.g. {@code PERIOD_APPROVED}
 * @param subject what it was done to, e.g. {@code period:…}
 * @param details the facts as recorded (JSON object)
 */
public record AuditEvent(long id, Instant at, String actor, String action, String subject,
		Map<String, @Nullable Object> details) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The detail keys that hold the state before a change, in order of preference. */
	private static final List<String> BEFORE_KEYS = List.of("before", "restates");

	/**
	 * A field that differs (or is new) between the state before and after, when the event
	 * recorded both as objects ({@code before} or {@code restates}, and {@code after});
	 * every field of {@code after} alone when only that was recorded.
	 */
	public List<Change> changes() {
		Map<String, @Nullable Object> after = object(this.details.get("after"));
		if (after == null) {
			return List.of();
		}
		Map<String, @Nullable Object> before = BEFORE_KEYS.stream()
			.map(key -> object(this.details.get(key)))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(Map.of());
		Set<String> fields = new LinkedHashSet<>(before.keySet());
		fields.addAll(after.keySet());
		List<Change> changes = new ArrayList<>();
		for (String field : fields) {
			String old = before.containsKey(field) ? text(before.get(field)) : null;
			String now = after.containsKey(field) ? text(after.get(field)) : null;
			if (!Objects.equals(old, now)) {
				changes.add(new Change(field, old, now));
			}
		}
		return List.copyOf(changes);
	}

	/** The other facts of the event as readable text, nested objects flattened. */
	public List<Fact> facts() {
		boolean hasChanges = object(this.details.get("after")) != null;
		List<Fact> facts = new ArrayList<>();
		this.details.forEach((key, value) -> {
			boolean shownAsChanges = hasChanges
					&& ("after".equals(key) || (BEFORE_KEYS.contains(key) && object(value) != null));
			if (!shownAsChanges) {
				flatten(key, value, facts);
			}
		});
		return List.copyOf(facts);
	}

	private static void flatten(String name, @Nullable Object value, List<Fact> facts) {
		Map<String, @Nullable Object> object = object(value);
		if (object != null && !object.isEmpty()) {
			object.forEach((key, each) -> flatten(name + "." + key, each, facts));
		}
		else {
			facts.add(new Fact(name, text(value)));
		}
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, @Nullable Object> object(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> copy = new LinkedHashMap<>();
			map.forEach((key, each) -> copy.put(String.valueOf(key), each));
			return copy;
		}
		return null;
	}

	/** A value as text: null as an en dash, strings as they are, the rest as JSON. */
	static String text(@Nullable Object value) {
		if (value == null) {
			return "–";
		}
		if (value instanceof String string) {
			return string;
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		return JSON.writeValueAsString(value);
	}

	/** A field's value before and after ({@code null}: the field was absent). */
	public record Change(String field, @Nullable String before, @Nullable String after) {
	}

	/** One fact of the event, e.g. {@code reason: corrected meter}. */
	public record Fact(String name, String value) {
	}

}
