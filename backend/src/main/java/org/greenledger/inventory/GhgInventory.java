package org.greenledger.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The GHG inventory of AI and cloud compute for a period (GHG Protocol Corporate Standard
 * and Scope 2 Guidance), in kg CO2e.
 *
 * @param scope1Kg fuel burnt at own sites
 * @param scope2LocationKg electricity bought for own and colocated sites, location-based
 * @param scope2MarketKg the same, market-based
 * @param scope3Category1LocationKg cloud and AI services (operational, location-based)
 * @param scope3Category1MarketKg the same, market-based
 * @param scope3Category1EmbodiedKg amortized embodied emissions of cloud hardware
 * @param scope3Category2Kg purchased IT hardware (not yet recorded: listed as an
 * exclusion)
 * @param qualityShares share of the total (location-based + embodied) CO2e per
 * data-quality tier 1 to 5
 * @param cloudCost the billed cost of every cloud row (usage and cost-only) per currency
 * code ({@code ""} for rows without one)
 * @param providerFigures the months whose cloud figures of a provider are the provider's
 * own instead of GreenLedger's estimate (the organisation's choice of figure), and the
 * months chosen so that could not take them
 */
public record GhgInventory(LocalDate from, LocalDate to, double scope1Kg, double scope2LocationKg,
		double scope2MarketKg, double scope3Category1LocationKg, double scope3Category1MarketKg,
		double scope3Category1EmbodiedKg, double scope3Category2Kg, double cloudFacilityKwh, double siteFacilityKwh,
		double siteItKwh, double siteWaterLitres, double cloudWaterOnSiteLitres, double cloudWaterOffSiteLitres,
		double fuelLitres, List<Breakdown> byProvider, List<Breakdown> byRegion, List<Breakdown> byOrgUnit,
		List<SiteFigures> bySite, List<MonthFigures> months, Map<Integer, Double> qualityShares,
		List<String> exclusions, Map<String, java.math.BigDecimal> cloudCost, List<ProviderFigureUse> providerFigures) {

	/**
	 * Total, location-based: Scope 1 + Scope 2 location + Scope 3 (operational and
	 * embodied).
	 */
	public double totalLocationKg() {
		return this.scope1Kg + this.scope2LocationKg + this.scope3Category1LocationKg + this.scope3Category1EmbodiedKg
				+ this.scope3Category2Kg;
	}

	/** Total, market-based. */
	public double totalMarketKg() {
		return this.scope1Kg + this.scope2MarketKg + this.scope3Category1MarketKg + this.scope3Category1EmbodiedKg
				+ this.scope3Category2Kg;
	}

	/**
	 * A provider's month for which the organisation chose the provider's own figure.
	 *
	 * @param provider the provider's name
	 * @param month the month
	 * @param applied whether the provider's figure replaced GreenLedger's estimate
	 * @param providerLocationKg the provider's total, location-based (0 when not applied)
	 * @param providerMarketKg the provider's total, market-based (0 when not applied)
	 * @param replacedLocationKg GreenLedger's estimate it replaced (operational
	 * location-based + embodied)
	 * @param replacedMarketKg the same, market-based
	 * @param modelVersions the provider's carbon model versions
	 * @param note why it was not applied, if it was not
	 */
	public record ProviderFigureUse(String provider, String month, boolean applied, double providerLocationKg,
			double providerMarketKg, double replacedLocationKg, double replacedMarketKg, List<String> modelVersions,
			@org.jspecify.annotations.Nullable String note) {
	}

	/** Cloud (Scope 3 category 1) figures of one provider, region or org unit. */
	public record Breakdown(String key, double facilityKwh, double locationKg, double marketKg, double embodiedKg) {
	}

	/** A site's figures over the period. */
	public record SiteFigures(String code, String name, String kind, double facilityKwh, double itKwh,
			double waterLitres, double fuelLitres, double scope1Kg, double scope2LocationKg, double scope2MarketKg,
			Double pue, Double wue) {
	}

	/**
	 * One month: Scope 1, 2 (location) and 3 (location + embodied).
	 *
	 * @param hasData whether a cloud line or a site reading covers the month; a month
	 * without is shown as "no data", never as zero
	 */
	public record MonthFigures(String month, double scope1Kg, double scope2LocationKg, double scope2MarketKg,
			double scope3LocationKg, double scope3EmbodiedKg, boolean hasData) {
	}

}
