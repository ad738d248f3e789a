package org.greenledger.ingestion;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/** One file's distinct sets of tags, each with its content id. */
final class TagSets {

	private final Map<Map<String, String>, Long> ids = new HashMap<>();

	/** The id of the set, or null for no tags. */
	@Nullable Long id(Map<String, String> tags) {
		if (tags.isEmpty()) {
			return null;
		}
		Long id = this.ids.get(tags);
		if (id == null) {
			id = ContentIds.of(canonical(tags)).id();
			this.ids.put(tags, id);
		}
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
