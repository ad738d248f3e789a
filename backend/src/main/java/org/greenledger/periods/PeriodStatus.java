package org.greenledger.periods;

/** Where a reporting period version is in its review. */
public enum PeriodStatus {

	/** Open: data may change. */
	DRAFT,

	/** Under review: data may still change; the reviewer approves or sends it back. */
	IN_REVIEW,

	/** Approved and locked: nothing of its activities, factors or reports may change. */
	APPROVED

}
