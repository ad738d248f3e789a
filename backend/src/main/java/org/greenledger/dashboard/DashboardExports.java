package org.greenledger.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.system.TableExport;

/**
 * The dashboard's tables as exports, with the same figures as the page at full precision
 * (kg CO2e) and the lineage columns the auditor's workbook starts from: the period, and
 * for each group the explorer query that lists its lines.
 */
final class DashboardExports {

	private DashboardExports() {
	}

	static TableExport of(String table, DashboardView view) {
		String from = view.period().from().toString();
		String to = view.period().to().toString();
		String name = "dashboard-" + table + "-" + from + "-" + to;
		return switch (table) {
			case "trend" -> trend(name, view);
			case "provider", "region", "orgUnit", "workload" -> shares(name, table, view, from, to);
			case "movers" -> movers(name, view, from, to);
			case "coverage" -> coverage(name, view);
			default -> throw new IllegalArgumentException("The dashboard has no table '" + table
					+ "'; choose trend, provider, region, orgUnit, workload, movers or coverage");
		};
	}

	private static TableExport trend(String name, DashboardView view) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (DashboardView.MonthRow month : view.months()) {
			rows.add(month.hasData()
					? List.of(month.month(), "data", month.scope1Kg(), month.scope2Kg(), month.scope3Kg(),
							month.embodiedKg(), month.totalKg(), lines(month.month(), month.month(), null, null))
					: nulls(month.month(), TableExport.NO_DATA, 5, lines(month.month(), month.month(), null, null)));
		}
		return new TableExport(name,
				List.of("month", "data", "scope 1 (kg CO2e)", "scope 2 location-based (kg CO2e)",
						"scope 3 category 1 operational, location-based (kg CO2e)",
						"scope 3 category 1 embodied (kg CO2e)", "total (kg CO2e)", "lines (explorer query)"),
				rows);
	}

	private static TableExport shares(String name, String table, DashboardView view, String from, String to) {
		List<DashboardView.Share> parts = switch (table) {
			case "provider" -> view.byProvider();
			case "region" -> view.byRegion();
			case "orgUnit" -> view.byOrgUnit();
			default -> view.byWorkload();
		};
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (DashboardView.Share part : parts) {
			rows.add(List.of(from, to, part.key(), part.co2eKg(), part.share(),
					table.equals("workload") ? "" : lines(from, to, table, part.key())));
		}
		return new TableExport(name, List.of("from", "to", table,
				"CO2e, location-based operational + embodied (kg CO2e)", "share", "lines (explorer query)"), rows);
	}

	private static TableExport movers(String name, DashboardView view, String from, String to) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (DashboardView.Mover mover : view.movers()) {
			rows.add(List.of(from, to, mover.service(), mover.previousKg(), mover.currentKg(), mover.changeKg(),
					lines(from, to, "service", mover.service())));
		}
		return new TableExport(name, List.of("from", "to", "service", "previous period (kg CO2e)",
				"this period (kg CO2e)", "change (kg CO2e)", "lines (explorer query)"), rows);
	}

	private static TableExport coverage(String name, DashboardView view) {
		List<String> header = new ArrayList<>(List.of("kind", "source"));
		header.addAll(view.coverage().columns());
		header.add("months with data");
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (CoverageGrid.Row row : view.coverage().rows()) {
			List<@Nullable Object> cells = new ArrayList<>(List.of(row.kind(), row.source()));
			row.months().forEach(count -> cells.add((count == 0) ? null : count));
			cells.add(row.monthsCovered());
			rows.add(cells);
		}
		return new TableExport(name, header, rows);
	}

	private static List<@Nullable Object> nulls(String first, String second, int count, String last) {
		List<@Nullable Object> row = new ArrayList<>(List.of(first, second));
		for (int i = 0; i < count; i++) {
			row.add(null);
		}
		row.add(last);
		return row;
	}

	/** The explorer's query for the lines behind a figure. */
	private static String lines(String from, String to, @Nullable String attribute, @Nullable String value) {
		String query = "/explorer?from=" + from + "&to=" + to + "&lines=true";
		return (attribute == null || value == null) ? query : query + "&" + attribute + "="
				+ java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
