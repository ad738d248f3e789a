package org.greenledger.reports;

/**
 * The one precision rule of every number in a document, the portal's rule for figures of
 * any size ({@code NumberFormats.figure}): each number is printed with the decimals that
 * give it three significant digits (100 and more: none, so 1,234,567 keeps every digit;
 * 10 to 99.9: one; 1 to 9.99: two; below 1: as many as three significant digits need, at
 * most {@value #MAX_DECIMALS}: 0.0320). A number that is not zero but rounds to zero in
 * its decimals is printed as {@code "< 0.000001"} (the smallest step shown), never as
 * zero; zero is printed as {@code 0}.
 * <p>
 * The rule works one number at a time, so it holds for streamed tables of a million rows
 * and for columns that mix quantities (an indicator table with kWh beside a PUE of 1.38).
 * Columns and key figures declared with 0 decimals hold whole numbers (years, weights,
 * litres of fuel) and keep 0 decimals ({@code "< 1"} for a fraction of one); percentages
 * keep their declared decimals ({@code "< 0.1 %"}).
 */
public final class Precision {

	/** The most decimals the rule chooses. */
	public static final int MAX_DECIMALS = 6;

	private Precision() {
	}

	/**
	 * The decimals that give a number three significant digits.
	 * @param value the number
	 * @return the decimals, 0 to {@value #MAX_DECIMALS}
	 */
	public static int decimals(double value) {
		double magnitude = Math.abs(value);
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
	 * @return 0 for a figure declared whole, else by its magnitude
	 */
	public static int decimals(KeyFigure figure) {
		return (figure.decimals() == 0) ? 0 : decimals(figure.value());
	}

	/**
	 * The decimals a value of a column is printed with.
	 * @param value the value
	 * @param column the column
	 * @return by the value's magnitude for a decimal number column; 0 for whole numbers;
	 * the declared decimals of a percentage
	 */
	public static int decimals(double value, Column column) {
		return switch (column.kind()) {
			case NUMBER -> (column.decimals() == 0) ? 0 : decimals(value);
			case PERCENT -> column.decimals();
			default -> 0;
		};
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
