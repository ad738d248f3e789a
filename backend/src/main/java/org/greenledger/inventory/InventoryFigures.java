package org.greenledger.inventory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.FootprintQuery;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.sites.Site;
import org.greenledger.sites.SiteMonth;
import org.greenledger.sites.SiteMonths;
import org.greenledger.sites.Sites;
import org.springframework.stereotype.Service;

/**
 * Gathers a period's GHG inventory: Scope 3 category 1 from the cloud footprint sums,
 * Scope 1 and 2 from the sites' measured months, breakdowns by provider, region, org unit
 * and site, a monthly trend and the data-quality shares. The same figures as
 * {@code GET /api/v1/footprint} and {@code GET /api/v1/sites/{code}/months} for the
 * period, except for the provider months whose inventory reports the provider's own
 * figure (the organisation's choice, {@link ProviderFigureSubstitution}).
 */
@Service
public class InventoryFigures {

	static final String SCOPE_3_CATEGORY_1 = "SCOPE_3_CATEGORY_1";

	private final FootprintQuery footprint;

	private final Sites sites;

	private final SiteMonths siteMonths;

	private final ProviderFigureSubstitution providerFigures;

	InventoryFigures(FootprintQuery footprint, Sites sites, SiteMonths siteMonths,
			ProviderFigureSubstitution providerFigures) {
		this.footprint = footprint;
		this.sites = sites;
		this.siteMonths = siteMonths;
		this.providerFigures = providerFigures;
	}

	public GhgInventory inventory(LocalDate from, LocalDate to) {
		return inventory(from, to, OrgUnitScope.UNRESTRICTED);
	}

	/**
	 * The inventory of one org unit (cloud rows uploaded for it, sites registered for
	 * it), or of the whole organisation when {@code orgUnit} is null.
	 */
	public GhgInventory inventory(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		return inventory(from, to, (orgUnit != null) ? OrgUnitScope.of(List.of(orgUnit)) : OrgUnitScope.UNRESTRICTED);
	}

	/**
	 * The inventory of the scope's org units (cloud rows uploaded for them, sites
	 * registered for them), or of the whole organisation when the scope is unrestricted.
	 */
	public GhgInventory inventory(LocalDate from, LocalDate to, OrgUnitScope orgUnit) {
		FootprintQuery.Group cloud = query(from, to, Optional.of("scope"), orgUnit).stream()
			.filter(group -> SCOPE_3_CATEGORY_1.equals(group.key()))
			.findFirst()
			.orElse(null);
		FootprintQuery.Group total = query(from, to, Optional.empty(), orgUnit).stream().findFirst().orElse(null);
		List<GhgInventory.SiteFigures> bySite = new ArrayList<>();
		Map<String, double[]> siteMonthsTotals = new HashMap<>();
		java.util.Set<String> siteMonthsWithData = new java.util.HashSet<>();
		for (Site site : this.sites.all()) {
			if (!orgUnit.includes(site.orgUnit())) {
				continue;
			}
			List<SiteMonth> months = this.siteMonths.months(site, YearMonth.from(from), YearMonth.from(to));
			Optional<GhgInventory.SiteFigures> figures = figures(site, months);
			if (figures.isEmpty()) {
				continue;
			}
			for (SiteMonth month : months) {
				if (!month.coverage().isEmpty()) {
					siteMonthsWithData.add(month.month().toString());
				}
				double[] monthly = siteMonthsTotals.computeIfAbsent(month.month().toString(), key -> new double[3]);
				monthly[0] += month.scope1Kg();
				monthly[1] += month.scope2LocationKg();
				monthly[2] += month.scope2MarketKg();
			}
			bySite.add(figures.get());
		}
		double scope1 = sum(bySite, GhgInventory.SiteFigures::scope1Kg);
		double scope2Location = sum(bySite, GhgInventory.SiteFigures::scope2LocationKg);
		double scope2Market = sum(bySite, GhgInventory.SiteFigures::scope2MarketKg);
		double siteFacility = sum(bySite, GhgInventory.SiteFigures::facilityKwh);
		double siteIt = sum(bySite, GhgInventory.SiteFigures::itKwh);
		double water = sum(bySite, GhgInventory.SiteFigures::waterLitres);
		double fuel = sum(bySite, GhgInventory.SiteFigures::fuelLitres);
		List<GhgInventory.MonthFigures> months = new ArrayList<>();
		Map<String, FootprintQuery.Group> cloudMonths = new HashMap<>();
		query(from, to, Optional.of("month"), orgUnit).forEach(group -> cloudMonths.put(group.key(), group));
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			FootprintQuery.Group cloudMonth = cloudMonths.get(month.toString());
			double[] site = siteMonthsTotals.getOrDefault(month.toString(), new double[3]);
			months.add(new GhgInventory.MonthFigures(month.toString(), site[0], site[1], site[2],
					(cloudMonth != null) ? cloudMonth.locationKg() : 0,
					(cloudMonth != null) ? cloudMonth.embodiedKg() : 0,
					cloudMonth != null || siteMonthsWithData.contains(month.toString())));
		}
		double cloudLocation = (cloud != null) ? cloud.locationKg() : 0;
		double cloudEmbodied = (cloud != null) ? cloud.embodiedKg() : 0;
		Map<Integer, Double> quality = qualityShares(total, scope1 + scope2Location);
		List<String> exclusions = List.of(
				"Scope 3 category 2 (purchased IT hardware): no capital purchases are recorded in GreenLedger yet;"
						+ " embodied emissions of cloud hardware are included, amortized, in category 1.",
				"GPU telemetry, Kepler and CodeCarbon measurements are not added to the totals: the electricity"
						+ " they measure is already in a site's meters (Scope 2) or a cloud bill (Scope 3); they"
						+ " attribute it to AI workloads.",
				"Upstream emissions of fuels and electricity (Scope 3 category 3) are not included.");
		return this.providerFigures
			.apply(new GhgInventory(from, to, scope1, scope2Location, scope2Market, cloudLocation,
					(cloud != null) ? cloud.marketKg() : 0, cloudEmbodied, 0, (cloud != null) ? cloud.facilityKwh() : 0,
					siteFacility, siteIt, water, (total != null) ? total.onSiteLiters() : 0,
					(total != null) ? total.offSiteLiters() : 0, fuel, breakdown(from, to, "provider", orgUnit),
					breakdown(from, to, "region", orgUnit), breakdown(from, to, "orgUnit", orgUnit), bySite, months,
					quality, exclusions, (total != null) ? Map.copyOf(total.cost()) : Map.of(), List.of()), orgUnit);
	}

	private List<FootprintQuery.Group> query(LocalDate from, LocalDate to, Optional<String> groupBy,
			OrgUnitScope scope) {
		return this.footprint.query(from, to, groupBy, scope);
	}

	private List<GhgInventory.Breakdown> breakdown(LocalDate from, LocalDate to, String groupBy, OrgUnitScope orgUnit) {
		return query(from, to, Optional.of(groupBy), orgUnit).stream()
			.map(group -> new GhgInventory.Breakdown(group.key(), group.facilityKwh(), group.locationKg(),
					group.marketKg(), group.embodiedKg()))
			.toList();
	}

	/**
	 * One site's figures over the months, as the inventory counts them (Scope 1 and 2
	 * from its meters); empty when it has no readings there.
	 */
	public Optional<GhgInventory.SiteFigures> site(Site site, LocalDate from, LocalDate to) {
		return figures(site, this.siteMonths.months(site, YearMonth.from(from), YearMonth.from(to)));
	}

	private static <T> double sum(List<T> items, java.util.function.ToDoubleFunction<T> value) {
		double sum = 0;
		for (T item : items) {
			sum += value.applyAsDouble(item);
		}
		return sum;
	}

	private static Optional<GhgInventory.SiteFigures> figures(Site site, List<SiteMonth> months) {
		double facility = 0;
		double it = 0;
		double water = 0;
		double fuel = 0;
		double scope1 = 0;
		double scope2Location = 0;
		double scope2Market = 0;
		for (SiteMonth month : months) {
			facility += month.facilityKwh();
			it += month.itKwh();
			water += month.waterLitres();
			fuel += month.fuelLitres();
			scope1 += month.scope1Kg();
			scope2Location += month.scope2LocationKg();
			scope2Market += month.scope2MarketKg();
		}
		if (facility + it + water + fuel == 0) {
			return Optional.empty();
		}
		return Optional.of(new GhgInventory.SiteFigures(site.code(), site.name(), site.kind().name(), facility, it,
				water, fuel, scope1, scope2Location, scope2Market, (it > 0) ? facility / it : null,
				(it > 0) ? water / it : null));
	}

	/**
	 * Tier shares of the total CO2e: the cloud sums' shares weighted by their CO2e, and
	 * the sites' metered electricity and fuel as tier 1.
	 */
	private static Map<Integer, Double> qualityShares(FootprintQuery.Group cloud, double metered) {
		double cloudKg = (cloud != null) ? cloud.locationKg() + cloud.embodiedKg() : 0;
		double all = cloudKg + metered;
		Map<Integer, Double> shares = new java.util.TreeMap<>();
		for (int tier = 1; tier <= 5; tier++) {
			double kg = (cloud != null) ? cloud.qualityShares().getOrDefault(tier, 0.0) * cloudKg : 0;
			if (tier == 1) {
				kg += metered;
			}
			shares.put(tier, (all > 0) ? kg / all : 0);
		}
		return shares;
	}

}
