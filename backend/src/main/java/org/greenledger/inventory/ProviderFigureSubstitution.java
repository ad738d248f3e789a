package org.greenledger.inventory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.greenledger.inventory.GhgInventory.ProviderFigureUse;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LedgerFilter;
import org.greenledger.security.OrgUnitScope;
import org.springframework.stereotype.Component;

/**
 * Applies the organisation's choice of figure: for each provider month whose inventory
 * reports the provider's own figure, GreenLedger's estimate of that provider's cloud
 * usage (Scope 3 category 1, operational and embodied) is taken out and the provider's
 * figure put in its place, never beside it. The provider's Scope 3 (market-based) takes
 * the embodied line's place, the rest of its total the operational lines', so that the
 * inventory's totals hold exactly the provider's location- and market-based totals.
 * Energy and water stay GreenLedger's (the providers report no monthly energy); the
 * breakdowns by region and org unit stay GreenLedger's estimate.
 */
@Component
class ProviderFigureSubstitution {

	private final List<ProviderFigureChoices> choices;

	private final FootprintQuery footprint;

	ProviderFigureSubstitution(List<ProviderFigureChoices> choices, FootprintQuery footprint) {
		this.choices = List.copyOf(choices);
		this.footprint = footprint;
	}

	GhgInventory apply(GhgInventory base, OrgUnitScope scope) {
		List<ChosenProviderMonth> chosen = this.choices.stream()
			.flatMap(source -> source.providerFiguresChosen(base.from(), base.to()).stream())
			.toList();
		if (chosen.isEmpty()) {
			return base;
		}
		List<ProviderFigureUse> uses = new ArrayList<>();
		double location = 0;
		double market = 0;
		double embodied = 0;
		Map<String, double[]> months = new TreeMap<>();
		Map<String, double[]> providers = new LinkedHashMap<>();
		double[] tiers = new double[6];
		for (int tier = 1; tier <= 5; tier++) {
			tiers[tier] = base.qualityShares().getOrDefault(tier, 0.0) * base.totalLocationKg();
		}
		for (ChosenProviderMonth month : chosen) {
			String label = month.provider();
			String note = unusable(base, scope, month);
			if (note != null) {
				uses.add(new ProviderFigureUse(label, month.month().toString(), false, 0, 0, 0, 0,
						month.modelVersions(), note));
				continue;
			}
			double totalLocation = java.util.Objects.requireNonNull(month.totalLocationKg()).doubleValue();
			double totalMarket = java.util.Objects.requireNonNull(month.totalMarketKg()).doubleValue();
			double scope3 = (month.scope3MarketKg() != null) ? month.scope3MarketKg().doubleValue() : 0;
			double[] ours = greenledger(month, tiers);
			double[] change = { totalLocation - scope3 - ours[0], totalMarket - scope3 - ours[1], scope3 - ours[2] };
			location += change[0];
			market += change[1];
			embodied += change[2];
			add(months.computeIfAbsent(month.month().toString(), key -> new double[3]), change);
			add(providers.computeIfAbsent(month.ledgerNames().get(0), key -> new double[3]), change);
			tiers[2] += totalLocation;
			uses.add(new ProviderFigureUse(label, month.month().toString(), true, totalLocation, totalMarket,
					ours[0] + ours[2], ours[1] + ours[2], month.modelVersions(), null));
		}
		double total = base.totalLocationKg() + location + embodied;
		Map<Integer, Double> quality = new TreeMap<>();
		for (int tier = 1; tier <= 5; tier++) {
			quality.put(tier, (total > 0) ? Math.max(0, tiers[tier]) / total : 0);
		}
		return new GhgInventory(base.from(), base.to(), base.scope1Kg(), base.scope2LocationKg(), base.scope2MarketKg(),
				base.scope3Category1LocationKg() + location, base.scope3Category1MarketKg() + market,
				base.scope3Category1EmbodiedKg() + embodied, base.scope3Category2Kg(), base.cloudFacilityKwh(),
				base.siteFacilityKwh(), base.siteItKwh(), base.siteWaterLitres(), base.cloudWaterOnSiteLitres(),
				base.cloudWaterOffSiteLitres(), base.fuelLitres(), byProvider(base.byProvider(), providers),
				base.byRegion(), base.byOrgUnit(), base.bySite(),
				base.months().stream().map(figures -> withChange(figures, months.get(figures.month()))).toList(),
				quality, base.exclusions(), base.cloudCost(), uses);
	}

	/** Why the provider's figure cannot replace the estimate of the month, or null. */
	private static @Nullable String unusable(GhgInventory base, OrgUnitScope scope, ChosenProviderMonth month) {
		YearMonth chosen = month.month();
		if (!scope.unrestricted()) {
			return "the provider's figures cover whole cloud accounts, not org units: GreenLedger's estimate is kept";
		}
		if (chosen.atDay(1).isBefore(base.from()) || chosen.atEndOfMonth().isAfter(base.to())) {
			return "the report covers part of the month only and the provider reports whole months: GreenLedger's"
					+ " estimate is kept";
		}
		if (!month.imported()) {
			return "no provider figures of the month are imported: GreenLedger's estimate is kept";
		}
		if (month.totalLocationKg() == null || month.totalMarketKg() == null) {
			return "the provider gives no " + ((month.totalLocationKg() == null) ? "location" : "market")
					+ "-based total for the month: GreenLedger's estimate is kept";
		}
		return null;
	}

	/**
	 * GreenLedger's estimate of the provider's month (operational location- and
	 * market-based, embodied), taken out of the tier sums.
	 */
	private double[] greenledger(ChosenProviderMonth month, double[] tiers) {
		double[] ours = new double[3];
		LocalDate first = month.month().atDay(1);
		LocalDate last = month.month().atEndOfMonth();
		for (String name : month.ledgerNames()) {
			LedgerFilter filter = new LedgerFilter(name, null, null, null, InventoryFigures.SCOPE_3_CATEGORY_1,
					Set.of());
			for (FootprintQuery.Group group : this.footprint.query(first, last, Optional.empty(), filter)) {
				ours[0] += group.locationKg();
				ours[1] += group.marketKg();
				ours[2] += group.embodiedKg();
				for (int tier = 1; tier <= 5; tier++) {
					tiers[tier] -= group.qualityShares().getOrDefault(tier, 0.0)
							* (group.locationKg() + group.embodiedKg());
				}
			}
		}
		return ours;
	}

	private static List<GhgInventory.Breakdown> byProvider(List<GhgInventory.Breakdown> base,
			Map<String, double[]> changes) {
		List<GhgInventory.Breakdown> result = new ArrayList<>();
		Map<String, double[]> left = new LinkedHashMap<>(changes);
		for (GhgInventory.Breakdown group : base) {
			double[] change = left.remove(group.key());
			result.add((change == null) ? group : new GhgInventory.Breakdown(group.key(), group.facilityKwh(),
					group.locationKg() + change[0], group.marketKg() + change[1], group.embodiedKg() + change[2]));
		}
		left.forEach((key, change) -> result.add(new GhgInventory.Breakdown(key, 0, change[0], change[1], change[2])));
		return result;
	}

	private static GhgInventory.MonthFigures withChange(GhgInventory.MonthFigures month, double @Nullable [] change) {
		if (change == null) {
			return month;
		}
		return new GhgInventory.MonthFigures(month.month(), month.scope1Kg(), month.scope2LocationKg(),
				month.scope2MarketKg(), month.scope3LocationKg() + change[0], month.scope3EmbodiedKg() + change[2],
				true);
	}

	private static void add(double[] sum, double[] change) {
		for (int i = 0; i < sum.length; i++) {
			sum[i] += change[i];
		}
	}

}
