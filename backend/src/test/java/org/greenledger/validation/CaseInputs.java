package org.greenledger.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of one peer case as written in the reference file: {@code key=value} pairs
 * separated by semicolons, e.g. {@code usage=MEMORY_GB_HOURS; quantity=80; pue=1.135}.
 */
record CaseInputs(Map<String, String> values) {

	static CaseInputs parse(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : text.split(";")) {
			if (pair.isBlank()) {
				continue;
			}
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException("Input '" + pair.strip() + "' is not key=value in: " + text);
			}
			values.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
		}
		return new CaseInputs(Collections.unmodifiableMap(values));
	}

	boolean has(String key) {
		return this.values.containsKey(key);
	}

	String text(String key) {
		String value = this.values.get(key);
		if (value == null) {
			throw new IllegalArgumentException("Input '" + key + "' is missing from " + this.values);
		}
		return value;
	}

	double number(String key) {
		return Double.parseDouble(text(key));
	}

	double number(String key, double fallback) {
		return has(key) ? number(key) : fallback;
	}

}
