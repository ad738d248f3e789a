package org.greenledger.explorer.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.explorer.Explorer;
import org.greenledger.explorer.ExplorerQuery;
import org.greenledger.ledger.DataCoverage;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.sites.Site;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The explorer pages: groups of the filtered activity lines with drill-down links, a page
 * of the lines, and one line's lineage.
 */
@Controller
class ExplorerController {

	private final Explorer explorer;

	private final DataCoverage coverage;

	private final OrgUnitScopes scopes;

	private final Clock clock;

	ExplorerController(Explorer explorer, DataCoverage coverage, OrgUnitScopes scopes, Clock clock) {
		this.explorer = explorer;
		this.coverage = coverage;
		this.scopes = scopes;
		this.clock = clock;
	}

	@GetMapping("/explorer")
	String explorer(@RequestParam Map<String, String> params, Authentication authentication, Model model) {
		if (Boolean.parseBoolean(params.get("lines"))) {
			// the lines have a page of their own (sorted, selected, exported)
			org.springframework.web.util.UriComponentsBuilder lines = org.springframework.web.util.UriComponentsBuilder
				.fromPath("/explorer/lines");
			params.forEach((name, value) -> {
				if (!name.equals("lines") && !name.equals("after")) {
					lines.queryParam(name, value);
				}
			});
			return "redirect:" + lines.encode().toUriString();
		}
		OrgUnitScope scope = this.scopes.of(authentication);
		ExplorerQuery query = query(params, model, authentication);
		model.addAttribute("links", new ExplorerLinks(query));
		model.addAttribute("groupings", ExplorerQuery.GROUPINGS);
		Map<String, java.util.List<String>> options = new LinkedHashMap<>();
		for (String attribute : new String[] { "provider", "service", "region", "account", "orgUnit", "scope" }) {
			options.put(attribute, this.explorer.values(query, attribute, scope));
		}
		model.addAttribute("options", options);
		model.addAttribute("total", this.explorer.total(query, scope).orElse(null));
		model.addAttribute("groups", this.explorer.groups(query, scope));
		model.addAttribute("sites", this.explorer.sites(query, scope));
		return "explorer";
	}

	@GetMapping("/explorer/sites/{code}")
	String site(@PathVariable String code, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "1") int page, Authentication authentication, Model model) {
		Site site = this.explorer.site(code, this.scopes.of(authentication))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such site"));
		ExplorerQuery query = query(params, model, authentication);
		int number = Math.max(1, page);
		model.addAttribute("site", site);
		model.addAttribute("figures", this.explorer.siteFigures(site, query.from(), query.to()).orElse(null));
		model.addAttribute("readings", this.explorer.meterLines(site, query.from(), query.to(), number));
		model.addAttribute("pageNumber", number);
		return "explorer-site";
	}

	@GetMapping("/explorer/meter-lines/{jobId}/{seriesId}/{firstRow}")
	String meterLine(@PathVariable UUID jobId, @PathVariable long seriesId, @PathVariable long firstRow,
			Authentication authentication, Model model) {
		model.addAttribute("reading", this.explorer.meterLine(jobId, seriesId, firstRow, this.scopes.of(authentication))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such meter reading")));
		return "explorer-meter-line";
	}

	/**
	 * The query of the parameters, in the model; a bad one is explained and the default
	 * shown instead (the calendar year of the latest data).
	 */
	private ExplorerQuery query(Map<String, String> params, Model model, Authentication authentication) {
		YearMonth latest = latestMonth(this.coverage, this.scopes.of(authentication), YearMonth.now(this.clock));
		ExplorerQuery query;
		try {
			query = query(params, latest);
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			model.addAttribute("queryProblem", "The query is not valid: " + ex.getMessage()
					+ ". Months are YYYY-MM; the groupings are " + ExplorerQuery.GROUPINGS + ".");
			query = query(Map.of(), latest);
		}
		model.addAttribute("query", query);
		return query;
	}

	/**
	 * The latest month with data the scope may see (cloud lines or readings), else
	 * today's.
	 */
	static YearMonth latestMonth(DataCoverage coverage, OrgUnitScope scope, YearMonth today) {
		java.util.SortedSet<YearMonth> months = coverage.months(scope.units());
		return months.isEmpty() ? today : months.last();
	}

	static ExplorerQuery query(Map<String, String> params, YearMonth latest) {
		YearMonth from = month(params.get("from"), YearMonth.of(latest.getYear(), 1));
		YearMonth to = month(params.get("to"), YearMonth.of(latest.getYear(), 12));
		return new ExplorerQuery(from, to, params.get("provider"), params.get("region"), params.get("service"),
				params.get("account"), params.get("orgUnit"), params.get("scope"),
				params.getOrDefault("groupBy", "provider"), Boolean.parseBoolean(params.get("lines")),
				params.get("after"));
	}

	private static YearMonth month(@Nullable String text, YearMonth fallback) {
		return (text == null || text.isBlank()) ? fallback : YearMonth.parse(text.strip());
	}

}
