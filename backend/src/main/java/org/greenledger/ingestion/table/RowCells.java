package org.greenledger.ingestion.table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.greenledger.ingestion.CellValues;
import org.greenledger.ingestion.IngestionJson;
import org.greenledger.ingestion.RowError;

/**
 * Typed access to one row's cells that collects what is wrong (row, column, reason)
 * instead of stopping at the first problem, so that a rejected row lists every bad cell.
 * Values are read as {@link CellValues} reads them; timestamps may also end in
 * {@code " UTC"} (as BigQuery writes them).
 */
public final class RowCells {

	/**
	 * Billing rows repeat a few period boundaries many times: each is parsed once (per
	 * thread).
	 */
	private static final ThreadLocal<Map<String, Instant>> TIMESTAMPS = ThreadLocal.withInitial(HashMap::new);

	private final long row;

	private final List<String> cells;

	private final List<RowError> errors = new ArrayList<>(2);

	/**
	 * @param row 1-based data row number
	 * @param cells the row's cells
	 */
	public RowCells(long row, List<String> cells) {
		this.row = row;
		this.cells = cells;
	}

	public long row() {
		return this.row;
	}

	/** The trimmed text, or null when the cell is empty or says it is missing. */
	public @Nullable String text(Column column) {
		return CellValues.text(column.value(this.cells));
	}

	public @Nullable BigDecimal decimal(Column column) {
		try {
			return CellValues.decimal(column.value(this.cells));
		}
		catch (IllegalArgumentException ex) {
			return error(column, ex.getMessage());
		}
	}

	public @Nullable BigDecimal money(Column column) {
		try {
			return CellValues.money(column.value(this.cells));
		}
		catch (IllegalArgumentException ex) {
			return error(column, ex.getMessage());
		}
	}

	public @Nullable Instant instant(Column column) {
		String cell = column.value(this.cells);
		if (cell == null) {
			return null;
		}
		Map<String, Instant> cache = TIMESTAMPS.get();
		Instant known = cache.get(cell);
		if (known != null) {
			return known;
		}
		try {
			String value = cell.strip();
			Instant parsed = CellValues
				.instant(value.endsWith(" UTC") ? value.substring(0, value.length() - 4) : value);
			if (parsed != null) {
				if (cache.size() > 100_000) {
					cache.clear();
				}
				cache.put(cell, parsed);
			}
			return parsed;
		}
		catch (IllegalArgumentException ex) {
			return error(column, ex.getMessage());
		}
	}

	/** The value, with an "is empty" error when it is null and the cell had no error. */
	public <T> @Nullable T required(Column column, @Nullable T value) {
		if (value == null && this.errors.stream().noneMatch(error -> error.column().equals(column.name()))) {
			error(column, "is empty");
		}
		return value;
	}

	/**
	 * A JSON cell as a map of strings: an object (members that are objects or arrays as
	 * JSON text), its members without the braces (as Azure writes tags), or a list of
	 * {@code {"key": ..., "value": ...}} pairs (as BigQuery writes labels). Empty when
	 * the cell is empty; an error when it is none of these.
	 */
	public Map<String, String> map(Column column) {
		String value = text(column);
		if (value == null || value.equals("[]") || value.equals("{}")) {
			return Map.of();
		}
		String json = (value.startsWith("{") || value.startsWith("[")) ? value : "{" + value + "}";
		try {
			return map(IngestionJson.MAPPER.readTree(json));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			error(column, "is not a JSON object or a list of key/value pairs");
			return Map.of();
		}
	}

	/** A JSON object or a list of key/value pairs as a map of strings. */
	public static Map<String, String> map(JsonNode node) {
		Map<String, String> map = new LinkedHashMap<>();
		if (node.isObject()) {
			node.properties().forEach(entry -> {
				if (!entry.getValue().isNull()) {
					map.put(entry.getKey(),
							entry.getValue().isValueNode() ? entry.getValue().asString() : entry.getValue().toString());
				}
			});
			return map;
		}
		if (!node.isArray()) {
			throw new IllegalArgumentException("not an object or array");
		}
		for (JsonNode pair : node) {
			JsonNode key = pair.get("key");
			if (key == null || !key.isValueNode()) {
				throw new IllegalArgumentException("not a key/value pair");
			}
			JsonNode pairValue = pair.get("value");
			if (pairValue != null && !pairValue.isNull()) {
				map.put(key.asString(), pairValue.isValueNode() ? pairValue.asString() : pairValue.toString());
			}
		}
		return map;
	}

	/** Records a problem with a cell; returns null for use as a value. */
	public <T> @Nullable T error(Column column, String message) {
		this.errors.add(new RowError(this.row, column.name(), message));
		return null;
	}

	public boolean ok() {
		return this.errors.isEmpty();
	}

	public List<RowError> errors() {
		return this.errors;
	}

}
