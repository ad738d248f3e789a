package org.greenledger.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;

import org.greenledger.security.OrgUnitScope;
import org.greenledger.system.TableExport;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts a period's dashboard and the periods to choose from into a page's model. */
@Component
public class DashboardPage {

	private final Dashboard dashboard;

	DashboardPage(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	/**
	 * @param period {@code from:to} months (YYYY-MM), or null for the default period
	 * @throws java.time.format.DateTimeParseException for a malformed month
	 * @throws IllegalArgumentException for a period ending before it starts
	 */
	public void fill(Model model, @Nullable String period, YearMonth today, OrgUnitScope scope) {
		SortedSet<YearMonth> dataMonths = this.dashboard.dataMonths(scope);
		YearMonth latest = Dashboard.latestMonth(dataMonths, today);
		DashboardPeriod chosen = (period != null) ? parse(period) : Dashboard.defaultPeriod(latest);
		List<DashboardPeriod> options = new ArrayList<>(this.dashboard.options(latest, dataMonths));
		DashboardPeriod shown = options.stream()
			.filter(option -> option.key().equals(chosen.key()))
			.findFirst()
			.orElse(chosen);
		if (options.stream().noneMatch(option -> option.key().equals(chosen.key()))) {
			options.add(0, chosen);
		}
		model.addAttribute("periodOptions", options);
		model.addAttribute("dataMonths", dataMonths);
		model.addAttribute("dashboard", this.dashboard.view(shown, scope));
	}

	/**
	 * One of the dashboard's tables as an export: {@code trend}, {@code provider},
	 * {@code region}, {@code orgUnit}, {@code workload}, {@code movers} or
	 * {@code coverage}.
	 * @throws IllegalArgumentException for an unknown table or a malformed period
	 */
	public TableExport export(String table, @Nullable String period, YearMonth today, OrgUnitScope scope) {
		DashboardPeriod chosen = (period != null) ? parse(period)
				: Dashboard.defaultPeriod(Dashboard.latestMonth(this.dashboard.dataMonths(scope), today));
		return DashboardExports.of(table, this.dashboard.view(chosen, scope));
	}

	private static DashboardPeriod parse(String period) {
		int colon = period.indexOf(':');
		if (colon < 0) {
			YearMonth month = YearMonth.parse(period.strip());
			return DashboardPeriod.months(month, month);
		}
		return DashboardPeriod.months(YearMonth.parse(period.substring(0, colon).strip()),
				YearMonth.parse(period.substring(colon + 1).strip()));
	}

}
