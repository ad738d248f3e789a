package org.greenledger.core.metercsv;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Timestamps and intervals as the meter CSV writes them. A timestamp is ISO 8601 with an
 * offset or {@code Z} ({@code T} or a blank between date and time); a local time
 * ({@code yyyy-MM-dd HH:mm[:ss]}) only counts when a time zone is known, and then a time
 * that occurs twice (autumn daylight-saving change) takes the earlier offset, a time that
 * does not exist (spring change) is an error. An interval is an ISO 8601 duration
 * ({@code PT15M}) or a number of minutes.
 */
final class MeterTimes {

	private static final Pattern BLANK_SEPARATOR = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)");

	private static final BigDecimal MILLIS_PER_MINUTE = new BigDecimal(60_000);

	private MeterTimes() {
	}

	/**
	 * The instant a cell names.
	 * @param zone the row's time zone, for local times; null when none is known
	 * @throws IllegalArgumentException saying what is wrong
	 */
	static Instant instant(String text, @Nullable ZoneId zone) {
		String value = BLANK_SEPARATOR.matcher(text.strip()).replaceFirst("$1T$2");
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ignored) {
			// perhaps a local time
		}
		LocalDateTime local;
		try {
			local = LocalDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + abbreviate(text)
					+ "' is not an ISO 8601 timestamp (for example 2025-03-01T00:15:00Z or 2025-03-01 00:15+01:00)");
		}
		if (zone == null) {
			throw new IllegalArgumentException("'" + abbreviate(text)
					+ "' has no offset: write Z or +hh:mm, or name the time zone in a timezone column");
		}
		if (zone.getRules().getValidOffsets(local).isEmpty()) {
			throw new IllegalArgumentException("'" + abbreviate(text) + "' does not exist in " + zone
					+ " (the clocks skip it when daylight saving time starts)");
		}
		return ZonedDateTime.ofLocal(local, zone, null).toInstant();
	}

	/**
	 * A time zone: an IANA name ({@code Europe/Berlin}), {@code UTC} or an offset
	 * ({@code +01:00}).
	 * @throws IllegalArgumentException when the text is none of these
	 */
	static ZoneId zone(String text) {
		try {
			return ZoneId.of(text.strip());
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("'" + abbreviate(text)
					+ "' is not a time zone (an IANA name like Europe/Berlin, UTC, or an offset like +01:00)");
		}
	}

	/**
	 * An interval's length in milliseconds, more than zero.
	 * @throws IllegalArgumentException saying what is wrong
	 */
	static long intervalMillis(String text) {
		String value = text.strip();
		long millis;
		if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
			try {
				millis = Duration.parse(value.toUpperCase(Locale.ROOT)).toMillis();
			}
			catch (DateTimeParseException | ArithmeticException ex) {
				throw new IllegalArgumentException(
						"'" + abbreviate(text) + "' is not an ISO 8601 duration of days, hours or minutes (PT15M)");
			}
		}
		else {
			BigDecimal minutes;
			try {
				minutes = new BigDecimal(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"'" + abbreviate(text) + "' is neither an ISO 8601 duration (PT15M) nor a number of minutes");
			}
			try {
				millis = minutes.multiply(MILLIS_PER_MINUTE).longValueExact();
			}
			catch (ArithmeticException ex) {
				throw new IllegalArgumentException(
						"'" + abbreviate(text) + "' minutes is not a whole number of milliseconds");
			}
		}
		if (millis <= 0) {
			throw new IllegalArgumentException("'" + abbreviate(text) + "' is not longer than zero");
		}
		return millis;
	}

	static String abbreviate(String value) {
		return (value.length() <= 60) ? value : value.substring(0, 57) + "...";
	}

}
