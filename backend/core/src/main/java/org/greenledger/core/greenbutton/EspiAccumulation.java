package org.greenledger.core.greenbutton;

import org.jspecify.annotations.Nullable;

/**
 * What an ESPI {@code accumulationBehaviour} (IEC 61968-9 AccumulationKind) means for the
 * value of an IntervalReading, and so how GreenLedger turns the readings of a series into
 * amounts ({@code docs/formats/green-button.md}).
 */
enum EspiAccumulation {

	/**
	 * The value is the amount over the reading's timePeriod: deltaData (4), summation (9,
	 * an accumulation selective in time, as utilities use it for interval and daily
	 * totals), boundedQuantity (14, an accumulation bounded by a time interval), and a
	 * missing or 0 code (the timePeriod is the only thing the reading says).
	 */
	AMOUNT,

	/**
	 * The value is a register's running total at the end of the reading's timePeriod:
	 * bulkQuantity (1, the meter's dial), continuousCumulative (2) and cumulative (3).
	 * The amount between two readings is their difference.
	 */
	REGISTER,

	/**
	 * The value holds at one instant: indicating (6) and instantaneous (12). For power
	 * (W) it is a sample to integrate over time; for energy it is not an amount.
	 */
	INSTANT;

	/** The semantics of a code, or null for codes GreenLedger does not read. */
	static @Nullable EspiAccumulation of(int code) {
		return switch (code) {
			case 0, 4, 9, 14 -> AMOUNT;
			case 1, 2, 3 -> REGISTER;
			case 6, 12 -> INSTANT;
			default -> null;
		};
	}

	/**
	 * The code with its IEC 61968-9 name, for messages: {@code 2 (continuousCumulative)}.
	 */
	static String describe(int code) {
		String name = switch (code) {
			case 0 -> "none";
			case 1 -> "bulkQuantity";
			case 2 -> "continuousCumulative";
			case 3 -> "cumulative";
			case 4 -> "deltaData";
			case 6 -> "indicating";
			case 9 -> "summation";
			case 10 -> "timeDelay";
			case 12 -> "instantaneous";
			case 13 -> "latchingQuantity";
			case 14 -> "boundedQuantity";
			default -> "not an IEC 61968-9 accumulation kind";
		};
		return code + " (" + name + ")";
	}

}
