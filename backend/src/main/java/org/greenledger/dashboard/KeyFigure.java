package org.greenledger.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * A headline figure of the period beside the previous period's.
 *
 * @param id stable identifier (used in links and by tests)
 * @param value the period's value in {@code unit}
 * @param previous the previous period's value, or null when it had no data
 * @param lowerIsBetter whether a decrease is good news (emissions) or not (data quality)
 */
record KeyFigure(String id, double value, @Nullable Double previous, String unit, boolean lowerIsBetter) {

	/**
	 * Relative change against the previous period, or null when it cannot be computed.
	 */
	public @Nullable Double change() {
		if (this.previous == null || this.previous == 0) {
			return null;
		}
		return (this.value - this.previous) / Math.abs(this.previous);
	}

	/** Whether the change is good news, bad news or neither: 1, -1 or 0. */
	public int verdict() {
		Double change = change();
		if (change == null || Math.abs(change) < 0.0005) {
			return 0;
		}
		return ((change < 0) == this.lowerIsBetter) ? 1 : -1;
	}

}
