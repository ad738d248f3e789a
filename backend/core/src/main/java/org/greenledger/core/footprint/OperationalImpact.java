package org.greenledger.core.footprint;

/**
 * Operational impacts of some IT energy: methodology sections 2, 3 and 5.
 *
 * @param itEnergy energy used by the IT equipment
 * @param facilityEnergy IT energy times PUE
 * @param locationBased facility energy times the grid's average intensity
 * @param marketBased facility energy times the market-based intensity
 * @param marketFallsBackToLocation whether {@code marketBased} used the location factor
 * because no market factor was known
 * @param waterOnSite IT energy times WUE (cooling)
 * @param waterOffSite facility energy times EWIF (electricity generation)
 */
public record OperationalImpact(Energy itEnergy, Energy facilityEnergy, CarbonMass locationBased,
		CarbonMass marketBased, boolean marketFallsBackToLocation, WaterVolume waterOnSite, WaterVolume waterOffSite) {

	/** Computes the impacts of {@code itEnergy} with the given factors. */
	public static OperationalImpact of(Energy itEnergy, OperationalFactors factors) {
		Energy facility = factors.pue().facilityEnergy(itEnergy);
		return new OperationalImpact(itEnergy, facility, factors.locationIntensity().of(facility),
				factors.effectiveMarketIntensity().of(facility), factors.marketFallsBackToLocation(),
				factors.wue().of(itEnergy), factors.ewif().of(facility));
	}

	/**
	 * The impacts of energy measured at facility level (a facility meter): it is not
	 * multiplied by PUE again, and on-site water is not estimated from it.
	 */
	public static OperationalImpact ofFacilityEnergy(Energy facilityEnergy, OperationalFactors factors) {
		return new OperationalImpact(Energy.ZERO, facilityEnergy, factors.locationIntensity().of(facilityEnergy),
				factors.effectiveMarketIntensity().of(facilityEnergy), factors.marketFallsBackToLocation(),
				WaterVolume.ZERO, factors.ewif().of(facilityEnergy));
	}

	public WaterVolume water() {
		return this.waterOnSite.plus(this.waterOffSite);
	}

}
