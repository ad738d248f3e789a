package org.greenledger.providercarbon.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.providercarbon.Provider;
import org.greenledger.providercarbon.ProviderCarbonQuery;
import org.greenledger.security.OrgUnitScopes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The providers' own carbon figures, summed (never part of GreenLedger's totals). */
@RestController
@Tag(name = "Provider carbon", description = "Cloud providers' own carbon figures, as imported")
class ProviderCarbonApiController {

	private final ProviderCarbonQuery query;

	private final OrgUnitScopes scopes;

	ProviderCarbonApiController(ProviderCarbonQuery query, OrgUnitScopes scopes) {
		this.query = query;
		this.scopes = scopes;
	}

	@GetMapping("/api/v1/provider-carbon")
	@Operation(summary = "Provider-reported CO2e (kg) of the months in a period, optionally grouped",
			description = "Provider figures are a second view of the same activity, never added to GreenLedger's"
					+ " totals. Organisation-wide: not available to a user assigned to org units.")
	ProviderCarbon providerCarbon(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "provider, month, account, service, region or scope",
					example = "provider") @RequestParam(required = false) @Nullable String groupBy,
			@Parameter(description = "aws, gcp or azure") @RequestParam(required = false) @Nullable String provider,
			Authentication principal) {
		Requests.requireOrganisationWide(this.scopes.of(principal));
		Requests.requirePeriod(from, to);
		Optional<Provider> selected = Requests.provider(provider);
		if (groupBy != null && !ProviderCarbonQuery.groupings().contains(groupBy)) {
			throw Requests.invalid("groupBy", "must be one of " + ProviderCarbonQuery.groupings());
		}
		return new ProviderCarbon(from, to, groupBy, selected.map(Provider::label).orElse(null),
				this.query.query(from, to, Optional.ofNullable(groupBy), selected));
	}

	record ProviderCarbon(LocalDate from, LocalDate to, @Nullable String groupBy, @Nullable String provider,
			List<ProviderCarbonQuery.Group> groups) {

		public int dataQualityTier() {
			return 2;
		}

	}

}
