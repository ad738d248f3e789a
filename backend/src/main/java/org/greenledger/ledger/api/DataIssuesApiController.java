package org.greenledger.ledger.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.greenledger.ledger.DataIssues;
import org.greenledger.ledger.LedgerFilter;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data issues of a period as the dashboard lists them: billed rows without a
 * footprint, grouped per provider, service and billed unit (or instance type, provider,
 * region), largest billed cost first.
 */
@RestController
@Tag(name = "Footprint")
class DataIssuesApiController {

	private static final int MAX = 500;

	private final DataIssues issues;

	private final OrgUnitScopes scopes;

	DataIssuesApiController(DataIssues issues, OrgUnitScopes scopes) {
		this.issues = issues;
		this.scopes = scopes;
	}

	@GetMapping("/api/v1/footprint/data-issues")
	@Operation(summary = "Billed rows without a footprint in a period, grouped and ranked by billed cost, then rows",
			description = "Each group: kind, provider, service, the billed unit or what else the rows are about, the"
					+ " reason in words, rows, billed cost and currency, months, up to three example rows (upload"
					+ " and row), and whether an energy factor per unit of the service (a factor set's"
					+ " SERVICE_ENERGY value) would give the rows a footprint.")
	List<DataIssues.Group> issues(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "50") int limit, Authentication principal) {
		if (to.isBefore(from)) {
			throw ApiProblemException.invalidFields(List.of(new FieldProblem("to", "is before from")));
		}
		if (limit < 1 || limit > MAX) {
			throw ApiProblemException.invalidFields(List.of(new FieldProblem("limit", "must be 1 to " + MAX)));
		}
		return this.issues.groups(from, to, LedgerFilter.ALL.within(this.scopes.of(principal)), limit);
	}

}
