package org.greenledger.procurement.pact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to the properties of one JSON object of a PACT document. Every read
 * reports its problem with the property's JSON path and returns {@code null}; a property
 * that is absent or JSON {@code null} is undefined, as the spec says.
 */
final class Fields {

	/**
	 * Bounds on decimals: digits of a decimal string and the magnitude of its exponent.
	 */
	private static final int MAX_DECIMAL_CHARS = 64;

	private static final int MAX_SCALE = 40;

	private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

	private static final Pattern URN = Pattern.compile("(?i)urn:[a-z0-9][a-z0-9-]{0,31}:\\S+");

	private final JsonNode object;

	private final String path;

	private final Problems problems;

	Fields(JsonNode object, String path, Problems problems) {
		this.object = object;
		this.path = path;
		this.problems = problems;
	}

	String path() {
		return this.path;
	}

	String path(String name) {
		return this.path + "." + name;
	}

	boolean has(String name) {
		return defined(name) != null;
	}

	@Nullable JsonNode defined(String name) {
		JsonNode node = this.object.get(name);
		return (node == null || node.isNull()) ? null : node;
	}

	void error(String name, String message) {
		this.problems.error(path(name), message);
	}

	/** Reports a missing property if it is required; returns the node or null. */
	@Nullable JsonNode node(String name, boolean required) {
		JsonNode node = defined(name);
		if (node == null && required) {
			error(name, "is required");
		}
		return node;
	}

	@Nullable String string(String name, boolean required) {
		JsonNode node = node(name, required);
		if (node == null) {
			return null;
		}
		if (!node.isString()) {
			error(name, "must be a string, not " + typeOf(node));
			return null;
		}
		return node.stringValue();
	}

	@Nullable String nonEmptyString(String name, boolean required) {
		String value = string(name, required);
		if (value != null && value.isBlank()) {
			error(name, "must not be empty");
			return null;
		}
		return value;
	}

	@Nullable Fields object(String name, boolean required) {
		JsonNode node = node(name, required);
		if (node == null) {
			return null;
		}
		if (!node.isObject()) {
			error(name, "must be an object, not " + typeOf(node));
			return null;
		}
		return new Fields(node, path(name), this.problems);
	}

	/** A decimal written as a JSON string, as PACT requires. */
	@Nullable BigDecimal decimal(String name, boolean required, Bound bound) {
		JsonNode node = node(name, required);
		if (node == null) {
			return null;
		}
		String expected = "must be " + bound.article + " decimal string";
		if (!node.isString()) {
			error(name, expected + " (e.g. \"1.5\"), not " + typeOf(node));
			return null;
		}
		BigDecimal value = parseDecimal(node.stringValue());
		if (value == null) {
			error(name, expected + ", not '" + abbreviate(node.stringValue()) + "'");
			return null;
		}
		if (!bound.accepts(value)) {
			error(name, expected);
			return null;
		}
		return value;
	}

	/** A number written as a JSON number (the 2.x type of percentages and DQRs). */
	@Nullable BigDecimal number(String name, boolean required, BigDecimal min, BigDecimal max) {
		JsonNode node = node(name, required);
		if (node == null) {
			return null;
		}
		if (!node.isNumber()) {
			error(name, "must be a JSON number between " + min.toPlainString() + " and " + max.toPlainString()
					+ ", not " + typeOf(node));
			return null;
		}
		BigDecimal value = node.decimalValue();
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			error(name, "must be between " + min.toPlainString() + " and " + max.toPlainString() + ", not "
					+ value.toPlainString());
			return null;
		}
		return value;
	}

	@Nullable Integer integer(String name, boolean required) {
		JsonNode node = node(name, required);
		if (node == null) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
			error(name, "must be an integer from 0 to 2147483647, not " + abbreviate(node.toString()));
			return null;
		}
		return node.intValue();
	}

	@Nullable Instant dateTime(String name, boolean required) {
		String text = string(name, required);
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			error(name, "must be an ISO 8601 date-time with a time zone (e.g. 2024-01-01T00:00:00Z), not '"
					+ abbreviate(text) + "'");
			return null;
		}
	}

	/** A non-empty array of distinct URNs. */
	@Nullable List<String> urns(String name, boolean required) {
		List<String> values = strings(name, required);
		if (values == null) {
			return null;
		}
		boolean valid = true;
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			String itemPath = name + "[" + i + "]";
			if (!URN.matcher(value).matches()) {
				error(itemPath, "must be a URN (urn:<namespace>:<id>), not '" + abbreviate(value) + "'");
				valid = false;
			}
			else if (!seen.add(value)) {
				error(itemPath, "duplicate '" + abbreviate(value) + "'");
				valid = false;
			}
		}
		return valid ? values : null;
	}

	/** A non-empty array of strings. */
	@Nullable List<String> strings(String name, boolean required) {
		JsonNode node = node(name, required);
		if (node == null) {
			return null;
		}
		if (!node.isArray()) {
			error(name, "must be an array of strings, not " + typeOf(node));
			return null;
		}
		if (node.isEmpty()) {
			error(name, "must not be empty");
			return null;
		}
		List<String> values = new ArrayList<>();
		boolean valid = true;
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			if (!item.isString()) {
				error(name + "[" + i + "]", "must be a string, not " + typeOf(item));
				valid = false;
			}
			else {
				values.add(item.stringValue());
			}
		}
		return valid ? values : null;
	}

	static @Nullable BigDecimal parseDecimal(String text) {
		if (text.length() > MAX_DECIMAL_CHARS || !DECIMAL.matcher(text).matches()) {
			return null;
		}
		BigDecimal value = new BigDecimal(text);
		return (Math.abs(value.scale()) > MAX_SCALE) ? null : value;
	}

	static String typeOf(JsonNode node) {
		if (node.isString()) {
			return "a string";
		}
		if (node.isNumber()) {
			return "a number";
		}
		if (node.isBoolean()) {
			return "a boolean";
		}
		if (node.isArray()) {
			return "an array";
		}
		if (node.isObject()) {
			return "an object";
		}
		return "null";
	}

	static String abbreviate(String text) {
		return (text.length() <= 60) ? text : text.substring(0, 57) + "...";
	}

	/** The allowed range of a decimal. */
	enum Bound {

		ANY("a"), NON_NEGATIVE("a non-negative"), POSITIVE("a positive"), PERCENT("a percentage (0 to 100)");

		private final String article;

		Bound(String article) {
			this.article = article;
		}

		boolean accepts(BigDecimal value) {
			return switch (this) {
				case ANY -> true;
				case NON_NEGATIVE -> value.signum() >= 0;
				case POSITIVE -> value.signum() > 0;
				case PERCENT -> value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
			};
		}

	}

}
