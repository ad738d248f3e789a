package org.greenledger.core.footprint;

/**
 * IT energy of usage that is not metered (methodology section 1). The coefficients are
 * parameters: their values are factors with a source, never constants of the engine.
 */
public final class ItEnergy {

	private ItEnergy() {
	}

	/**
	 * Device time at a known average power per device (accelerator-hours, whole systems).
	 */
	public static Energy atAveragePower(TimeSpan deviceHours, Power averagePerDevice) {
		return averagePerDevice.over(deviceHours);
	}

	/** Device time at a power between idle and maximum given by utilization (0..1). */
	public static Energy atUtilization(TimeSpan deviceHours, Power idle, Power max, double utilization) {
		return Power.interpolate(idle, max, utilization).over(deviceHours);
	}

	/** A quantity (GB-hours, TB-hours, GB) times an energy coefficient per unit of it. */
	public static Energy perUnit(double quantity, Energy perUnit, double replicationFactor) {
		Quantities.finiteNonNegative(quantity, "Quantity");
		Quantities.positive(replicationFactor, "Replication factor");
		return perUnit.times(quantity * replicationFactor);
	}

}
