package org.greenledger.reports;

import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one precision rule of every number in a document, the portal's rule for figures: a
 * set of figures of one kind (a table column, a key figure) is shown with the decimals
 * that give its largest absolute value three significant digits (100 and more: none; 10
 * to 99.9: one; 1 to 9.99: two; below 1: as many as three significant digits need, at
 * most {@value #MAX_DECIMALS}). A value that is not zero but rounds to zero in those
 * decimals is printed as {@code "< 0.01"} (the smallest step shown), never as
 * {@code 0.00}; zero is printed as zero.
 * <p>
 * Columns and key figures declared with 0 decimals hold whole numbers (years, weights,
 * litres of fuel) and keep 0 decimals. Streamed tables (no known size, or more than
 * {@value #MAX_SCANNED_ROWS} rows, such as the activity lines of a workbook) keep their
 * columns' declared decimals, as finding the largest value would mean reading every row
 * once more; the "&lt;" rule applies to them too.
 */
public final class Precision {

	/**
	 * Tables of known size up to this many rows are read once more to find each column's
	 * largest value; longer ones keep their declared decimals.
	 */
	public static final long MAX_SCANNED_ROWS = 10_000;

	/** The most decimals the rule chooses. */
	public static final int MAX_DECIMALS = 6;

	private Precision() {
	}

	/**
	 * The decimals that give a figure three significant digits.
	 * @param largest the largest absolute value of the set
	 * @return the decimals, 0 to {@value #MAX_DECIMALS}
	 */
	public static int decimals(double largest) {
		double magnitude = Math.abs(largest);
		if (magnitude == 0 || !Double.isFinite(magnitude) || magnitude >= 100) {
			return 0;
		}
		if (magnitude >= 10) {
			return 1;
		}
		if (magnitude >= 1) {
			return 2;
		}
		return Math.min(MAX_DECIMALS, 2 - (int) Math.floor(Math.log10(magnitude)));
	}

	/**
	 * The decimals of a key figure.
	 * @param figure the figure
	 * @return its declared 0 for whole numbers, else by its magnitude
	 */
	public static int decimals(KeyFigure figure) {
		return (figure.decimals() == 0) ? 0 : decimals(figure.value());
	}

	/**
	 * The decimals each column of a table is printed with: for a number column of a table
	 * held in memory, by the column's largest value; else (whole numbers, percentages,
	 * streamed tables) the column's declared decimals.
	 * @param table the table
	 * @return the decimals, one per column
	 */
	public static int[] decimals(Table table) {
		List<Column> columns = table.columns();
		int[] decimals = new int[columns.size()];
		for (int i = 0; i < decimals.length; i++) {
			decimals[i] = columns.get(i).decimals();
		}
		if (table.rows().knownSize().isEmpty() || table.rows().knownSize().getAsLong() > MAX_SCANNED_ROWS) {
			return decimals;
		}
		double[] largest = new double[columns.size()];
		Iterator<? extends List<? extends @Nullable Object>> rows = table.rows().iterator();
		try {
			while (rows.hasNext()) {
				List<? extends @Nullable Object> row = rows.next();
				for (int i = 0; i < Math.min(row.size(), largest.length); i++) {
					if (row.get(i) instanceof Number number && Double.isFinite(number.doubleValue())) {
						largest[i] = Math.max(largest[i], Math.abs(number.doubleValue()));
					}
				}
			}
		}
		finally {
			RowSources.close(rows);
		}
		for (int i = 0; i < decimals.length; i++) {
			Column column = columns.get(i);
			if (column.kind() == Column.Kind.NUMBER && column.decimals() > 0) {
				decimals[i] = decimals(largest[i]);
			}
		}
		return decimals;
	}

	/**
	 * Whether a value is not zero but rounds to zero in the given decimals.
	 * @param value the value
	 * @param decimals the decimals
	 * @return {@code true} if it would print as zero without being zero
	 */
	public static boolean roundsToZero(double value, int decimals) {
		return value != 0 && Double.isFinite(value) && Math.abs(value) < Math.pow(10, -decimals) / 2;
	}

}
