package org.greenledger.reports;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A column of a {@link Table}.
 *
 * @param header the header
 * @param kind what the column holds, which decides alignment and number format
 * @param unit an optional unit, printed with the header
 * @param decimals for {@link Kind#NUMBER}: 0 for whole numbers, any other value lets the
 * {@link Precision} rule choose (three significant digits per number); for
 * {@link Kind#PERCENT} the decimals of the percentage; ignored otherwise
 */
public record Column(String header, Kind kind, @Nullable String unit, int decimals) {

	public Column {
		Objects.requireNonNull(header, "header");
		Objects.requireNonNull(kind, "kind");
		if (decimals < 0 || decimals > 10) {
			throw new IllegalArgumentException("decimals must be between 0 and 10, was " + decimals);
		}
	}

	/**
	 * A text column.
	 * @param header the header
	 * @return the column
	 */
	public static Column text(String header) {
		return new Column(header, Kind.TEXT, null, 0);
	}

	/**
	 * A decimal number column.
	 * @param header the header
	 * @param unit the unit, or {@code null}
	 * @param decimals the decimals
	 * @return the column
	 */
	public static Column number(String header, @Nullable String unit, int decimals) {
		return new Column(header, Kind.NUMBER, unit, decimals);
	}

	/**
	 * A whole number column.
	 * @param header the header
	 * @param unit the unit, or {@code null}
	 * @return the column
	 */
	public static Column integer(String header, @Nullable String unit) {
		return new Column(header, Kind.INTEGER, unit, 0);
	}

	/**
	 * A percentage column; values are fractions ({@code 0.125} is 12.5 %).
	 * @param header the header
	 * @param decimals the decimals of the percentage
	 * @return the column
	 */
	public static Column percent(String header, int decimals) {
		return new Column(header, Kind.PERCENT, null, decimals);
	}

	/**
	 * A date column; values are {@link java.time.LocalDate}s.
	 * @param header the header
	 * @return the column
	 */
	public static Column date(String header) {
		return new Column(header, Kind.DATE, null, 0);
	}

	/**
	 * The header with its unit, for example {@code "Emissions (t CO2e)"}.
	 * @return the header text
	 */
	public String headerWithUnit() {
		return (this.unit != null) ? this.header + " (" + this.unit + ")" : this.header;
	}

	/**
	 * What a column holds.
	 */
	public enum Kind {

		/** Text, left-aligned. */
		TEXT,

		/**
		 * A decimal {@link Number}, right-aligned with {@link Column#decimals()}
		 * decimals.
		 */
		NUMBER,

		/** A whole {@link Number}, right-aligned. */
		INTEGER,

		/** A fraction shown as a percentage, right-aligned. */
		PERCENT,

		/** A {@link java.time.LocalDate}. */
		DATE;

		/**
		 * Whether values of this kind are numbers.
		 * @return {@code true} for numbers and percentages
		 */
		public boolean isNumeric() {
			return this == NUMBER || this == INTEGER || this == PERCENT;
		}

	}

}
