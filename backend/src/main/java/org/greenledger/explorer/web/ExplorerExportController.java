package org.greenledger.explorer.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.greenledger.explorer.Explorer;
import org.greenledger.explorer.ExplorerQuery;
import org.greenledger.ledger.DataCoverage;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.CodeLabels;
import org.greenledger.system.TableExport;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The explorer's groups as CSV or XLSX ({@code /explorer/export?format=csv&...}, the same
 * parameters as the page): one row per group with the figures of the page at full
 * precision (kWh, kg CO2e, L, billed cost per currency), the period and filters, and the
 * explorer query that lists the group's lines.
 */
@Controller
class ExplorerExportController {

	private final Explorer explorer;

	private final DataCoverage coverage;

	private final OrgUnitScopes scopes;

	private final Clock clock;

	ExplorerExportController(Explorer explorer, DataCoverage coverage, OrgUnitScopes scopes, Clock clock) {
		this.explorer = explorer;
		this.coverage = coverage;
		this.scopes = scopes;
		this.clock = clock;
	}

	@GetMapping("/explorer/export")
	ResponseEntity<byte[]> export(@RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "csv") String format, Authentication authentication) {
		OrgUnitScope scope = this.scopes.of(authentication);
		if (!TableExport.supports(format)) {
			return problem("The format '" + format + "' is not available; choose csv or xlsx.");
		}
		ExplorerQuery query;
		try {
			query = ExplorerController.query(params,
					ExplorerController.latestMonth(this.coverage, scope, YearMonth.now(this.clock)));
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			return problem("The query is not valid: " + ex.getMessage() + ". Months are YYYY-MM; the groupings are "
					+ ExplorerQuery.GROUPINGS + ".");
		}
		return of(query, this.explorer.groups(query, scope)).download(format);
	}

	static TableExport of(ExplorerQuery query, List<FootprintQuery.Group> groups) {
		TreeSet<String> currencies = new TreeSet<>();
		groups.forEach(group -> currencies.addAll(group.cost().keySet()));
		List<String> header = new ArrayList<>(List.of("from", "to", "filters", "group by", "group", "label", "lines",
				"IT energy (kWh)", "facility energy (kWh)", "CO2e location-based (kg)", "CO2e market-based (kg)",
				"CO2e embodied (kg)", "water on site (L)", "water off site (L)"));
		currencies
			.forEach(currency -> header.add("billed cost (" + (currency.isEmpty() ? "no currency" : currency) + ")"));
		header.add("lines (explorer query)");
		String filters = query.filters().toString();
		ExplorerLinks links = new ExplorerLinks(query);
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (FootprintQuery.Group group : groups) {
			List<@Nullable Object> row = new ArrayList<>(
					List.of(query.from().toString(), query.to().toString(), filters, query.groupBy(), group.key(),
							query.groupBy().equals("scope") ? CodeLabels.label(group.key()) : group.key(), group.rows(),
							group.itKwh(), group.facilityKwh(), group.locationKg(), group.marketKg(),
							group.embodiedKg(), group.onSiteLiters(), group.offSiteLiters()));
			currencies.forEach(currency -> row.add(group.cost().getOrDefault(currency, BigDecimal.ZERO)));
			row.add(links.linesOf(group.key()));
			rows.add(row);
		}
		return new TableExport("explorer-" + query.groupBy() + "-" + query.from() + "-" + query.to(), header, rows);
	}

	private static ResponseEntity<byte[]> problem(String message) {
		return ResponseEntity.badRequest().body(message.getBytes(StandardCharsets.UTF_8));
	}

}
