package org.greenledger.reports;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How renderers print values as text: English number format ({@code 1,234.5}), ISO dates,
 * UTC times. Not thread-safe: create one per rendering.
 */
public final class Formats {

	/** What a number that is not available (NaN: a month without data) prints as. */
	public static final String NO_DATA = "no data";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final DecimalFormat[] decimals = new DecimalFormat[11];

	private final DecimalFormat[] percents = new DecimalFormat[11];

	/**
	 * Prints a number with grouping and a fixed number of decimals.
	 * @param value the value
	 * @param decimals the decimals, 0 to 10
	 * @return the text, for example {@code 12,345.60}
	 */
	public String number(double value, int decimals) {
		DecimalFormat format = this.decimals[decimals];
		if (format == null) {
			format = decimalFormat(decimals, false);
			this.decimals[decimals] = format;
		}
		return format.format(value);
	}

	/**
	 * Prints a fraction as a percentage.
	 * @param fraction the fraction ({@code 0.125})
	 * @param decimals the decimals of the percentage
	 * @return the text, for example {@code 12.5 %}
	 */
	public String percent(double fraction, int decimals) {
		DecimalFormat format = this.percents[decimals];
		if (format == null) {
			format = decimalFormat(decimals, true);
			this.percents[decimals] = format;
		}
		return format.format(fraction * 100) + " %";
	}

	/**
	 * Prints a cell value of a column.
	 * @param value the value
	 * @param column the column
	 * @return the text, empty for {@code null}
	 */
	public String cell(@Nullable Object value, Column column) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double number && number.isNaN()) {
			// a month or category without data
			return NO_DATA;
		}
		if (value instanceof Number number && column.kind().isNumeric()) {
			return switch (column.kind()) {
				case INTEGER ->
					number((number instanceof BigDecimal big) ? big.doubleValue() : number.doubleValue(), 0);
				case PERCENT -> percent(number.doubleValue(), column.decimals());
				default -> number(number.doubleValue(), column.decimals());
			};
		}
		if (value instanceof LocalDate date) {
			return date.toString();
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.toLocalDate() + " " + dateTime.toLocalTime();
		}
		if (value instanceof TemporalAccessor temporal && !(value instanceof LocalDate)) {
			try {
				return TIMESTAMP.format(temporal);
			}
			catch (RuntimeException ex) {
				return value.toString();
			}
		}
		return value.toString();
	}

	/**
	 * Prints an instant as {@code yyyy-MM-dd HH:mm UTC}.
	 * @param instant the instant
	 * @return the text
	 */
	public String timestamp(TemporalAccessor instant) {
		return TIMESTAMP.format(instant);
	}

	private static DecimalFormat decimalFormat(int decimals, boolean percent) {
		DecimalFormat format = new DecimalFormat(
				(percent ? "0" : "#,##0") + ((decimals > 0) ? "." + "0".repeat(decimals) : ""),
				DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		return format;
	}

}
