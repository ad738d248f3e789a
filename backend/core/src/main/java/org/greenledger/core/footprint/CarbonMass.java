package org.greenledger.core.footprint;

/**
 * A mass of greenhouse gases as CO2 equivalent; canonical unit kg CO2e.
 *
 * @param kilograms the mass in kg CO2e
 */
public record CarbonMass(double kilograms) implements Comparable<CarbonMass> {

	public static final CarbonMass ZERO = new CarbonMass(0);

	/** Kilograms per avoirdupois pound (exact, by definition). */
	static final double KILOGRAMS_PER_POUND = 0.45359237;

	public CarbonMass {
		Quantities.finiteNonNegative(kilograms, "CO2e mass");
	}

	public static CarbonMass ofKilograms(double kilograms) {
		return new CarbonMass(kilograms);
	}

	public static CarbonMass ofGrams(double grams) {
		return new CarbonMass(grams / 1_000);
	}

	public static CarbonMass ofTonnes(double tonnes) {
		return new CarbonMass(tonnes * 1_000);
	}

	public static CarbonMass ofPounds(double pounds) {
		return new CarbonMass(pounds * KILOGRAMS_PER_POUND);
	}

	public double grams() {
		return this.kilograms * 1_000;
	}

	public double tonnes() {
		return this.kilograms / 1_000;
	}

	public double pounds() {
		return this.kilograms / KILOGRAMS_PER_POUND;
	}

	public CarbonMass plus(CarbonMass other) {
		return new CarbonMass(this.kilograms + other.kilograms);
	}

	public CarbonMass times(double factor) {
		return new CarbonMass(this.kilograms * factor);
	}

	@Override
	public int compareTo(CarbonMass other) {
		return Double.compare(this.kilograms, other.kilograms);
	}

}
