package org.greenledger.reduction;

/** The kinds of reduction opportunity GreenLedger quantifies (docs/methodology.md). */
public enum OpportunityKind {

	/** The same usage in the provider's lowest-carbon region. */
	REGION_SHIFT,

	/** GPUs powered but mostly idle: consolidate the work and release the rest. */
	IDLE_ACCELERATORS

}
