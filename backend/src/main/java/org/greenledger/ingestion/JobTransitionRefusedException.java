package org.greenledger.ingestion;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A job was asked to change state from a state it is not in (for example completed when
 * it is no longer RUNNING because another run took it over, or ended already).
 */
final class JobTransitionRefusedException extends IllegalStateException {

	private final UUID job;

	JobTransitionRefusedException(UUID job, String verb, Job.Status expected, @Nullable String actual) {
		super("Job " + job + " cannot " + verb + ": it is "
				+ ((actual != null) ? actual + ", not " + expected : "not recorded") + ".");
		this.job = job;
	}

	UUID job() {
		return this.job;
	}

}
