package org.greenledger.reduction.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.reduction.Opportunities;
import org.greenledger.reduction.Opportunity;
import org.greenledger.reduction.OpportunityQuery;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Quantified reduction opportunities of a period, largest saving first. */
@RestController
@Tag(name = "Opportunities", description = "Quantified reduction opportunities computed from the ledger")
class OpportunityApiController {

	/** The longest period asked for at once. */
	static final int MAX_DAYS = 366;

	private final Opportunities opportunities;

	private final OrgUnitScopes scopes;

	OpportunityApiController(Opportunities opportunities, OrgUnitScopes scopes) {
		this.opportunities = opportunities;
		this.scopes = scopes;
	}

	@GetMapping("/api/v1/opportunities")
	@Operation(summary = "Reduction opportunities of a period, largest saving first",
			description = "Each item names its kind, subject, the emissions concerned, the saving with a range,"
					+ " the cost impact where the bill allows it, confidence, assumptions and the ledger lines and"
					+ " factors it rests on. A caller assigned to org units sees their units only.")
	Items opportunities(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @Nullable String orgUnit, Authentication principal) {
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw ApiProblemException.invalidFields(
					List.of(new FieldProblem("to", "on or after from, at most " + MAX_DAYS + " days after it")));
		}
		Set<String> units = (orgUnit == null || orgUnit.isBlank()) ? Set.of() : Set.of(orgUnit.strip());
		List<Opportunity> items = this.opportunities
			.find(new OpportunityQuery(from, to, units, this.scopes.of(principal)));
		return new Items(from, to, orgUnit, items);
	}

	record Items(LocalDate from, LocalDate to, @Nullable String orgUnit, List<Opportunity> items) {
	}

}
