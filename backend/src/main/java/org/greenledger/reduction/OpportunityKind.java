package org.greenledger.reduction;

/** The kinds of reduction opportunity GreenLedger quantifies (docs/methodology.md). */
public enum OpportunityKind {

	/** The same usage in the provider's lowest-carbon region. */
	REGION_SHIFT,

	/** GPUs powered but mostly idle: consolidate the work and release the rest. */
	IDLE_ACCELERATORS,

	/**
	 * A workload's flexible hours moved to the cleanest hours of the same day and zone.
	 */
	TIME_SHIFT,

	/** Own sites' GPU servers kept longer: less embodied emissions per hour of use. */
	HARDWARE_LIFETIME,

	/** A procurement evaluation's best candidate instead of the current supply. */
	SUPPLIER_SWITCH,

	/**
	 * A cloud instance whose CPU utilization telemetry shows it mostly idle, moved to a
	 * smaller size of the same family.
	 */
	RIGHT_SIZING

}
