package org.greenledger.core.table;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * JSON cells (tags, labels, SKU details) as flat, unmodifiable maps of strings. Billing
 * files repeat the same few cell texts on many rows, so each distinct text is parsed once
 * per thread (a bounded cache), and the same map instance is returned for it.
 */
public final class JsonCells {

	private static final int CACHE_SIZE = 20_000;

	private static final ThreadLocal<Map<String, Map<String, String>>> PARSED = ThreadLocal.withInitial(HashMap::new);

	private JsonCells() {
	}

	/**
	 * A JSON object cell, its members without the braces (as Azure writes tags), or a
	 * list of {@code {"key": ..., "value": ...}} pairs (as BigQuery writes labels), as a
	 * map of strings: members that are objects or arrays as JSON text, null members left
	 * out.
	 * @throws IllegalArgumentException when the text is none of these
	 */
	public static Map<String, String> map(String text) {
		Map<String, Map<String, String>> cache = PARSED.get();
		Map<String, String> known = cache.get(text);
		if (known != null) {
			return known;
		}
		Map<String, String> parsed = parse(text);
		if (cache.size() >= CACHE_SIZE) {
			cache.clear();
		}
		cache.put(text, parsed);
		return parsed;
	}

	private static Map<String, String> parse(String text) {
		String value = text.strip();
		if (value.isEmpty() || value.equals("[]") || value.equals("{}")) {
			return Map.of();
		}
		String json = (value.startsWith("{") || value.startsWith("[")) ? value : "{" + value + "}";
		try {
			return Collections.unmodifiableMap(toMap(IngestionJson.MAPPER.readTree(json)));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("is not JSON", ex);
		}
	}

	private static Map<String, String> toMap(JsonNode node) {
		Map<String, String> map = new LinkedHashMap<>();
		if (node != null && node.isObject()) {
			node.properties().forEach(entry -> put(map, entry.getKey(), entry.getValue()));
			return map;
		}
		if (node == null || !node.isArray()) {
			throw new IllegalArgumentException("not an object or a list of key/value pairs");
		}
		for (JsonNode pair : node) {
			JsonNode key = pair.get("key");
			if (key == null || !key.isValueNode()) {
				throw new IllegalArgumentException("not a list of key/value pairs");
			}
			put(map, key.asString(), pair.get("value"));
		}
		return map;
	}

	private static void put(Map<String, String> map, String key, @Nullable JsonNode value) {
		if (value != null && !value.isNull()) {
			map.put(key, value.isValueNode() ? value.asString() : value.toString());
		}
	}

}
