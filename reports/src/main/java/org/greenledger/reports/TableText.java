package org.greenledger.reports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The cells of one table as text, by the document's {@link Precision} rule: what the PDF
 * prints and what the HTML rendering shows ({@code ${figures.table(block).cell(v, i)}} in
 * a template). Not thread-safe, like {@link Formats}.
 */
public final class TableText {

	private final Formats formats;

	private final List<Column> columns;

	private final int[] decimals;

	TableText(Formats formats, Table table) {
		this.formats = formats;
		this.columns = table.columns();
		this.decimals = Precision.decimals(table);
	}

	/**
	 * A cell's text.
	 * @param value the value
	 * @param column the column index
	 * @return the text, empty for {@code null}
	 */
	public String cell(@Nullable Object value, int column) {
		return this.formats.cell(value, this.columns.get(column), this.decimals[column]);
	}

	/**
	 * The decimals the rule chose for a column.
	 * @param column the column index
	 * @return the decimals
	 */
	public int decimals(int column) {
		return this.decimals[column];
	}

}
