package org.greenledger.core.prometheus;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The pieces of Prometheus text exposition syntax the dump reader needs: metric name
 * characters, blanks, and label sets ({@code {name="value",...}}).
 */
final class PrometheusSyntax {

	private PrometheusSyntax() {
	}

	/**
	 * Parses {@code {name="value",...}} (a trailing comma allowed; {@code \\}, {@code \"}
	 * and {@code \n} escapes in values); returns what is wrong, or null.
	 */
	static @Nullable String parseLabels(String text, Map<String, String> labels) {
		int length = text.length() - 1;
		int i = 1;
		StringBuilder value = new StringBuilder();
		while (true) {
			i = skipBlanks(text, i);
			if (i >= length) {
				return null;
			}
			int nameStart = i;
			while (i < length && nameCharacter(text.charAt(i), i == nameStart) && text.charAt(i) != ':') {
				i++;
			}
			if (i == nameStart) {
				return "a label name is expected at '" + text.substring(nameStart) + "'";
			}
			String name = text.substring(nameStart, i);
			i = skipBlanks(text, i);
			if (i >= length || text.charAt(i) != '=') {
				return "label " + name + " has no '='";
			}
			i = skipBlanks(text, i + 1);
			if (i >= length || text.charAt(i) != '"') {
				return "the value of label " + name + " is not quoted";
			}
			value.setLength(0);
			for (i++; i < length && text.charAt(i) != '"'; i++) {
				char c = text.charAt(i);
				if (c == '\\' && i + 1 < length) {
					char escaped = text.charAt(++i);
					value.append((escaped == 'n') ? '\n' : escaped);
				}
				else {
					value.append(c);
				}
			}
			if (i >= length) {
				return "the value of label " + name + " is not closed";
			}
			if (labels.put(name, value.toString()) != null) {
				return "label " + name + " appears twice";
			}
			i = skipBlanks(text, i + 1);
			if (i < length) {
				if (text.charAt(i) != ',') {
					return "a ',' is expected after label " + name;
				}
				i++;
			}
		}
	}

	/**
	 * The position of the '}' that closes the label set opening at {@code open}, or -1.
	 * Usually the first '}' after an even number of quotes and no backslash: found with
	 * {@link String#indexOf}, which is much faster than a loop over the characters.
	 */
	static int labelsEnd(String text, int open) {
		int close = text.indexOf('}', open);
		if (close < 0) {
			return -1;
		}
		int backslash = text.indexOf('\\', open);
		if (backslash < 0 || backslash > close) {
			int quotes = 0;
			for (int quote = text.indexOf('"', open); quote >= 0
					&& quote < close; quote = text.indexOf('"', quote + 1)) {
				quotes++;
			}
			if ((quotes & 1) == 0) {
				return close;
			}
		}
		return labelsEndSlowly(text, open);
	}

	static int labelsEndSlowly(String text, int open) {
		boolean quoted = false;
		for (int i = open + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == '}') {
				return i;
			}
		}
		return -1;
	}

	static boolean nameCharacter(char c, boolean first) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
				|| (!first && c >= '0' && c <= '9');
	}

	static boolean blank(char c) {
		return c == ' ' || c == '\t';
	}

	static int skipBlanks(String text, int from) {
		int i = from;
		while (i < text.length() && blank(text.charAt(i))) {
			i++;
		}
		return i;
	}

}
