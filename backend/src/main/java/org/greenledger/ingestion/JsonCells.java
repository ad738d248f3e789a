package org.greenledger.ingestion;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * JSON object cells (tags, labels, SKU details) as flat, unmodifiable maps of strings.
 * Billing files repeat the same few cell texts on many rows, so each distinct text is
 * parsed once per thread (a bounded cache), and the same map instance is returned for it.
 */
public final class JsonCells {

	private static final int CACHE_SIZE = 20_000;

	private static final ThreadLocal<Map<String, Map<String, String>>> PARSED = ThreadLocal.withInitial(HashMap::new);

	private JsonCells() {
	}

	/**
	 * @param text a JSON object; Azure sometimes omits the braces
	 * @throws IllegalArgumentException when the text is not a JSON object
	 */
	public static Map<String, String> object(String text) {
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
		String object = text.strip().startsWith("{") ? text : "{" + text + "}";
		try {
			JsonNode node = IngestionJson.MAPPER.readTree(object);
			if (node == null || !node.isObject()) {
				throw new IllegalArgumentException("is not a JSON object");
			}
			Map<String, String> map = new LinkedHashMap<>();
			node.properties()
				.forEach(entry -> map.put(entry.getKey(),
						entry.getValue().isValueNode() ? entry.getValue().asString() : entry.getValue().toString()));
			return Collections.unmodifiableMap(map);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("is not a JSON object", ex);
		}
	}

}
