package org.greenledger.providercarbon.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.providercarbon.Provider;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.http.HttpStatus;

/** Checks of the provider carbon API's parameters. */
final class Requests {

	private Requests() {
	}

	static ApiProblemException invalid(String field, String problem) {
		return ApiProblemException.invalidFields(List.of(new FieldProblem(field, problem)));
	}

	static void requirePeriod(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw invalid("to", "is before from");
		}
	}

	static Optional<Provider> provider(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		return Optional
			.of(Provider.parse(text).orElseThrow(() -> invalid("provider", "must be aws, gcp (google) or azure")));
	}

	/** Provider figures are per cloud account, not per org unit. */
	static void requireOrganisationWide(OrgUnitScope scope) {
		if (!scope.unrestricted()) {
			throw new ApiProblemException(HttpStatus.FORBIDDEN,
					"Provider-reported figures cover whole cloud accounts, not org units; they are available to"
							+ " users not assigned to org units only.");
		}
	}

}
