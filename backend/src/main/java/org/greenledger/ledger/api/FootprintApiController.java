package org.greenledger.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.FootprintQuery;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Totals and groups of the ingested footprint. */
@RestController
@Tag(name = "Footprint", description = "Energy, CO2e, water and cost of ingested activity, grouped")
class FootprintApiController {

	private final FootprintQuery footprint;

	private final OrgUnitScopes scopes;

	FootprintApiController(FootprintQuery footprint, OrgUnitScopes scopes) {
		this.footprint = footprint;
		this.scopes = scopes;
	}

	@GetMapping("/api/v1/footprint")
	@Operation(summary = "Totals for a period (by the activity's start), optionally grouped",
			description = "A caller assigned to org units gets the sums of their units only (without tag groupings).")
	Footprint footprint(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "provider, region, service, account, month, scope, orgUnit or tag:<key>",
					example = "provider") @RequestParam(required = false) @Nullable String groupBy,
			Authentication principal) {
		if (to.isBefore(from)) {
			throw ApiProblemException.invalidFields(List.of(new FieldProblem("to", "is before from")));
		}
		if (groupBy != null && !FootprintQuery.supports(groupBy)) {
			throw ApiProblemException.invalidFields(List
				.of(new FieldProblem("groupBy", "must be one of " + FootprintQuery.groupings() + " or tag:<key>")));
		}
		OrgUnitScope scope = this.scopes.of(principal);
		if (groupBy != null && !scope.unrestricted() && !FootprintQuery.supportsForOrgUnits(groupBy)) {
			throw ApiProblemException.invalidFields(List.of(new FieldProblem("groupBy",
					"tag groupings are not available to a user assigned to org units; one of "
							+ FootprintQuery.groupings())));
		}
		List<FootprintQuery.Group> groups = this.footprint.query(from, to, Optional.ofNullable(groupBy), scope);
		return new Footprint(from, to, groupBy, groups.stream().map(FootprintApiController::view).toList());
	}

	private static GroupView view(FootprintQuery.Group group) {
		return new GroupView(group.key(), group.itKwh(), group.facilityKwh(),
				new Co2e(group.locationKg(), group.marketKg(), group.embodiedKg()),
				new Water(group.onSiteLiters(), group.offSiteLiters()),
				group.cost().entrySet().stream().map(entry -> new Cost(entry.getValue(), entry.getKey())).toList(),
				group.qualityShares());
	}

	record Footprint(LocalDate from, LocalDate to, @Nullable String groupBy, List<GroupView> groups) {
	}

	record GroupView(String key, double itEnergyKwh, double facilityEnergyKwh, Co2e co2eKg, Water waterLiters,
			List<Cost> cost, Map<Integer, Double> dataQualityShares) {
	}

	record Co2e(double locationBased, double marketBased, double embodied) {
	}

	record Water(double onSite, double offSite) {
	}

	record Cost(BigDecimal amount, String currency) {
	}

}
