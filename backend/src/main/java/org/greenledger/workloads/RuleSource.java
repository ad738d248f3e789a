package org.greenledger.workloads;

/** What a rule matches. */
public enum RuleSource {

	/**
	 * Measured series (GPU telemetry, Kepler, CodeCarbon) whose labels contain all of the
	 * rule's key-value pairs ({@code source} and {@code metric} match the series' source
	 * and metric).
	 */
	MEASURED,

	/** Cloud billing rows tagged with the rule's single tag key and value. */
	CLOUD_TAG

}
