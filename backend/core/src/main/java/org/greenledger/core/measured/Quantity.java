package org.greenledger.core.measured;

/** What a series measures, and the unit every amount handed to the sink is in. */
public enum Quantity {

	/** Electric energy, kWh. */
	ENERGY("kWh"),

	/** Water, litres. */
	WATER("L"),

	/** Diesel (gas oil) burnt by generators, litres. */
	FUEL("L");

	private final String unit;

	Quantity(String unit) {
		this.unit = unit;
	}

	public String unit() {
		return this.unit;
	}

}
