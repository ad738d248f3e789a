package org.greenledger.reports;

import java.util.Objects;

/**
 * Data that belongs in the spreadsheet only, such as every activity line behind the
 * totals. The XLSX renderer writes it as a worksheet of its own; the PDF renderer lists
 * it with its row count and columns, not its rows.
 *
 * @param name the worksheet name (at most 31 characters are used)
 * @param table the table, usually streamed
 */
public record Sheet(String name, Table table) {

	public Sheet {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(table, "table");
	}

}
