package org.greenledger.core.footprint;

/**
 * A piece of hardware's embodied emissions and how they are spread over its life,
 * following the SCI specification (ISO/IEC 21031):
 * {@code M = TE x (time reserved / expected lifespan) x
 * (resources reserved / total resources)}, with the lifespan scaled by the share of it
 * the hardware is expected to be in use.
 *
 * @param totalEmbodied TE, manufacturing to end of life
 * @param lifespan expected lifespan
 * @param expectedUtilization U, the share of its life the hardware is in use (0 < U <= 1)
 */
public record EmbodiedHardware(CarbonMass totalEmbodied, TimeSpan lifespan, double expectedUtilization) {

	public EmbodiedHardware {
		Quantities.positive(lifespan.hours(), "Lifespan");
		if (!(expectedUtilization > 0 && expectedUtilization <= 1)) {
			throw new IllegalArgumentException(
					"Expected utilization must be above 0 and at most 1, but was " + expectedUtilization);
		}
	}

	/**
	 * The embodied emissions attributable to using this hardware for {@code reserved}
	 * time with {@code resourceShare} of its resources (1 for the whole device, instance
	 * vCPUs / host vCPUs for a cloud instance's share of its host).
	 */
	public CarbonMass amortize(TimeSpan reserved, double resourceShare) {
		if (!(resourceShare >= 0 && resourceShare <= 1)) {
			throw new IllegalArgumentException("Resource share must be between 0 and 1, but was " + resourceShare);
		}
		double usableHours = this.lifespan.hours() * this.expectedUtilization;
		return this.totalEmbodied.times(reserved.hours() / usableHours * resourceShare);
	}

}
