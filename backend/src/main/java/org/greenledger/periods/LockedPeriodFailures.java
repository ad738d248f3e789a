package org.greenledger.periods;

import java.util.Optional;

import org.greenledger.system.FailureTranslator;
import org.springframework.stereotype.Component;

/**
 * The database's refusal of a write in a locked period (a path the application check did
 * not cover) becomes the same 409 the check answers, naming the period, never
 * PostgreSQL's message.
 */
@Component
class LockedPeriodFailures implements FailureTranslator {

	private final PeriodLocks locks;

	LockedPeriodFailures(PeriodLocks locks) {
		this.locks = locks;
	}

	@Override
	public Optional<PeriodLockedException> translate(Throwable failure) {
		return this.locks.refusal(failure, "This change");
	}

}
