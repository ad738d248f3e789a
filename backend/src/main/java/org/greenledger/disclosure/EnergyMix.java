package org.greenledger.disclosure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.FactorMatch;
import org.greenledger.sites.Site;
import org.greenledger.sites.SiteMonth;
import org.greenledger.sites.SiteMonths;
import org.greenledger.sites.Sites;

import org.springframework.stereotype.Component;

/**
 * Energy consumption and mix of own operations (ESRS E1-5) and each own site's
 * data-centre KPIs (EED): electricity bought for own and colocated sites split into
 * renewable (covered by instruments with a zero emission rate, plus the grid's yearly
 * renewable share of the rest), nuclear (the grid's carbon-free minus renewable share)
 * and fossil (the remainder), renewable electricity generated on site and consumed there
 * (metered by the site's on-site renewable meters), and generator fuel (fossil).
 */
@Component
class EnergyMix {

	private final Sites sites;

	private final SiteMonths siteMonths;

	private final FactorLibrary library;

	EnergyMix(Sites sites, SiteMonths siteMonths, FactorLibrary library) {
		this.sites = sites;
		this.siteMonths = siteMonths;
		this.library = library;
	}

	/**
	 * One site's energy over the period, kWh.
	 *
	 * @param electricityKwh electricity drawn from the grid (the facility-total meters)
	 * @param purchasedRenewableKwh the part of the grid electricity from renewable
	 * sources (ESRS E1-5 §37(c)(ii): purchased or acquired electricity from renewable
	 * sources)
	 * @param nuclearKwh grid electricity from nuclear sources
	 * @param fossilKwh grid electricity and fuel from fossil sources
	 * @param fuelKwh generator fuel (diesel) energy content
	 * @param gridShares which yearly grid shares were used (zone, year, values)
	 * @param wasteHeatKwh heat of the waste-heat-reused meters
	 * @param wasteHeatTemperatureC mean temperature of the metered waste heat, weighted
	 * by the heat of the months whose meters have a registered temperature; null without
	 * @param onSiteRenewableKwh renewable electricity generated on site and consumed by
	 * it, from the on-site renewable generation meters (ESRS E1-5 §37(c)(iii):
	 * self-generated non-fuel renewable energy; EU data-centre report ERES-OS)
	 */
	record SiteEnergy(Site site, double electricityKwh, double itKwh, double fuelKwh, double purchasedRenewableKwh,
			double nuclearKwh, double fossilKwh, double waterLitres, List<String> gridShares, double wasteHeatKwh,
			@org.jspecify.annotations.Nullable Double wasteHeatTemperatureC, double onSiteRenewableKwh) {

		/**
		 * Total energy consumption: the grid electricity, the on-site generation consumed
		 * (metered at the generator's output, so not in the facility-total meter) and the
		 * generator fuel at its energy content (EN 50600-4-2 / ISO/IEC 30134-2 E_DC; ESRS
		 * E1-5 §37).
		 */
		double totalKwh() {
			return this.electricityKwh + this.onSiteRenewableKwh + this.fuelKwh;
		}

		/** Consumption from renewable sources: purchased plus self-generated. */
		double renewableKwh() {
			return this.purchasedRenewableKwh + this.onSiteRenewableKwh;
		}

	}

	List<SiteEnergy> sites(LocalDate from, LocalDate to, @org.jspecify.annotations.Nullable String orgUnit) {
		List<SiteEnergy> result = new ArrayList<>();
		for (Site site : this.sites.all()) {
			if (orgUnit != null && !orgUnit.equals(site.orgUnit())) {
				continue;
			}
			double electricity = 0;
			double it = 0;
			double fuelLitres = 0;
			double water = 0;
			double renewable = 0;
			double nuclear = 0;
			double heat = 0;
			double heatDegrees = 0;
			double heatWeighted = 0;
			double onSite = 0;
			List<String> shares = new ArrayList<>();
			for (SiteMonth month : this.siteMonths.months(site, YearMonth.from(from), YearMonth.from(to))) {
				electricity += month.facilityKwh();
				it += month.itKwh();
				fuelLitres += month.fuelLitres();
				water += month.waterLitres();
				heat += month.wasteHeatKwh();
				if (month.wasteHeatTemperatureC() != null) {
					heatDegrees += month.wasteHeatKwh() * month.wasteHeatTemperatureC();
					heatWeighted += month.wasteHeatKwh();
				}
				onSite += month.onSiteRenewableKwh();
				double zeroCovered = month.market().zeroRateKwh();
				double rest = Math.max(0, month.facilityKwh() - zeroCovered);
				renewable += zeroCovered;
				if (rest > 0 && site.gridZone() != null) {
					LocalDate date = month.month().atDay(1);
					double re = share(FactorKind.GRID_RENEWABLE_SHARE, site.gridZone(), date, shares);
					double cfe = share(FactorKind.GRID_CARBON_FREE_SHARE, site.gridZone(), date, shares);
					renewable += rest * re;
					nuclear += rest * Math.max(0, cfe - re);
				}
			}
			if (electricity + it + fuelLitres + water + heat + onSite == 0) {
				continue;
			}
			double fuelKwh = fuelLitres * this.library.find(FactorKind.FUEL_ENERGY, "diesel", from)
				.map(match -> match.value().value())
				.orElse(0.0);
			double fossil = Math.max(0, electricity - renewable - nuclear) + fuelKwh;
			result.add(new SiteEnergy(site, electricity, it, fuelKwh, renewable, nuclear, fossil, water,
					shares.stream().distinct().toList(), heat, (heatWeighted > 0) ? heatDegrees / heatWeighted : null,
					onSite));
		}
		return result;
	}

	private double share(FactorKind kind, String zone, LocalDate date, List<String> used) {
		FactorMatch match = this.library.find(kind, zone, date).orElse(null);
		if (match == null) {
			return 0;
		}
		used.add(kind + " " + zone + " " + match.value().validity() + " = " + match.value().value() + " %");
		return match.value().value() / 100;
	}

}
