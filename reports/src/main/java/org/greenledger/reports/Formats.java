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
	 * Prints a number by the document's {@link Precision} rule: with the given decimals,
	 * or as {@code "< 0.01"} ({@code "> -0.01"}) when it is not zero but would print as
	 * zero.
	 * @param value the value
	 * @param decimals the decimals, 0 to 10
	 * @return the text, for example {@code 12,345.6} or {@code < 0.1}
	 */
	public String figure(double value, int decimals) {
		if (Precision.roundsToZero(value, decimals)) {
			return ((value < 0) ? "> -" : "< ") + number(Math.pow(10, -decimals), decimals);
		}
		return number(value, decimals);
	}

	/**
	 * Prints a key figure's value by the {@link Precision} rule, without its unit.
	 * @param figure the figure
	 * @return the text
	 */
	public String figure(KeyFigure figure) {
		return figure(figure.value(), Precision.decimals(figure));
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
		double percent = fraction * 100;
		if (Precision.roundsToZero(percent, decimals)) {
			return ((percent < 0) ? "> -" : "< ") + format.format(Math.pow(10, -decimals)) + " %";
		}
		return format.format(percent) + " %";
	}

	/**
	 * Prints a cell value of a column, numbers by the {@link Precision} rule.
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
					figure((number instanceof BigDecimal big) ? big.doubleValue() : number.doubleValue(), 0);
				case PERCENT -> percent(number.doubleValue(), column.decimals());
				default -> figure(number.doubleValue(), Precision.decimals(number.doubleValue(), column));
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
