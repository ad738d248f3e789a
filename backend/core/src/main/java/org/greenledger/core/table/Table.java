package org.greenledger.core.table;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A file's header and its rows of cells as text, read one row at a time: a CSV file, or
 * the flattened columns of a Parquet file. Readers of billing formats work on this, so
 * that each format is mapped once whatever container it comes in.
 */
public interface Table extends AutoCloseable {

	/** Column names as in the file (a byte-order mark removed). */
	List<String> header();

	/**
	 * The next row's cells (an empty cell is an empty string or null), or null at the
	 * end.
	 * @throws IOException when the file cannot be read further (damaged or truncated)
	 */
	@Nullable List<String> next() throws IOException;

	/**
	 * Tells the table which columns (0-based positions) the reader uses: a table may then
	 * leave the other cells of later rows empty instead of materialising them. By default
	 * every cell is read.
	 */
	default void readOnly(java.util.BitSet columns) {
	}

	/**
	 * Whether the text of the cells was already refused when it holds a NUL character (a
	 * CSV decoded by {@link TextInput} is), so that the rows need not be searched for one
	 * again.
	 */
	default boolean refusesNul() {
		return false;
	}

	@Override
	void close() throws IOException;

}
