package org.greenledger.core.table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
			String cell = column.value(this.cells);
			error(column, (cell != null && cell.strip().equalsIgnoreCase("nan"))
					? "is NaN (not a number); a value is required here" : "is empty");
		}
		return value;
	}

	/**
	 * A JSON cell as a map of strings ({@link JsonCells#map}); empty when the cell is
	 * empty, an error when it is not a JSON object or a list of key/value pairs.
	 */
	public Map<String, String> map(Column column) {
		String value = text(column);
		if (value == null) {
			return Map.of();
		}
		try {
			return JsonCells.map(value);
		}
		catch (IllegalArgumentException ex) {
			error(column, "is not a JSON object or a list of key/value pairs");
			return Map.of();
		}
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
