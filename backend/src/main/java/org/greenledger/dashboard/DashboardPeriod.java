package org.greenledger.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Whole months from {@code from} to {@code to} (both included).
 *
 * @param label how the period is shown
 */
record DashboardPeriod(YearMonth from, YearMonth to, String label) {

	DashboardPeriod {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("The period ends before it starts");
		}
		if (ChronoUnit.MONTHS.between(from, to) >= 120) {
			throw new IllegalArgumentException("A period is at most ten years");
		}
	}

	static DashboardPeriod year(int year) {
		return new DashboardPeriod(YearMonth.of(year, 1), YearMonth.of(year, 12), Integer.toString(year));
	}

	static DashboardPeriod months(YearMonth from, YearMonth to) {
		return new DashboardPeriod(from, to, (from.equals(to)) ? from.toString() : from + " to " + to);
	}

	long months() {
		return ChronoUnit.MONTHS.between(this.from, this.to) + 1;
	}

	/** The same number of months immediately before. */
	DashboardPeriod previous() {
		return months(this.from.minusMonths(months()), this.from.minusMonths(1));
	}

	LocalDate firstDay() {
		return this.from.atDay(1);
	}

	LocalDate lastDay() {
		return this.to.atEndOfMonth();
	}

	/** {@code from:to}, the value of the period selector's option. */
	public String key() {
		return this.from + ":" + this.to;
	}

}
