package org.greenledger.providercarbon;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.InvalidFileException;

/**
 * A table's columns by name (case-insensitive, surrounding blanks and quotes ignored), so
 * that exports listing their columns in any order or omitting optional ones are read
 * alike.
 */
public final class Header {

	private final Map<String, Integer> positions = new HashMap<>();

	public Header(List<String> names) {
		for (int i = 0; i < names.size(); i++) {
			this.positions.putIfAbsent(key(names.get(i)), i);
		}
	}

	private static String key(@Nullable String name) {
		return (name == null) ? "" : name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
	}

	public boolean has(String name) {
		return this.positions.containsKey(key(name));
	}

	/** The first of the names the header has, or null. */
	public @Nullable String first(String... names) {
		for (String name : names) {
			if (has(name)) {
				return name;
			}
		}
		return null;
	}

	/** The cell of a column in a row, null when the header lacks the column. */
	public @Nullable String cell(List<String> cells, @Nullable String name) {
		if (name == null) {
			return null;
		}
		Integer position = this.positions.get(key(name));
		return (position == null || position >= cells.size()) ? null : cells.get(position);
	}

	/** Refuses the file when a mandatory column is missing. */
	public void require(String fileName, String format, String... names) {
		List<String> missing = java.util.Arrays.stream(names).filter(name -> !has(name)).toList();
		if (!missing.isEmpty()) {
			throw new InvalidFileException(fileName + ": the " + format + " lacks the column"
					+ ((missing.size() > 1) ? "s " : " ") + String.join(", ", missing));
		}
	}

}
