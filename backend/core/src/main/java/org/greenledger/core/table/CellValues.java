package org.greenledger.core.table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads the values real exports contain: empty strings and literal
 * {@code null}/{@code NULL} for missing values, quoted numbers, and timestamps as ISO
 * with or without offset, {@code yyyy-MM-dd HH:mm:ss}, dates alone, or US
 * {@code MM/dd/yyyy}. Times without an offset are UTC. Numbers must be finite and in
 * their {@link ValueRange}; timestamps inside the date window of {@link InputLimits}.
 */
public final class CellValues {

	private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
			DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
			DateTimeFormatter.ofPattern("M/d/yyyy H:mm[:ss]"));

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("M/d/yyyy"),
			new java.time.format.DateTimeFormatterBuilder().appendPattern("M/d/")
				.appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 2, 2000)
				.toFormatter());

	private static final java.util.regex.Pattern MONEY = java.util.regex.Pattern
		.compile("^([-(]?)\\s*[$\u20ac\u00a3\u00a5]?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\)?$");

	private CellValues() {
	}

	/** The trimmed text, or {@code null} when the cell is empty or says it is missing. */
	public static @Nullable String text(@Nullable String cell) {
		if (cell == null) {
			return null;
		}
		String value = cell.strip();
		if (value.length() > 4) {
			return value;
		}
		// the spellings of a missing value: empty, null, none, n/a, nan (any case)
		return switch (value.length()) {
			case 0 -> null;
			case 3 -> (value.equalsIgnoreCase("nan") || value.equalsIgnoreCase("n/a")) ? null : value;
			case 4 -> (value.equalsIgnoreCase("null") || value.equalsIgnoreCase("none")) ? null : value;
			default -> value;
		};
	}

	/**
	 * A decimal number, or {@code null} when missing.
	 * @throws IllegalArgumentException when the cell holds something else
	 */
	public static @Nullable BigDecimal decimal(@Nullable String cell) {
		requireFinite(cell);
		String value = text(cell);
		if (value == null) {
			return null;
		}
		BigDecimal number = plainNumber(value);
		if (number == null) {
			throw new IllegalArgumentException("'" + abbreviate(value) + "' is not a number");
		}
		return inRange(number, ValueRange.QUANTITY);
	}

	/**
	 * Refuses {@code NaN} and infinities by name (a missing-value spelling such as
	 * {@code nan} would otherwise read as empty).
	 */
	private static void requireFinite(@Nullable String cell) {
		if (cell == null || cell.length() > 12 || (!cell.isEmpty() && isDigit(cell.charAt(0)))) {
			return;
		}
		String value = cell.strip().toLowerCase(java.util.Locale.ROOT);
		String unsigned = (value.startsWith("-") || value.startsWith("+")) ? value.substring(1) : value;
		if (unsigned.equals("nan")) {
			throw new IllegalArgumentException("is NaN (not a number); leave the cell empty when there is no value");
		}
		if (unsigned.equals("inf") || unsigned.equals("infinity")) {
			throw new IllegalArgumentException("'" + cell.strip() + "' is infinite; only finite numbers are accepted");
		}
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static BigDecimal inRange(BigDecimal number, ValueRange range) {
		String problem = range.check(number);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		return number;
	}

	/**
	 * An amount of money as spreadsheets write it too: a currency symbol ($, €, £, ¥),
	 * thousands separators and accounting parentheses for negatives are accepted
	 * ({@code "$10,000.00"}, {@code "(5.00)"}); {@code null} when missing.
	 * @throws IllegalArgumentException when the cell holds something else
	 */
	public static @Nullable BigDecimal money(@Nullable String cell) {
		requireFinite(cell);
		String value = text(cell);
		if (value == null) {
			return null;
		}
		BigDecimal number = plainNumber(value);
		if (number != null) {
			return inRange(number, ValueRange.MONEY);
		}
		java.util.regex.Matcher matcher = MONEY.matcher(value);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + abbreviate(value) + "' is not an amount");
		}
		BigDecimal amount = new BigDecimal(
				matcher.group(2).replace(",", "") + ((matcher.group(3) != null) ? matcher.group(3) : ""));
		return inRange(matcher.group(1).isEmpty() ? amount : amount.negate(), ValueRange.MONEY);
	}

	private static @Nullable BigDecimal plainNumber(String value) {
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * A point in time, or {@code null} when missing.
	 * @throws IllegalArgumentException when the cell holds no timestamp in a known format
	 */
	public static @Nullable Instant instant(@Nullable String cell) {
		Instant instant = parseInstant(cell);
		if (instant != null) {
			InputLimits limits = InputLimits.current();
			if (!limits.admits(instant.toEpochMilli())) {
				throw new IllegalArgumentException("'" + abbreviate(cell.strip()) + "' is " + limits.dateWindow());
			}
		}
		return instant;
	}

	private static @Nullable Instant parseInstant(@Nullable String cell) {
		String value = text(cell);
		if (value == null) {
			return null;
		}
		Instant utc = isoUtc(value);
		if (utc != null) {
			return utc;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ignored) {
			// try the formats without offset
		}
		for (DateTimeFormatter format : LOCAL_DATE_TIMES) {
			try {
				return LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ignored) {
				// next format
			}
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(value, format).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ignored) {
				// next format
			}
		}
		throw new IllegalArgumentException("'" + abbreviate(value) + "' is not a date or timestamp"
				+ " (expected ISO 8601, yyyy-MM-dd HH:mm:ss or MM/dd/yyyy)");
	}

	/**
	 * The common case, {@code yyyy-MM-ddTHH:mm:ssZ}, read without the general parser (it
	 * dominates the cost of reading billing files); anything else returns null.
	 */
	private static @Nullable Instant isoUtc(String value) {
		if (value.length() != 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
				|| value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(19) != 'Z') {
			return null;
		}
		int year = digits(value, 0, 4);
		int month = digits(value, 5, 7);
		int day = digits(value, 8, 10);
		int hour = digits(value, 11, 13);
		int minute = digits(value, 14, 16);
		int second = digits(value, 17, 19);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

	private static int digits(String value, int from, int to) {
		int result = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			result = result * 10 + (c - '0');
		}
		return result;
	}

	static String abbreviate(String value) {
		return (value.length() <= 60) ? value : value.substring(0, 57) + "...";
	}

}
