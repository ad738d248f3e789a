package org.greenledger.providercarbon.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import org.greenledger.ledger.ActivityLines;
import org.greenledger.ledger.LedgerFilter;
import org.greenledger.providercarbon.CodeMappings;
import org.greenledger.providercarbon.Provider;
import org.greenledger.providercarbon.ProviderCarbonQuery;
import org.greenledger.providercarbon.ProviderLines;
import org.greenledger.providercarbon.Reconciliation;
import org.greenledger.security.OrgUnitScopes;

/**
 * The drill-down of one reconciliation group to both sides' source rows: the provider's
 * lines with the file and row they were read from, and GreenLedger's activity lines of
 * the same provider and group, each linked to its lineage in the explorer.
 */
@Controller
class ReconciliationRowsController {

	/** The most lines shown per side. */
	static final int LIMIT = 200;

	private final ProviderLines providerLines;

	private final ActivityLines activityLines;

	private final CodeMappings mappings;

	private final OrgUnitScopes scopes;

	ReconciliationRowsController(ProviderLines providerLines, ActivityLines activityLines, CodeMappings mappings,
			OrgUnitScopes scopes) {
		this.providerLines = providerLines;
		this.activityLines = activityLines;
		this.mappings = mappings;
		this.scopes = scopes;
	}

	@GetMapping("/reconciliation/rows")
	String rows(@RequestParam Map<String, String> params, Authentication authentication, Model model) {
		boolean organisationWide = this.scopes.of(authentication).unrestricted();
		model.addAttribute("organisationWide", organisationWide);
		model.addAttribute("limit", LIMIT);
		try {
			YearMonth from = YearMonth.parse(required(params, "from"));
			YearMonth to = YearMonth.parse(required(params, "to"));
			Provider provider = Provider.parse(required(params, "provider"))
				.orElseThrow(() -> new IllegalArgumentException("choose AWS, Google Cloud or Azure"));
			String groupBy = required(params, "groupBy");
			String key = required(params, "key");
			if (!Reconciliation.GROUPINGS.contains(groupBy)) {
				throw new IllegalArgumentException("group by one of provider, month, account, service or region");
			}
			if (to.isBefore(from) || from.plusYears(10).isBefore(to)) {
				throw new IllegalArgumentException("the months must be in order and at most ten years apart");
			}
			if (groupBy.equals("month")) {
				from = YearMonth.parse(key);
				to = from;
			}
			model.addAttribute("from", from);
			model.addAttribute("to", to);
			model.addAttribute("provider", provider);
			model.addAttribute("groupBy", groupBy);
			model.addAttribute("key", key);
			model.addAttribute("back",
					UriComponentsBuilder.fromPath("/reconciliation")
						.queryParam("from", params.get("from"))
						.queryParam("to", params.get("to"))
						.queryParam("provider", provider.ledgerNames().get(0))
						.queryParam("groupBy", groupBy)
						.toUriString());
			if (!organisationWide) {
				return "reconciliation-rows";
			}
			model.addAttribute("providerRows",
					this.providerLines.lines(provider, from.atDay(1), to.atEndOfMonth(), groupBy, key, LIMIT));
			List<LedgerFilter> filters = filters(provider, groupBy, key);
			List<ActivityLines.Line> lines = new ArrayList<>();
			boolean more = false;
			List<String> explorer = new ArrayList<>();
			for (LedgerFilter filter : filters) {
				ActivityLines.Page page = this.activityLines.page(from.atDay(1), to.atEndOfMonth(), filter, null,
						LIMIT - lines.size());
				lines.addAll(page.lines());
				more |= page.next() != null;
				explorer.add(explorer(from, to, filter));
			}
			model.addAttribute("ledgerLines", lines);
			model.addAttribute("ledgerMore", more);
			model.addAttribute("explorerLinks", explorer);
			model.addAttribute("ledgerUnmatched", filters.isEmpty());
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			model.addAttribute("queryProblem", ex.getMessage());
		}
		return "reconciliation-rows";
	}

	/**
	 * The ledger's filters of the group: the provider's code may stand for several
	 * billing names; a group without a value selects no ledger lines.
	 */
	private List<LedgerFilter> filters(Provider provider, String groupBy, String key) {
		List<LedgerFilter> filters = new ArrayList<>();
		for (String name : provider.ledgerNames()) {
			if (ProviderCarbonQuery.NONE.equals(key) && !groupBy.equals("provider") && !groupBy.equals("month")) {
				continue;
			}
			switch (groupBy) {
				case "account" -> filters.add(new LedgerFilter(name, key, null, null, null, Set.of()));
				case "service" -> this.mappings.ledgerNames(provider, "service", key)
					.forEach(service -> filters.add(new LedgerFilter(name, null, null, service, null, Set.of())));
				case "region" -> this.mappings.ledgerNames(provider, "region", key)
					.forEach(region -> filters.add(new LedgerFilter(name, null, region, null, null, Set.of())));
				default -> filters.add(new LedgerFilter(name, null, null, null, null, Set.of()));
			}
		}
		return filters;
	}

	private static String explorer(YearMonth from, YearMonth to, LedgerFilter filter) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/explorer")
			.queryParam("from", from)
			.queryParam("to", to)
			.queryParam("provider", filter.provider());
		if (filter.account() != null) {
			uri.queryParam("account", filter.account());
		}
		if (filter.service() != null) {
			uri.queryParam("service", filter.service());
		}
		if (filter.region() != null) {
			uri.queryParam("region", filter.region());
		}
		return uri.queryParam("groupBy", "provider").queryParam("lines", true).encode().toUriString();
	}

	private static String required(Map<String, String> params, String name) {
		String value = params.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("'" + name + "' is missing");
		}
		return value.strip();
	}

}
