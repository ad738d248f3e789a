package org.greenledger.core.footprint;

import java.util.List;

/**
 * The impacts of one activity with everything needed to reproduce them.
 *
 * @param itEnergy energy of the IT equipment
 * @param facilityEnergy IT energy including facility overhead
 * @param locationBased operational CO2e with the grid average factor
 * @param marketBased operational CO2e with the market-based factor
 * @param marketFallsBackToLocation whether no market factor was known
 * @param embodied amortized embodied CO2e
 * @param waterOnSite cooling water
 * @param waterOffSite water consumed generating the electricity
 * @param scope GHG Protocol scope and category
 * @param quality data-quality tier
 * @param factors every factor used, with dataset and version
 * @param methodVersion version of the calculation method
 * @param embodiedRange the low and high ends of {@code embodied}
 */
public record ImpactLine(Energy itEnergy, Energy facilityEnergy, CarbonMass locationBased, CarbonMass marketBased,
		boolean marketFallsBackToLocation, CarbonMass embodied, WaterVolume waterOnSite, WaterVolume waterOffSite,
		Scope scope, DataQuality quality, List<FactorReference> factors, String methodVersion,
		EmbodiedRange embodiedRange) {

	public ImpactLine {
		factors = List.copyOf(factors);
	}

	/** A line whose embodied figure has no range (low = high = the figure). */
	public ImpactLine(Energy itEnergy, Energy facilityEnergy, CarbonMass locationBased, CarbonMass marketBased,
			boolean marketFallsBackToLocation, CarbonMass embodied, WaterVolume waterOnSite, WaterVolume waterOffSite,
			Scope scope, DataQuality quality, List<FactorReference> factors, String methodVersion) {
		this(itEnergy, facilityEnergy, locationBased, marketBased, marketFallsBackToLocation, embodied, waterOnSite,
				waterOffSite, scope, quality, factors, methodVersion, EmbodiedRange.point(embodied));
	}

	/** Location-based operational plus embodied CO2e. */
	public CarbonMass totalLocationBased() {
		return this.locationBased.plus(this.embodied);
	}

	public WaterVolume water() {
		return this.waterOnSite.plus(this.waterOffSite);
	}

}
