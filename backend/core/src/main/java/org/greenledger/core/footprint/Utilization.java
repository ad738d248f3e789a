package org.greenledger.core.footprint;

/**
 * The share of its capacity a device is busy, from 0 (idle) to 1 (fully loaded).
 *
 * @param share the utilization, 0..1
 */
public record Utilization(double share) {

	public Utilization {
		if (!(share >= 0 && share <= 1)) {
			throw new IllegalArgumentException("Utilization must be between 0 and 1, but was " + share);
		}
	}

	public static Utilization of(double share) {
		return new Utilization(share);
	}

}
