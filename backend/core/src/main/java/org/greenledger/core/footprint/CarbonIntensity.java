package org.greenledger.core.footprint;

/**
 * CO2e emitted per unit of electricity; canonical unit g CO2e per kWh.
 *
 * @param gramsPerKilowattHour the intensity in gCO2e/kWh
 */
public record CarbonIntensity(double gramsPerKilowattHour) {

	public CarbonIntensity {
		Quantities.finiteNonNegative(gramsPerKilowattHour, "Carbon intensity");
	}

	public static CarbonIntensity ofGramsPerKilowattHour(double grams) {
		return new CarbonIntensity(grams);
	}

	public static CarbonIntensity ofKilogramsPerKilowattHour(double kilograms) {
		return new CarbonIntensity(kilograms * 1_000);
	}

	public static CarbonIntensity ofPoundsPerKilowattHour(double pounds) {
		return new CarbonIntensity(pounds * CarbonMass.KILOGRAMS_PER_POUND * 1_000);
	}

	/** The emissions of generating the given energy. */
	public CarbonMass of(Energy energy) {
		return CarbonMass.ofGrams(this.gramsPerKilowattHour * energy.kilowattHours());
	}

}
