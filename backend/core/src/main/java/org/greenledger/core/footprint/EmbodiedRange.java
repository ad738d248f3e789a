package org.greenledger.core.footprint;

/**
 * The low and high ends of an embodied-emissions figure, carried from the factors' own
 * published ranges (or documented derivation bands) through the calculation. A figure
 * with no published range has a range of its own value.
 *
 * @param low the low end
 * @param high the high end
 */
public record EmbodiedRange(CarbonMass low, CarbonMass high) {

	public static final EmbodiedRange ZERO = point(CarbonMass.ZERO);

	public EmbodiedRange {
		if (low.kilograms() > high.kilograms()) {
			throw new IllegalArgumentException(
					"Range low (" + low.kilograms() + " kg) is above its high (" + high.kilograms() + " kg)");
		}
	}

	/** A figure without a range. */
	public static EmbodiedRange point(CarbonMass value) {
		return new EmbodiedRange(value, value);
	}

	public EmbodiedRange plus(EmbodiedRange other) {
		return new EmbodiedRange(this.low.plus(other.low), this.high.plus(other.high));
	}

	public EmbodiedRange times(double factor) {
		return (factor >= 0) ? new EmbodiedRange(this.low.times(factor), this.high.times(factor))
				: new EmbodiedRange(this.high.times(factor), this.low.times(factor));
	}

}
