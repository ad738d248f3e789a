package org.greenledger.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.greenledger.ingestion.UploadedFiles;
import org.greenledger.inventory.GhgInventory;
import org.greenledger.inventory.InventoryFigures;
import org.greenledger.ledger.DataCoverage;
import org.greenledger.ledger.DataIssues;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LedgerFilter;
import org.greenledger.periods.ReportingPeriod;
import org.greenledger.periods.ReportingPeriods;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.workloads.Workload;
import org.greenledger.workloads.WorkloadFootprint;
import org.greenledger.workloads.WorkloadFootprints;
import org.greenledger.workloads.Workloads;
import org.springframework.stereotype.Service;

/**
 * Gathers the dashboard of a period from the same sums the inventory report uses, so that
 * the dashboard and the disclosures never disagree.
 */
@Service
class Dashboard {

	private static final int MOVERS = 5;

	private static final int ISSUES = 10;

	/** How many single months with data the period list offers (latest first). */
	private static final int MONTH_OPTIONS = 36;

	private static final String KG_CO2E = "kg CO2e";

	private final InventoryFigures inventory;

	private final FootprintQuery footprint;

	private final DataIssues issues;

	private final UploadedFiles files;

	private final Workloads workloads;

	private final WorkloadFootprints workloadFootprints;

	private final ReportingPeriods periods;

	private final DataCoverage coverage;

	private final CoverageGrid grid;

	Dashboard(InventoryFigures inventory, FootprintQuery footprint, DataIssues issues, UploadedFiles files,
			Workloads workloads, WorkloadFootprints workloadFootprints, ReportingPeriods periods, DataCoverage coverage,
			CoverageGrid grid) {
		this.coverage = coverage;
		this.grid = grid;
		this.inventory = inventory;
		this.footprint = footprint;
		this.issues = issues;
		this.files = files;
		this.workloads = workloads;
		this.workloadFootprints = workloadFootprints;
		this.periods = periods;
	}

	/**
	 * The months that hold data the scope may see: cloud lines of its org units, measured
	 * lines of its sites.
	 */
	java.util.SortedSet<YearMonth> dataMonths(OrgUnitScope scope) {
		return this.grid.months(scope);
	}

	/** The latest month with data, or {@code today} when there is none. */
	static YearMonth latestMonth(java.util.SortedSet<YearMonth> dataMonths, YearMonth today) {
		return dataMonths.isEmpty() ? today : dataMonths.last();
	}

	/** The period shown when none is chosen: the calendar year of the latest data. */
	static DashboardPeriod defaultPeriod(YearMonth latest) {
		return DashboardPeriod.year(latest.getYear());
	}

	/**
	 * The periods to choose from: the reporting periods (latest version of each), the
	 * last twelve months of data, every calendar year and every month that holds data
	 * (latest first), or the three calendar years up to {@code latest} when nothing does.
	 */
	List<DashboardPeriod> options(YearMonth latest, java.util.SortedSet<YearMonth> dataMonths) {
		List<DashboardPeriod> options = new ArrayList<>();
		Set<String> names = new TreeSet<>();
		for (ReportingPeriod period : this.periods.all()) {
			if (period.supersededBy() == null && names.add(period.name())) {
				options.add(new DashboardPeriod(YearMonth.from(period.start()), YearMonth.from(period.end()),
						period.name() + " (reporting period)"));
			}
		}
		options.add(new DashboardPeriod(latest.minusMonths(11), latest, "Last 12 months of data"));
		if (dataMonths.isEmpty()) {
			for (int year = latest.getYear(); year > latest.getYear() - 3; year--) {
				options.add(DashboardPeriod.year(year));
			}
			return options;
		}
		Map<Integer, Long> years = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
		dataMonths.forEach(month -> years.merge(month.getYear(), 1L, Long::sum));
		years.forEach((year, count) -> options.add(new DashboardPeriod(YearMonth.of(year, 1), YearMonth.of(year, 12),
				year + " (" + count + ((count == 1) ? " month" : " months") + " with data)")));
		dataMonths.reversed()
			.stream()
			.limit(MONTH_OPTIONS)
			.forEach(month -> options.add(new DashboardPeriod(month, month, month + " (month with data)")));
		return options;
	}

	/**
	 * The dashboard of the period for the scope's org units, or the whole organisation
	 * when the scope is unrestricted.
	 */
	DashboardView view(DashboardPeriod period, OrgUnitScope scope) {
		DashboardPeriod previous = period.previous();
		GhgInventory now = this.inventory.inventory(period.firstDay(), period.lastDay(), scope);
		GhgInventory before = this.inventory.inventory(previous.firstDay(), previous.lastDay(), scope);
		LedgerFilter filter = LedgerFilter.ALL.within(scope);
		Map<String, BigDecimal> cost = cost(now);
		Map<String, BigDecimal> previousCost = cost(before);
		boolean hasData = energy(now) > 0 || now.totalLocationKg() > 0 || !cost.isEmpty();
		boolean hadData = energy(before) > 0 || before.totalLocationKg() > 0 || !previousCost.isEmpty();
		List<KeyFigure> figures = new ArrayList<>();
		figures.add(
				figure("co2e-location", operationalLocation(now), operationalLocation(before), hadData, KG_CO2E, true));
		figures.add(figure("co2e-market", operationalMarket(now), operationalMarket(before), hadData, KG_CO2E, true));
		figures.add(figure("co2e-embodied", now.scope3Category1EmbodiedKg(), before.scope3Category1EmbodiedKg(),
				hadData, KG_CO2E, true));
		figures.add(figure("water", water(now), water(before), hadData, "L", true));
		figures.add(figure("energy", energy(now), energy(before), hadData, "kWh", true));
		cost.forEach((currency, amount) -> {
			BigDecimal earlier = previousCost.get(currency);
			figures.add(new KeyFigure("cost-" + currency, amount.doubleValue(),
					(earlier != null) ? earlier.doubleValue() : null, currency, true));
		});
		figures.add(figure("data-quality", primaryShare(now) * 100, primaryShare(before) * 100, hadData, "%", false));
		return new DashboardView(period, previous, hasData, figures, months(now), this.grid.of(period, scope),
				shares(now.byProvider()), shares(now.byRegion()), shares(now.byOrgUnit()), workloads(period, scope),
				movers(period, previous, filter), now.qualityShares(),
				this.issues.groups(period.firstDay(), period.lastDay(), filter, ISSUES),
				this.files.rejections(scope.units(), ISSUES));
	}

	private static KeyFigure figure(String id, double value, double previous, boolean hadData, String unit,
			boolean lowerIsBetter) {
		return new KeyFigure(id, value, hadData ? previous : null, unit, lowerIsBetter);
	}

	/** Scope 1 + Scope 2 (location-based) + Scope 3 category 1 operational, in kg. */
	private static double operationalLocation(GhgInventory inventory) {
		return inventory.scope1Kg() + inventory.scope2LocationKg() + inventory.scope3Category1LocationKg();
	}

	private static double operationalMarket(GhgInventory inventory) {
		return inventory.scope1Kg() + inventory.scope2MarketKg() + inventory.scope3Category1MarketKg();
	}

	/** Litres withdrawn at own sites and used by cloud providers on and off site. */
	private static double water(GhgInventory inventory) {
		return inventory.siteWaterLitres() + inventory.cloudWaterOnSiteLitres() + inventory.cloudWaterOffSiteLitres();
	}

	/** kWh at the meters of own sites and of cloud facilities. */
	private static double energy(GhgInventory inventory) {
		return inventory.siteFacilityKwh() + inventory.cloudFacilityKwh();
	}

	/** Share of CO2e from metered or supplier-reported data (tiers 1 and 2). */
	private static double primaryShare(GhgInventory inventory) {
		return inventory.qualityShares().getOrDefault(1, 0.0) + inventory.qualityShares().getOrDefault(2, 0.0);
	}

	/** Billed cost per currency, without currencies that sum to zero. */
	private static Map<String, BigDecimal> cost(GhgInventory inventory) {
		Map<String, BigDecimal> cost = new java.util.TreeMap<>();
		inventory.cloudCost()
			.forEach((currency, amount) -> cost.merge(currency.isEmpty() ? "(no currency)" : currency, amount,
					BigDecimal::add));
		cost.values().removeIf(amount -> amount.signum() == 0);
		return cost;
	}

	private static List<DashboardView.MonthRow> months(GhgInventory inventory) {
		return inventory.months()
			.stream()
			.map(month -> new DashboardView.MonthRow(month.month(), month.scope1Kg(), month.scope2LocationKg(),
					month.scope3LocationKg(), month.scope3EmbodiedKg(), month.hasData()))
			.toList();
	}

	private static List<DashboardView.Share> shares(List<GhgInventory.Breakdown> breakdown) {
		double total = breakdown.stream().mapToDouble(part -> part.locationKg() + part.embodiedKg()).sum();
		return breakdown.stream()
			.map(part -> new DashboardView.Share(part.key(), part.locationKg() + part.embodiedKg(),
					(total > 0) ? (part.locationKg() + part.embodiedKg()) / total : 0))
			.filter(share -> share.co2eKg() != 0)
			.sorted(Comparator.comparingDouble(DashboardView.Share::co2eKg).reversed())
			.toList();
	}

	private List<DashboardView.Share> workloads(DashboardPeriod period, OrgUnitScope scope) {
		List<DashboardView.Share> shares = new ArrayList<>();
		for (Workload workload : this.workloads.all()) {
			if (!scope.includes(workload.orgUnit())) {
				continue;
			}
			WorkloadFootprint footprint = this.workloadFootprints.footprint(workload, period.firstDay(),
					period.lastDay());
			double kg = footprint.phases()
				.stream()
				.mapToDouble(phase -> phase.co2eLocationKg() + phase.co2eEmbodiedKg())
				.sum();
			if (kg != 0) {
				shares.add(new DashboardView.Share(workload.name(), kg, 0));
			}
		}
		double total = shares.stream().mapToDouble(DashboardView.Share::co2eKg).sum();
		return shares.stream()
			.map(share -> new DashboardView.Share(share.key(), share.co2eKg(), share.co2eKg() / total))
			.sorted(Comparator.comparingDouble(DashboardView.Share::co2eKg).reversed())
			.toList();
	}

	/** The services with the largest change of CO2e (location-based + embodied). */
	private List<DashboardView.Mover> movers(DashboardPeriod period, DashboardPeriod previous, LedgerFilter filter) {
		Map<String, double[]> services = new HashMap<>();
		this.footprint.query(period.firstDay(), period.lastDay(), Optional.of("service"), filter)
			.forEach(group -> services.computeIfAbsent(group.key(), key -> new double[2])[0] += group.locationKg()
					+ group.embodiedKg());
		this.footprint.query(previous.firstDay(), previous.lastDay(), Optional.of("service"), filter)
			.forEach(group -> services.computeIfAbsent(group.key(), key -> new double[2])[1] += group.locationKg()
					+ group.embodiedKg());
		return services.entrySet()
			.stream()
			.map(entry -> new DashboardView.Mover(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
			.filter(mover -> Math.abs(mover.changeKg()) > 0.0005)
			.sorted(Comparator.comparingDouble((DashboardView.Mover mover) -> Math.abs(mover.changeKg())).reversed())
			.limit(MOVERS)
			.toList();
	}

}
