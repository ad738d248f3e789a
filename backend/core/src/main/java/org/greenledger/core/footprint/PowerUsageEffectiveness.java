package org.greenledger.core.footprint;

/**
 * PUE (ISO/IEC 30134-2): facility energy divided by IT energy; at least 1.
 *
 * @param ratio the PUE
 */
public record PowerUsageEffectiveness(double ratio) {

	public static final PowerUsageEffectiveness NONE = new PowerUsageEffectiveness(1.0);

	public PowerUsageEffectiveness {
		if (!Double.isFinite(ratio) || ratio < 1.0) {
			throw new IllegalArgumentException("PUE must be at least 1.0, but was " + ratio);
		}
	}

	public static PowerUsageEffectiveness of(double ratio) {
		return new PowerUsageEffectiveness(ratio);
	}

	/** {@code E_facility = E_IT x PUE}. */
	public Energy facilityEnergy(Energy itEnergy) {
		return itEnergy.times(this.ratio);
	}

}
