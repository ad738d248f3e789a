package org.greenledger.core.table;

/**
 * A row whose cells come from a column's table of distinct values (a CSV read from
 * bytes): each cell has a number among its column's distinct texts, the same number for
 * the same text, so that a reader can keep what it parsed a cell into (a timestamp, an
 * amount, a JSON map) by that number and get it back for every later cell of the same
 * column with the same text, instead of parsing it again or looking it up by its text.
 * Only for the row last read.
 */
public interface ParsedCells {

	/** Numbers are below this. */
	int NUMBERS = 1 << 14;

	/**
	 * The number of the cell at the position among its column's distinct texts, or -1
	 * when it has none.
	 */
	int number(int position);

}
