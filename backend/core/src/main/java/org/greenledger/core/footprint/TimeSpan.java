package org.greenledger.core.footprint;

import java.time.Duration;

/**
 * A length of time, or device time summed over devices (GPU-hours, vCPU-hours); canonical
 * unit hour. Fractional hours are kept exactly as billed.
 *
 * @param hours the time in hours
 */
public record TimeSpan(double hours) {

	public static final TimeSpan ZERO = new TimeSpan(0);

	/** Hours in a year of 365 days, the convention for hardware lifespans. */
	public static final double HOURS_PER_YEAR = 8_760;

	public TimeSpan {
		Quantities.finiteNonNegative(hours, "Time");
	}

	public static TimeSpan ofHours(double hours) {
		return new TimeSpan(hours);
	}

	public static TimeSpan ofDays(double days) {
		return new TimeSpan(days * 24);
	}

	public static TimeSpan ofSeconds(double seconds) {
		return new TimeSpan(seconds / 3_600);
	}

	public static TimeSpan ofYears(double years) {
		return new TimeSpan(years * HOURS_PER_YEAR);
	}

	public static TimeSpan of(Duration duration) {
		return ofSeconds(duration.toNanos() / 1e9);
	}

	public double seconds() {
		return this.hours * 3_600;
	}

	public TimeSpan plus(TimeSpan other) {
		return new TimeSpan(this.hours + other.hours);
	}

	public TimeSpan times(double factor) {
		return new TimeSpan(this.hours * factor);
	}

}
