package org.greenledger.reduction.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.FootprintQuery;
import org.greenledger.reduction.Adoption;
import org.greenledger.reduction.Adoptions;
import org.greenledger.reduction.Opportunities;
import org.greenledger.reduction.Opportunity;
import org.greenledger.reduction.OpportunityQuery;
import org.greenledger.security.OrgUnitScopes;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Opportunities page: the reduction opportunities of a period, largest saving first,
 * each opening onto its assumptions and evidence (the same answer as
 * {@code GET /api/v1/opportunities}).
 */
@Controller
class OpportunitiesPageController {

	private final Opportunities opportunities;

	private final OrgUnitScopes scopes;

	private final FootprintQuery footprint;

	private final Clock clock;

	private final Adoptions adoptions;

	OpportunitiesPageController(Opportunities opportunities, OrgUnitScopes scopes, FootprintQuery footprint,
			Optional<Clock> clock, Adoptions adoptions) {
		this.adoptions = adoptions;
		this.opportunities = opportunities;
		this.scopes = scopes;
		this.footprint = footprint;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@GetMapping("/opportunities")
	String opportunities(@RequestParam Map<String, String> params, Authentication authentication, Model model) {
		// by default the twelve months up to the latest month with activity lines
		YearMonth latest = this.footprint.latestMonth().orElse(YearMonth.now(this.clock));
		LocalDate from = latest.minusMonths(11).atDay(1);
		LocalDate to = latest.atEndOfMonth();
		String problem = null;
		try {
			from = date(params.get("from"), from);
			to = date(params.get("to"), to);
			if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
				throw new IllegalArgumentException(
						"the last day must be on or after the first, at most 366 days later");
			}
		}
		catch (IllegalArgumentException ex) {
			problem = ex.getMessage();
			from = latest.minusMonths(11).atDay(1);
			to = latest.atEndOfMonth();
		}
		List<Opportunity> items = this.opportunities
			.find(new OpportunityQuery(from, to, Set.of(), this.scopes.of(authentication)));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("items", items);
		model.addAttribute("totalSaving", items.stream().mapToDouble(Opportunity::savingKgCo2e).sum());
		model.addAttribute("queryProblem", problem);
		model.addAttribute("adoptedOn", to.plusDays(1));
		model.addAttribute("adoptions",
				this.adoptions.all(this.scopes.of(authentication))
					.stream()
					.map(adoption -> new Adopted(adoption, this.adoptions.realizedToDate(adoption).orElse(null)))
					.toList());
		return "opportunities";
	}

	/** An adoption and its realized saving to date (null before it is in effect). */
	public record Adopted(Adoption adoption, Adoption.@Nullable Realized realized) {
	}

	private static LocalDate date(@Nullable String text, LocalDate fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text.strip() + "' is not a date (YYYY-MM-DD)");
		}
	}

}
