package org.greenledger.core.table;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;

/**
 * The row loop every billing reader shares: the header must be there, each row is handed
 * over with its 1-based number, and a file that cannot be read further is a file-level
 * error naming the last row read.
 */
public final class TableRows {

	private TableRows() {
	}

	/** Receives one row's cells. */
	@FunctionalInterface
	public interface RowHandler {

		void row(long row, List<String> cells);

	}

	/** Refuses a file without a header (an empty file). */
	public static void requireHeader(String fileName, Table table) {
		if (table.header().isEmpty()) {
			throw new InvalidFileException(fileName + ": the file is empty");
		}
	}

	/** Hands every row of the table to the handler, in order. */
	public static void each(String fileName, Table table, RowHandler handler) {
		long row = 0;
		boolean searchNul = !table.refusesNul();
		try {
			for (List<String> cells = table.next(); cells != null; cells = table.next()) {
				row++;
				if (searchNul) {
					requireNoNul(table.header(), row, cells);
				}
				handler.row(row, cells);
			}
		}
		catch (IOException ex) {
			throw damaged(fileName, row, ex);
		}
	}

	/**
	 * Refuses a cell with a NUL character (from a JSON escape or a Parquet string; text
	 * files are checked as they are decoded): PostgreSQL cannot store it, and no export
	 * means it.
	 */
	public static void requireNoNul(List<String> header, long row, List<String> cells) throws RefusedTextException {
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			if (cell != null && cell.indexOf('\0') >= 0) {
				String column = (i < header.size()) ? header.get(i) : "number " + (i + 1);
				throw new RefusedTextException("row " + row + ", column " + column
						+ ": the text contains a NUL character, which text may not");
			}
		}
	}

	/** The file-level error for a file that cannot be read further. */
	public static InvalidFileException damaged(String fileName, long row, Throwable cause) {
		if (cause instanceof EOFException) {
			return new InvalidFileException(fileName + ": the compressed data ends unexpectedly after row " + row
					+ " (truncated gzip?); nothing of the file was used", cause);
		}
		if (cause instanceof RefusedTextException || cause instanceof LimitExceededException) {
			return new InvalidFileException(fileName + ": " + cause.getMessage() + "; nothing of the file was used",
					cause);
		}
		if (cause instanceof MalformedTableException) {
			return new InvalidFileException(
					fileName + ": " + cause.getMessage() + " (after row " + row + "); nothing of the file was used",
					cause);
		}
		return new InvalidFileException(
				fileName + ": the file cannot be read after row " + row + ": " + cause.getMessage(), cause);
	}

}
