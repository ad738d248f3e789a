package org.greenledger.sites;

import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.measured.MeterRole;

/**
 * A site's measured month.
 *
 * @param facilityKwh electricity of the facility-total meters
 * @param itKwh electricity of the IT-load meters
 * @param coolingKwh electricity of the cooling meters
 * @param waterLitres water of the water-intake meters
 * @param fuelLitres diesel of the generator-fuel meters
 * @param pue total facility energy / IT energy of the month (ISO/IEC 30134-2), when both
 * were metered: the total is the facility-total (grid) electricity plus the on-site
 * renewable generation consumed
 * @param pueTrailing12 the same over the 12 months ending with this one, when all twelve
 * have both
 * @param wue water / IT energy of the month, L/kWh (ISO/IEC 30134-9), when both were
 * metered
 * @param scope1Kg CO2e of the burnt fuel
 * @param scope2LocationKg location-based CO2e of the facility electricity
 * @param scope2MarketKg market-based CO2e of the facility electricity
 * @param hourlyShare share of the facility electricity whose location-based CO2e used
 * hourly grid intensity (the rest used the yearly average)
 * @param market how the market-based figure was made
 * @param coverage hours of the month with readings, per meter role
 * @param wasteHeatKwh heat of the waste-heat-reused meters
 * @param wasteHeatTemperatureC the energy-weighted mean of the registered temperatures of
 * the waste-heat meters that have one, when any of them measured heat
 * @param onSiteRenewableKwh electricity of the on-site renewable generation meters
 */
public record SiteMonth(YearMonth month, double facilityKwh, double itKwh, double coolingKwh, double waterLitres,
		double fuelLitres, @Nullable Double pue, @Nullable Double pueTrailing12, @Nullable Double wue, double scope1Kg,
		double scope2LocationKg, double scope2MarketKg, double hourlyShare, MarketBasis market,
		List<RoleCoverage> coverage, List<String> factors, double wasteHeatKwh, @Nullable Double wasteHeatTemperatureC,
		double onSiteRenewableKwh) {

	/**
	 * How the month's market-based figure was made (GHG Protocol Scope 2 hierarchy).
	 *
	 * @param coveredKwh electricity covered by instruments for an amount (EAC, PPA, green
	 * tariff)
	 * @param zeroRateKwh the part of it covered by instruments with a zero emission rate
	 * (renewable certificates and PPAs)
	 * @param unusedKwh instrument energy allocated to the month beyond its consumption
	 * (not carried over)
	 * @param remainderBasis what the rest used: SUPPLIER_SPECIFIC, RESIDUAL_MIX,
	 * MARKET_FACTOR (a market factor of the factor library or the organisation's sets),
	 * or LOCATION_FALLBACK (no market information: the location-based intensity, flagged)
	 * @param instruments ids of the instruments used
	 */
	public record MarketBasis(double coveredKwh, double zeroRateKwh, double unusedKwh, String remainderBasis,
			List<String> instruments) {

	}

	/** Hours of the month a role's meters have readings for (summed over its meters). */
	public record RoleCoverage(MeterRole role, int meters, double hours) {

	}

}
