package org.greenledger.dashboard;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.greenledger.ledger.DataCoverage;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.sites.Meter;
import org.greenledger.sites.Site;
import org.greenledger.sites.Sites;
import org.greenledger.system.CodeLabels;
import org.springframework.stereotype.Component;

/**
 * Which source covers which months: one row per cloud provider and account and per site
 * and meter (measured series without a site are not in the figures and not shown), one
 * column per month of the period, or per year when the period is longer than two years.
 */
@Component
class CoverageGrid {

	/** Periods up to this many months get a column per month. */
	private static final int MONTH_COLUMNS = 24;

	private final DataCoverage coverage;

	private final Sites sites;

	CoverageGrid(DataCoverage coverage, Sites sites) {
		this.coverage = coverage;
		this.sites = sites;
	}

	/**
	 * The grid of a period.
	 *
	 * @param columns the months ({@code 2018-10}) or years ({@code 2018}) of the period
	 * @param rows the sources with data in the period
	 */
	record Grid(List<String> columns, List<Row> rows) {

		public boolean isEmpty() {
			return this.rows.isEmpty();
		}

	}

	/**
	 * One source: what it is (cloud bill, meter, ...), its name, and per column the
	 * months with data (0 to 1 for a month column, 0 to 12 for a year column).
	 */
	record Row(String kind, String source, List<Integer> months, int monthsCovered) {
	}

	/**
	 * Every month with data the scope may see (cloud lines of its units, its sites'
	 * readings).
	 */
	SortedSet<YearMonth> months(OrgUnitScope scope) {
		SortedSet<YearMonth> months = new TreeSet<>();
		sources(scope).forEach(source -> months.addAll(source.source().months()));
		return months;
	}

	Grid of(DashboardPeriod period, OrgUnitScope scope) {
		boolean byMonth = period.months() <= MONTH_COLUMNS;
		List<String> columns = new ArrayList<>();
		if (byMonth) {
			for (YearMonth month = period.from(); !month.isAfter(period.to()); month = month.plusMonths(1)) {
				columns.add(month.toString());
			}
		}
		else {
			for (int year = period.from().getYear(); year <= period.to().getYear(); year++) {
				columns.add(Integer.toString(year));
			}
		}
		List<Row> rows = new ArrayList<>();
		for (Named named : sources(scope)) {
			List<YearMonth> inPeriod = named.source()
				.months()
				.subSet(period.from(), period.to().plusMonths(1))
				.stream()
				.toList();
			if (inPeriod.isEmpty()) {
				continue;
			}
			int[] cells = new int[columns.size()];
			for (YearMonth month : inPeriod) {
				int column = byMonth ? (int) ChronoUnit.MONTHS.between(period.from(), month)
						: month.getYear() - period.from().getYear();
				cells[column]++;
			}
			rows.add(new Row(named.kind(), named.name(), java.util.Arrays.stream(cells).boxed().toList(),
					inPeriod.size()));
		}
		return new Grid(columns, rows);
	}

	/** A source with its human name, limited to what the scope may see. */
	private record Named(String kind, String name, DataCoverage.Source source) {
	}

	private List<Named> sources(OrgUnitScope scope) {
		Map<UUID, Site> sitesById = new HashMap<>();
		this.sites.all(scope).forEach(site -> sitesById.put(site.id(), site));
		Map<UUID, String> meters = new HashMap<>();
		List<Named> named = new ArrayList<>();
		for (DataCoverage.Source source : this.coverage.sources(scope.units())) {
			if ("CLOUD".equals(source.kind())) {
				named.add(new Named("Cloud bill",
						orNone(source.provider(), "(no provider)") + ", account " + orNone(source.account(), "(none)"),
						source));
				continue;
			}
			Site site = (source.siteId() != null) ? sitesById.get(source.siteId()) : null;
			if (site == null) {
				continue;
			}
			if (source.meterId() != null && !meters.containsKey(source.meterId())) {
				this.sites.meters(site.id()).forEach(meter -> meters.put(meter.id(), label(meter)));
			}
			String meter = (source.meterId() != null) ? meters.getOrDefault(source.meterId(), "(meter)") : "(no meter)";
			named.add(
					new Named(CodeLabels.label(source.kind()), site.code() + " " + site.name() + ", " + meter, source));
		}
		return named;
	}

	private static String label(Meter meter) {
		return meter.code() + " (" + meter.role().name().toLowerCase(java.util.Locale.ROOT) + ")";
	}

	private static String orNone(@org.jspecify.annotations.Nullable String value, String none) {
		return (value == null || value.isBlank()) ? none : value;
	}

}
