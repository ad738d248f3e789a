package org.greenledger.core.table;

import org.jspecify.annotations.Nullable;

/**
 * A row whose cells come from a column's table of distinct values (a CSV read from
 * bytes): a reader may remember what it parsed a cell into (a timestamp, an amount, a
 * JSON map), and get it back for every later cell of the same column with the same text,
 * instead of parsing it again or looking it up by its text. Only for the row last read,
 * and only for columns the reader parses in one way.
 */
public interface ParsedCells {

	/**
	 * What the cell at the position was parsed into when the same text came before, or
	 * null.
	 */
	@Nullable Object parsed(int position);

	/** Remembers what the cell at the position (and its text) was parsed into. */
	void remember(int position, Object value);

}
