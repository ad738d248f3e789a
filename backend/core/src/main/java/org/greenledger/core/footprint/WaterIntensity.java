package org.greenledger.core.footprint;

/**
 * Water consumed per unit of energy (WUE on site, EWIF for electricity generation);
 * canonical unit L per kWh.
 *
 * @param litersPerKilowattHour the intensity in L/kWh
 */
public record WaterIntensity(double litersPerKilowattHour) {

	public WaterIntensity {
		Quantities.finiteNonNegative(litersPerKilowattHour, "Water intensity");
	}

	public static WaterIntensity ofLitersPerKilowattHour(double liters) {
		return new WaterIntensity(liters);
	}

	public WaterVolume of(Energy energy) {
		return WaterVolume.ofLiters(this.litersPerKilowattHour * energy.kilowattHours());
	}

}
