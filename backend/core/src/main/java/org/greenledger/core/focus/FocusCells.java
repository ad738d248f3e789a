package org.greenledger.core.focus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.CellValues;
import org.greenledger.core.table.JsonCells;
import org.greenledger.core.table.ParsedCells;
import org.greenledger.core.table.RowError;

/**
 * Typed access to one row's cells at a time (the columns the reader reads, by number),
 * collecting what is wrong instead of stopping. Billing rows repeat a few period
 * boundaries, amounts and JSON cells many times, so each distinct text is parsed once:
 * beside the cell's value in its column's table when the table keeps one
 * ({@link ParsedCells}: a CSV read from bytes), otherwise in per-file maps by text
 * (bounded). Used by one thread at a time (the one reading the rows).
 */
final class FocusCells {

	private final String[] names;

	private final int[] positions;

	/**
	 * Whether a column's cells are parsed in one way only (no other column reads them).
	 */
	private final boolean[] once;

	private final HashMap<String, Instant> instants = new HashMap<>();

	private final HashMap<String, Map<String, String>> json = new HashMap<>();

	private long row;

	private List<String> cells = List.of();

	private @Nullable ParsedCells parsed;

	/** What cells were parsed into, by column and number ({@link #number}). */
	private final @Nullable Instant[][] parsedInstants;

	private final @Nullable BigDecimal[][] parsedNumbers;

	private final @Nullable Map<?, ?>[][] parsedMaps;

	private @Nullable List<RowError> errors;

	/**
	 * @param names the columns' names, for errors
	 * @param positions their positions in the file's rows, -1 for those it does not have
	 */
	FocusCells(String[] names, int[] positions) {
		this.names = names;
		this.positions = positions;
		this.once = new boolean[positions.length];
		this.parsedInstants = new Instant[positions.length][0];
		this.parsedNumbers = new BigDecimal[positions.length][0];
		this.parsedMaps = new Map<?, ?>[positions.length][0];
		for (int i = 0; i < positions.length; i++) {
			int position = positions[i];
			this.once[i] = position >= 0
					&& java.util.Arrays.stream(positions).filter(other -> other == position).count() == 1;
		}
	}

	/** Moves on to the next row. */
	FocusCells next(long row, List<String> cells) {
		this.row = row;
		this.cells = cells;
		this.parsed = (cells instanceof ParsedCells remembered) ? remembered : null;
		this.errors = null;
		return this;
	}

	long row() {
		return this.row;
	}

	/** The cell of a column, or null when the file does not have the column. */
	@Nullable String cell(int column) {
		int position = this.positions[column];
		return (position >= 0 && position < this.cells.size()) ? this.cells.get(position) : null;
	}

	@Nullable String text(int column) {
		return CellValues.text(cell(column));
	}

	@Nullable Instant instant(int column) {
		return parsedOnce(this.parsedInstants, column, this.instantOf);
	}

	@Nullable BigDecimal decimal(int column) {
		return parsedOnce(this.parsedNumbers, column, CellValues::decimal);
	}

	@Nullable BigDecimal money(int column) {
		return parsedOnce(this.parsedNumbers, column, CellValues::money);
	}

	/**
	 * A cell parsed by {@code parse}, once per distinct value where the reader numbers
	 * the column's values: kept in {@code table} by column and number.
	 */
	private <T> @Nullable T parsedOnce(@Nullable T[][] table, int column,
			Function<@Nullable String, @Nullable T> parse) {
		int number = number(column);
		@Nullable T[] known = (number >= 0) ? table[column] = room(table[column], number) : null;
		if (known != null && known[number] != null) {
			return known[number];
		}
		try {
			T value = parse.apply(cell(column));
			if (known != null) {
				known[number] = value;
			}
			return value;
		}
		catch (IllegalArgumentException ex) {
			return error(column, ex.getMessage());
		}
	}

	/** The value, with an "is empty" error when it is null and the cell had no error. */
	<T> @Nullable T required(int column, @Nullable T value) {
		if (value == null && errors().stream().noneMatch(error -> error.column().equals(this.names[column]))) {
			error(column, "is empty");
		}
		return value;
	}

	/**
	 * A JSON cell (an object, its members without braces, or a list of key/value pairs)
	 * as a flat map of strings.
	 */
	@SuppressWarnings("unchecked")
	Map<String, String> json(int column) {
		int number = number(column);
		Map<?, ?>[] known = (number >= 0) ? this.parsedMaps[column] = room(this.parsedMaps[column], number) : null;
		if (known != null && known[number] != null) {
			return (Map<String, String>) known[number];
		}
		String value = text(column);
		if (value == null) {
			return Map.of();
		}
		try {
			Map<String, String> map = json(value);
			if (known != null) {
				known[number] = map;
			}
			return map;
		}
		catch (IllegalArgumentException ex) {
			error(column, "is not a JSON object or a list of key/value pairs");
			return Map.of();
		}
	}

	/** {@link JsonCells#map}, remembered per file. */
	Map<String, String> json(String text) {
		Map<String, String> known = this.json.get(text);
		if (known != null) {
			return known;
		}
		Map<String, String> value = JsonCells.map(text);
		if (this.json.size() >= 20_000) {
			this.json.clear();
		}
		this.json.put(text, value);
		return value;
	}

	/** {@link #instantOf(String)}, made once (it is used for every row). */
	private final Function<@Nullable String, @Nullable Instant> instantOf = this::instantOf;

	private @Nullable Instant instantOf(@Nullable String cell) {
		if (cell == null) {
			return null;
		}
		Instant known = this.instants.get(cell);
		if (known != null) {
			return known;
		}
		Instant value = CellValues.instant(cell);
		if (value != null) {
			if (this.instants.size() > 100_000) {
				this.instants.clear();
			}
			this.instants.put(cell, value);
		}
		return value;
	}

	/**
	 * The number of the column's cell among its column's texts ({@link ParsedCells}), or
	 * -1: what the cell was parsed into is kept by that number, in an array of its type
	 * (read without a type check, which would load the object).
	 */
	private int number(int column) {
		return (this.parsed != null && this.once[column]) ? this.parsed.number(this.positions[column]) : -1;
	}

	/** The array, with room for the number. */
	private static <T> T[] room(T[] known, int number) {
		return (number < known.length) ? known
				: java.util.Arrays.copyOf(known, Math.max(number + 1, Math.min(known.length * 2, ParsedCells.NUMBERS)));
	}

	/** Records a problem with a cell; returns null for use as a value. */
	<T> @Nullable T error(int column, String message) {
		if (this.errors == null) {
			this.errors = new ArrayList<>(2);
		}
		this.errors.add(new RowError(this.row, this.names[column], message));
		return null;
	}

	boolean ok() {
		return this.errors == null;
	}

	List<RowError> errors() {
		return (this.errors != null) ? this.errors : List.of();
	}

}
