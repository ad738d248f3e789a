package org.greenledger.ingestion;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/** One file's distinct sets of tags, each with its content id. */
final class TagSets {

	private final Map<Map<String, String>, Long> ids = new HashMap<>();

	/**
	 * Readers hand out the same map instance for the same cell text: a cheap first look.
	 */
	private final Map<Map<String, String>, Long> byInstance = new IdentityHashMap<>();

	/** The id of the set, or null for no tags. */
	@Nullable Long id(Map<String, String> tags) {
		if (tags.isEmpty()) {
			return null;
		}
		Long id = this.byInstance.get(tags);
		if (id != null) {
			return id;
		}
		id = this.ids.get(tags);
		if (id == null) {
			id = ContentIds.of(canonical(tags)).id();
			this.ids.put(tags, id);
		}
		if (this.byInstance.size() >= 100_000) {
			this.byInstance.clear();
		}
		this.byInstance.put(tags, id);
		return id;
	}

	Map<Map<String, String>, Long> all() {
		return this.ids;
	}

	/** JSON object with the keys sorted. */
	static String canonical(Map<String, String> tags) {
		return IngestionJson.MAPPER.writeValueAsString(new TreeMap<>(tags));
	}

}
