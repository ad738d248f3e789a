package org.greenledger.core.footprint;

import org.jspecify.annotations.Nullable;

/**
 * The factors that turn IT energy into facility energy, operational CO2e and water.
 *
 * @param pue facility overhead (ISO/IEC 30134-2)
 * @param locationIntensity grid average intensity of the grid zone
 * @param marketIntensity supplier-specific, contractual or residual-mix intensity;
 * {@code null} when none is known, in which case the market-based figure falls back to
 * the location factor and says so
 * @param wue on-site water use per IT kWh (ISO/IEC 30134-9)
 * @param ewif water consumed per kWh of electricity generated
 */
public record OperationalFactors(PowerUsageEffectiveness pue, CarbonIntensity locationIntensity,
		@Nullable CarbonIntensity marketIntensity, WaterIntensity wue, WaterIntensity ewif) {

	/**
	 * The market-based intensity, or the location-based one when no market factor is
	 * known.
	 */
	public CarbonIntensity effectiveMarketIntensity() {
		return (this.marketIntensity != null) ? this.marketIntensity : this.locationIntensity;
	}

	public boolean marketFallsBackToLocation() {
		return this.marketIntensity == null;
	}

}
