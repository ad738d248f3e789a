package org.greenledger.providercarbon;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.DelegatedFile;

/**
 * The checks of one row's cells: each bad cell is rejected with its column and a reason
 * in the user's words, and the row is then not stored.
 */
public final class RowCheck {

	private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})(?:-(\\d{2}))?(?:[T ].*)?");

	/**
	 * The largest figure accepted, in the file's unit: far beyond any customer's month.
	 */
	private static final BigDecimal MAX = new BigDecimal("1e12");

	private final DelegatedFile file;

	private final long row;

	private boolean ok = true;

	public RowCheck(DelegatedFile file, long row) {
		this.file = file;
		this.row = row;
	}

	/** Whether no cell of the row was rejected. */
	public boolean ok() {
		return this.ok;
	}

	public long row() {
		return this.row;
	}

	/** Rejects the row for the reason given. */
	public void reject(String column, String reason) {
		this.ok = false;
		this.file.reject(this.row, column, reason);
	}

	/** Whether a cell is empty (missing, blank, or SQL's NULL as text). */
	public static boolean empty(@Nullable String text) {
		return text == null || text.isBlank() || text.strip().equalsIgnoreCase("null");
	}

	/** A cell's text, null when empty. */
	public static @Nullable String text(@Nullable String text) {
		return empty(text) ? null : text.strip();
	}

	/** A cell that must not be empty. */
	public @Nullable String required(String column, @Nullable String text) {
		if (empty(text)) {
			reject(column, "the value is missing");
			return null;
		}
		return text.strip();
	}

	/**
	 * An emission figure (null when the cell is empty): a plain decimal number, not
	 * negative.
	 */
	public @Nullable BigDecimal amount(String column, @Nullable String text) {
		if (empty(text)) {
			return null;
		}
		String value = text.strip();
		BigDecimal amount;
		try {
			amount = new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			reject(column, "'" + value + "' is not a number");
			return null;
		}
		if (amount.signum() < 0) {
			reject(column, value + " is negative; a provider's emission figure cannot be");
			return null;
		}
		if (amount.compareTo(MAX) > 0) {
			reject(column, value + " is beyond any plausible figure (more than 10^12)");
			return null;
		}
		return amount;
	}

	/**
	 * The month of a date or timestamp that must fall on a month's first day
	 * ({@code 2025-07-01}, {@code 2025-07-01 00:00:00Z},
	 * {@code 2025-07-01T00:00:00.000Z}, {@code 2025-07}).
	 */
	public @Nullable YearMonth month(String column, @Nullable String text) {
		String value = required(column, text);
		if (value == null) {
			return null;
		}
		Matcher date = DATE.matcher(value);
		try {
			if (date.matches() && (date.group(3) == null || date.group(3).equals("01"))) {
				YearMonth month = YearMonth.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)));
				String outside = this.file.outsideDateWindow(month.atDay(1));
				if (outside == null) {
					return month;
				}
				reject(column, "'" + value + "' is " + outside);
				return null;
			}
		}
		catch (DateTimeException ex) {
			// reported below
		}
		reject(column, "'" + value + "' is not the first day of a month (such as 2025-07-01)");
		return null;
	}

	/** Requires a unit cell (when the file has it) to be metric tons of CO2e. */
	public void metricTons(String column, @Nullable String text) {
		if (!empty(text) && !text.strip().toUpperCase(Locale.ROOT).equals("MTCO2E")) {
			reject(column, "the unit '" + text.strip() + "' is not MTCO2e (metric tons of CO2e), the only unit known");
		}
	}

	/** Metric tons to kilograms, exactly. */
	public static BigDecimal kilograms(BigDecimal tons) {
		return tons.movePointRight(3);
	}

}
