package org.greenledger.core.table;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The range a number read from an upload must be in, per quantity, in the file's own
 * unit. Each bound is far above any real value (a bill line of 10^15 in any currency,
 * 10^30 of a usage quantity where storage in byte-seconds reaches 10^21, a meter interval
 * of a terawatt-hour), so that a value beyond it is an error in the file, not data; it is
 * checked where the value is read, and the row is rejected with its column. The ranges
 * are listed in docs/security.md#limits.
 */
public enum ValueRange {

	/** Costs and prices in the bill's currency. */
	MONEY("an amount of money", 1e15, true),

	/**
	 * Usage and pricing quantities of a bill (storage in byte-seconds reaches 10^21), and
	 * other numbers of a row.
	 */
	QUANTITY("a quantity", 1e30, true),

	/** An instantaneous power sample, W. */
	POWER_WATTS("a power sample in W", 1e9, false),

	/** A cumulative energy counter, J. */
	ENERGY_COUNTER_JOULES("an energy counter in J", 1e18, false),

	/** What a meter measured over one interval (kWh or litres). */
	INTERVAL_AMOUNT("the amount of one interval", 1e9, false),

	/** A Green Button interval reading, before its power-of-ten multiplier. */
	READING_VALUE("a reading", 1e15, false);

	private final String description;

	private final double max;

	private final BigDecimal maxDecimal;

	private final boolean signed;

	ValueRange(String description, double max, boolean signed) {
		this.description = description;
		this.max = max;
		this.maxDecimal = BigDecimal.valueOf(max);
		this.signed = signed;
	}

	public double max() {
		return this.max;
	}

	/** Why the value is out of range, or null when it is in it. */
	public @Nullable String check(double value) {
		if (Double.isNaN(value)) {
			return "is NaN (not a number)";
		}
		if (Double.isInfinite(value)) {
			return "is infinite; only finite numbers are accepted";
		}
		if (Math.abs(value) > this.max || (!this.signed && value < 0)) {
			return outOfRange(BigDecimal.valueOf(value).toString());
		}
		return null;
	}

	/** Why the value is out of range, or null when it is in it. */
	public @Nullable String check(BigDecimal value) {
		if (value.abs().compareTo(this.maxDecimal) > 0 || (!this.signed && value.signum() < 0)) {
			return outOfRange(value.toString());
		}
		return null;
	}

	private String outOfRange(String value) {
		return "'" + ((value.length() <= 40) ? value : value.substring(0, 37) + "...") + "' is out of range for "
				+ this.description + " (" + (this.signed ? "-" + this.maxDecimal + " to " : "0 to ") + this.maxDecimal
				+ ")";
	}

}
