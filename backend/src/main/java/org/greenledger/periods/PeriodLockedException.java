package org.greenledger.periods;

import org.springframework.http.HttpStatus;

import org.greenledger.system.ApiProblemException;

/** A change that would touch an approved (locked) reporting period: answered with 409. */
public class PeriodLockedException extends ApiProblemException {

	private final ReportingPeriod period;

	PeriodLockedException(ReportingPeriod period, String change) {
		super(HttpStatus.CONFLICT,
				change + " would change reporting period '" + period.name() + "' version " + period.version() + " ("
						+ period.start() + " to " + period.end()
						+ "), which is approved and locked. Open a restatement of the period to change it.");
		this.period = period;
	}

	public ReportingPeriod period() {
		return this.period;
	}

}
