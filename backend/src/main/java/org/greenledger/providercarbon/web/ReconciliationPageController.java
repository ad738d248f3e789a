package org.greenledger.providercarbon.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.greenledger.providercarbon.FigureChoices;
import org.greenledger.providercarbon.Provider;
import org.greenledger.providercarbon.ReconciledGroup;
import org.greenledger.providercarbon.Reconciliation;
import org.greenledger.security.OrgUnitScopes;

/**
 * The reconciliation page: the providers' own figures beside GreenLedger's estimate for
 * whole months, grouped as the user chooses, with the difference's named causes and the
 * unexplained rest (the same answer as {@code GET /api/v1/reconciliation}), and the
 * recorded choices of the figure the inventory reports for those months.
 */
@Controller
class ReconciliationPageController {

	/** Months shown when the user has not chosen: the twelve up to this one. */
	private static final int DEFAULT_MONTHS = 12;

	private final Reconciliation reconciliation;

	private final FigureChoices choices;

	private final OrgUnitScopes scopes;

	private final Clock clock;

	private final org.greenledger.ledger.DataCoverage coverage;

	ReconciliationPageController(Reconciliation reconciliation, FigureChoices choices, OrgUnitScopes scopes,
			Optional<Clock> clock, org.greenledger.ledger.DataCoverage coverage) {
		this.coverage = coverage;
		this.reconciliation = reconciliation;
		this.choices = choices;
		this.scopes = scopes;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@GetMapping("/reconciliation")
	String reconciliation(@RequestParam Map<String, String> params, Authentication authentication, Model model) {
		// the twelve months ending with the latest month of cloud lines, not an empty
		// current
		// year
		java.util.SortedSet<YearMonth> withData = this.coverage.months(this.scopes.of(authentication).units());
		YearMonth now = withData.isEmpty() ? YearMonth.now(this.clock) : withData.last();
		String problem = null;
		YearMonth from = now.minusMonths(DEFAULT_MONTHS - 1);
		YearMonth to = now;
		Optional<Provider> provider = Optional.empty();
		String groupBy = params.getOrDefault("groupBy", "month");
		try {
			from = month(params.get("from"), from);
			to = month(params.get("to"), to);
			if (to.isBefore(from)) {
				throw new IllegalArgumentException("the last month is before the first");
			}
			if (from.plusYears(10).isBefore(to)) {
				throw new IllegalArgumentException("a comparison covers at most ten years");
			}
			String chosen = params.get("provider");
			if (chosen != null && !chosen.isBlank()) {
				provider = Optional.of(Provider.parse(chosen)
					.orElseThrow(() -> new IllegalArgumentException("choose AWS, Google Cloud or Azure")));
			}
			if (!Reconciliation.GROUPINGS.contains(groupBy)) {
				throw new IllegalArgumentException("group by one of provider, month, account, service or region");
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			problem = ex.getMessage();
			groupBy = "month";
			provider = Optional.empty();
		}
		boolean organisationWide = this.scopes.of(authentication).unrestricted();
		List<ReconciledGroup> groups = organisationWide
				? this.reconciliation.reconcile(from.atDay(1), to.atEndOfMonth(), provider, groupBy) : List.of();
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("provider", provider.map((chosen) -> chosen.ledgerNames().get(0)).orElse(""));
		model.addAttribute("groupBy", groupBy);
		model.addAttribute("groupings", List.of("month", "provider", "account", "service", "region"));
		model.addAttribute("providers", List.of(Provider.values()));
		model.addAttribute("groups", groups);
		model.addAttribute("choices", organisationWide ? this.choices.choices(from, to, provider) : List.of());
		model.addAttribute("organisationWide", organisationWide);
		model.addAttribute("queryProblem", problem);
		return "reconciliation";
	}

	private static YearMonth month(@Nullable String text, YearMonth fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text.strip() + "' is not a month (YYYY-MM)");
		}
	}

}
