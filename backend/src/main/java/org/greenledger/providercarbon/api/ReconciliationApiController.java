package org.greenledger.providercarbon.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.providercarbon.Provider;
import org.greenledger.providercarbon.ReconciledGroup;
import org.greenledger.providercarbon.Reconciliation;
import org.greenledger.security.OrgUnitScopes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Providers' figures against GreenLedger's estimate, with the difference's causes. */
@RestController
@Tag(name = "Provider carbon", description = "Cloud providers' own carbon figures, as imported")
class ReconciliationApiController {

	private final Reconciliation reconciliation;

	private final OrgUnitScopes scopes;

	ReconciliationApiController(Reconciliation reconciliation, OrgUnitScopes scopes) {
		this.reconciliation = reconciliation;
		this.scopes = scopes;
	}

	@GetMapping("/api/v1/reconciliation")
	@Operation(summary = "Provider-reported CO2e against GreenLedger's estimate, over whole months",
			description = "The difference (provider minus GreenLedger, kg CO2e) with its named, quantified causes and"
					+ " the unexplained rest. Organisation-wide: not available to a user assigned to org units.")
	Answer reconciliation(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "aws, gcp or azure; all when absent") @RequestParam(
					required = false) @Nullable String provider,
			@Parameter(description = "provider, month, account, service or region",
					example = "month") @RequestParam(required = false) @Nullable String groupBy,
			Authentication principal) {
		Requests.requireOrganisationWide(this.scopes.of(principal));
		Requests.requirePeriod(from, to);
		Optional<Provider> selected = Requests.provider(provider);
		String grouping = (groupBy != null) ? groupBy : "provider";
		if (!Reconciliation.GROUPINGS.contains(grouping)) {
			throw Requests.invalid("groupBy", "must be one of " + new TreeSet<>(Reconciliation.GROUPINGS));
		}
		LocalDate first = from.withDayOfMonth(1);
		LocalDate last = to.withDayOfMonth(to.lengthOfMonth());
		return new Answer(first, last, grouping, selected.map(Provider::label).orElse(null),
				this.reconciliation.reconcile(first, last, selected, grouping));
	}

	/**
	 * @param from the first day of the first month compared
	 * @param to the last day of the last month compared
	 */
	record Answer(LocalDate from, LocalDate to, String groupBy, @Nullable String provider,
			List<ReconciledGroup> groups) {

		public String unit() {
			return "kg CO2e";
		}

	}

}
