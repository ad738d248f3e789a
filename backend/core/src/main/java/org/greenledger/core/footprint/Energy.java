package org.greenledger.core.footprint;

/**
 * An amount of electrical energy; canonical unit kWh.
 *
 * @param kilowattHours the amount in kWh
 */
public record Energy(double kilowattHours) implements Comparable<Energy> {

	public static final Energy ZERO = new Energy(0);

	public Energy {
		Quantities.finiteNonNegative(kilowattHours, "Energy");
	}

	public static Energy ofKilowattHours(double kilowattHours) {
		return new Energy(kilowattHours);
	}

	public static Energy ofWattHours(double wattHours) {
		return new Energy(wattHours / 1_000);
	}

	public static Energy ofMegawattHours(double megawattHours) {
		return new Energy(megawattHours * 1_000);
	}

	public static Energy ofJoules(double joules) {
		return new Energy(joules / 3_600_000);
	}

	public double wattHours() {
		return this.kilowattHours * 1_000;
	}

	public double megawattHours() {
		return this.kilowattHours / 1_000;
	}

	public Energy plus(Energy other) {
		return new Energy(this.kilowattHours + other.kilowattHours);
	}

	public Energy times(double factor) {
		return new Energy(this.kilowattHours * factor);
	}

	@Override
	public int compareTo(Energy other) {
		return Double.compare(this.kilowattHours, other.kilowattHours);
	}

}
