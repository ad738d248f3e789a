package org.greenledger.providercarbon.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.periods.ReportingPeriod;
import org.greenledger.periods.ReportingPeriods;
import org.greenledger.providercarbon.FigureChoice;
import org.greenledger.providercarbon.FigureChoices;
import org.greenledger.providercarbon.Provider;
import org.greenledger.providercarbon.ReportedFigure;
import org.greenledger.security.OrgUnitScopes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which figure the inventory reports per provider and month: GreenLedger's estimate (the
 * default) or the provider's own.
 */
@RestController
@Tag(name = "Provider carbon", description = "Cloud providers' own carbon figures, as imported")
class FigureChoiceApiController {

	private final FigureChoices choices;

	private final ReportingPeriods periods;

	private final OrgUnitScopes scopes;

	FigureChoiceApiController(FigureChoices choices, ReportingPeriods periods, OrgUnitScopes scopes) {
		this.choices = choices;
		this.periods = periods;
		this.scopes = scopes;
	}

	@GetMapping("/api/v1/provider-carbon/choices")
	@Operation(summary = "The figure the inventory reports per provider and month (recorded choices)",
			description = "Months without a recorded choice report GreenLedger's estimate.")
	Choices choices(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "aws, gcp or azure; all when absent") @RequestParam(
					required = false) @Nullable String provider,
			Authentication principal) {
		Requests.requireOrganisationWide(this.scopes.of(principal));
		Requests.requirePeriod(from, to);
		Optional<Provider> selected = Requests.provider(provider);
		return new Choices(ReportedFigure.GREENLEDGER,
				this.choices.choices(YearMonth.from(from), YearMonth.from(to), selected));
	}

	@PutMapping("/api/v1/provider-carbon/choices")
	@Operation(summary = "Choose the figure the inventory reports for a provider's months",
			description = "ADMIN and SUSTAINABILITY_OFFICER only; recorded in the audit log; refused (409) when an"
					+ " approved reporting period holds one of the months. The provider's figure replaces"
					+ " GreenLedger's estimate of that provider's cloud usage in the inventory, never adds to it.")
	Choices choose(@RequestBody Choice choice, Authentication principal) {
		Requests.requireOrganisationWide(this.scopes.of(principal));
		if (choice.provider() == null || choice.provider().isBlank()) {
			throw Requests.invalid("provider", "is required (aws, gcp or azure)");
		}
		Provider provider = Requests.provider(choice.provider()).orElseThrow();
		ReportedFigure figure = figure(choice.figure());
		YearMonth from;
		YearMonth to;
		if (choice.periodId() != null) {
			if (choice.from() != null || choice.to() != null) {
				throw Requests.invalid("periodId", "give either a reporting period or 'from' and 'to', not both");
			}
			ReportingPeriod period = this.periods.require(choice.periodId());
			from = YearMonth.from(period.start());
			to = YearMonth.from(period.end());
		}
		else {
			from = month("from", choice.from());
			to = month("to", choice.to());
		}
		try {
			return new Choices(ReportedFigure.GREENLEDGER,
					this.choices.choose(provider, from, to, figure, choice.reason(), principal.getName()));
		}
		catch (IllegalArgumentException ex) {
			throw Requests.invalid("to", ex.getMessage());
		}
	}

	private static ReportedFigure figure(@Nullable String text) {
		String key = (text == null) ? "" : text.strip().toUpperCase(Locale.ROOT).replace("-", "_");
		return switch (key) {
			case "PROVIDER", "PROVIDER_REPORTED" -> ReportedFigure.PROVIDER;
			case "GREENLEDGER", "ESTIMATE" -> ReportedFigure.GREENLEDGER;
			default -> throw Requests.invalid("figure", "must be PROVIDER or GREENLEDGER");
		};
	}

	private static YearMonth month(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw Requests.invalid(field, "is required (a month, YYYY-MM), unless a periodId is given");
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw Requests.invalid(field, "'" + text.strip() + "' is not a month (YYYY-MM)");
		}
	}

	/**
	 * A choice: the provider, the months (a reporting period, or {@code from} and
	 * {@code to}) and the figure.
	 */
	record Choice(@Nullable String provider, @Nullable UUID periodId, @Nullable String from, @Nullable String to,
			@Nullable String figure, @Nullable String reason) {
	}

	/**
	 * @param defaultFigure the figure of months without a recorded choice
	 */
	record Choices(ReportedFigure defaultFigure, List<FigureChoice> choices) {
	}

}
