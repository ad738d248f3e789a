package org.greenledger.reports;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A table: a caption, its columns and its rows, held in memory or streamed (see
 * {@link RowSource}).
 *
 * @param caption the caption
 * @param columns the columns
 * @param rows the rows, each with one value per column
 */
public record Table(String caption, List<Column> columns, RowSource rows) implements Block {

	public Table {
		Objects.requireNonNull(caption, "caption");
		columns = List.copyOf(columns);
		Objects.requireNonNull(rows, "rows");
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("A table needs at least one column");
		}
	}

	/**
	 * A table whose rows are held in memory.
	 * @param caption the caption
	 * @param columns the columns
	 * @param rows the rows
	 * @return the table
	 */
	public static Table of(String caption, List<Column> columns,
			List<? extends List<? extends @Nullable Object>> rows) {
		return new Table(caption, columns, RowSource.of(rows));
	}

	/**
	 * A table whose rows are streamed.
	 * @param caption the caption
	 * @param columns the columns
	 * @param rows the rows
	 * @return the table
	 */
	public static Table streaming(String caption, List<Column> columns, RowSource rows) {
		return new Table(caption, columns, rows);
	}

}
