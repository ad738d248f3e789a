package org.greenledger.ingestion;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV lines (RFC 4180, CRLF) that are safe to open in a spreadsheet: a cell
 * starting with {@code = + - @}, a tab or a carriage return would be taken as a formula
 * (CSV injection), so it gets a leading apostrophe and is read as text.
 */
final class CsvCells {

	private CsvCells() {
	}

	static void line(Writer out, List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(quoted(neutralised(cells.get(i))));
		}
		out.write("\r\n");
	}

	/**
	 * The cell with a leading apostrophe when a spreadsheet would run it as a formula.
	 */
	static String neutralised(String cell) {
		if (cell.isEmpty()) {
			return cell;
		}
		char first = cell.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + cell : cell;
	}

	private static String quoted(String cell) {
		boolean quote = false;
		for (int i = 0; i < cell.length() && !quote; i++) {
			char c = cell.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
	}

}
