package org.greenledger.core.table;

/**
 * Decimal numbers and timestamps parsed from a range of a string without allocating:
 * telemetry files have millions of rows and a formatter or regular expression per row
 * would dominate the reading time.
 */
public final class FastNumbers {

	/** What {@link #localMillis} returns for text that is not a timestamp. */
	public static final long NOT_A_TIMESTAMP = Long.MIN_VALUE;

	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
			1e13, 1e14, 1e15, 1e16, 1e17, 1e18 };

	private static final int[] DAYS_IN_MONTH = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	private FastNumbers() {
	}

	/**
	 * A plain decimal number ({@code 312.45}, {@code -1}, {@code +0.5}, {@code 1.5e3}) in
	 * {@code text[from, to)}; NaN when the range is not one (the caller handles the words
	 * {@code NaN} and {@code Inf} itself).
	 */
	public static double decimal(String text, int from, int to) {
		if (from >= to) {
			return Double.NaN;
		}
		int i = from;
		boolean negative = false;
		char first = text.charAt(i);
		if (first == '-' || first == '+') {
			negative = first == '-';
			i++;
		}
		long mantissa = 0;
		int digits = 0;
		int fraction = 0;
		boolean point = false;
		boolean any = false;
		for (; i < to; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				any = true;
				if (digits == 18) {
					return slow(text, from, to);
				}
				mantissa = mantissa * 10 + (c - '0');
				if (mantissa != 0) {
					digits++;
				}
				if (point) {
					fraction++;
					if (fraction == 18) {
						return slow(text, from, to);
					}
				}
			}
			else if (c == '.' && !point) {
				point = true;
			}
			else if (c == 'e' || c == 'E') {
				return slow(text, from, to);
			}
			else {
				return Double.NaN;
			}
		}
		if (!any) {
			return Double.NaN;
		}
		double value = (fraction == 0) ? mantissa : mantissa / POWERS_OF_TEN[fraction];
		return negative ? -value : value;
	}

	private static double slow(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
				return Double.NaN;
			}
		}
		try {
			return Double.parseDouble(text.substring(from, to));
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	/**
	 * A local date and time {@code yyyy/MM/dd HH:mm:ss[.fraction]} (dashes also accepted
	 * in the date, and a {@code T} between date and time) in {@code text[from, to)}, as
	 * milliseconds since the epoch as if it were UTC; {@link #NOT_A_TIMESTAMP} when it is
	 * not one. Fractions finer than a millisecond are cut off.
	 */
	public static long localMillis(String text, int from, int to) {
		if (to - from < 19) {
			return NOT_A_TIMESTAMP;
		}
		int year = digits(text, from, 4);
		char dateSeparator = text.charAt(from + 4);
		int month = digits(text, from + 5, 2);
		int day = digits(text, from + 8, 2);
		char between = text.charAt(from + 10);
		int hour = digits(text, from + 11, 2);
		int minute = digits(text, from + 14, 2);
		int second = digits(text, from + 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || (dateSeparator != '/' && dateSeparator != '-')
				|| text.charAt(from + 7) != dateSeparator || (between != ' ' && between != 'T')
				|| text.charAt(from + 13) != ':' || text.charAt(from + 16) != ':') {
			return NOT_A_TIMESTAMP;
		}
		if (day > DAYS_IN_MONTH[month - 1]
				|| (month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))) {
			return NOT_A_TIMESTAMP;
		}
		int millis = 0;
		int i = from + 19;
		if (i < to) {
			if (text.charAt(i) != '.' || i + 1 == to) {
				return NOT_A_TIMESTAMP;
			}
			int scale = 100;
			for (i++; i < to; i++) {
				char c = text.charAt(i);
				if (c < '0' || c > '9') {
					return NOT_A_TIMESTAMP;
				}
				millis += (c - '0') * scale;
				scale /= 10;
			}
		}
		return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
	}

	/** The non-negative number of {@code count} digits at {@code at}, or -1. */
	private static int digits(String text, int at, int count) {
		int value = 0;
		for (int i = at; i < at + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/** Days since 1970-01-01 of a proleptic Gregorian date. */
	public static long daysFromCivil(int year, int month, int day) {
		int y = (month <= 2) ? year - 1 : year;
		int era = Math.floorDiv(y, 400);
		int yearOfEra = y - era * 400;
		int dayOfYear = (153 * (month + ((month > 2) ? -3 : 9)) + 2) / 5 + day - 1;
		int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146_097L + dayOfEra - 719_468L;
	}

}
