package org.greenledger.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.greenledger.providercarbon.LedgerFigures;
import org.greenledger.providercarbon.ProviderFigures;
import org.greenledger.providercarbon.ReconciledGroup;
import org.greenledger.providercarbon.Reconciliation;
import org.greenledger.reports.Column;
import org.greenledger.reports.Section;
import org.greenledger.reports.Sheet;
import org.greenledger.reports.Table;
import org.springframework.stereotype.Component;

/**
 * The providers' own figures beside GreenLedger's estimate in a report: a section of the
 * GHG inventory (by provider, with the difference's causes) and a sheet of the auditor
 * workbook (by provider and month, and by provider and account), over the whole months of
 * the report's period, as {@code GET /api/v1/reconciliation} answers.
 */
@Component
class ProviderComparison {

	static final String HEADING = "Provider-reported figures and GreenLedger's estimate";

	static final String SHEET = "Reconciliation";

	private final Reconciliation reconciliation;

	ProviderComparison(Reconciliation reconciliation) {
		this.reconciliation = reconciliation;
	}

	Section section(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		Section.Builder section = Section.builder(HEADING);
		if (orgUnit != null) {
			return section
				.paragraph("The providers' figures cover whole cloud accounts, not org units: they are"
						+ " compared in the organisation's report only.")
				.build();
		}
		LocalDate first = from.withDayOfMonth(1);
		LocalDate last = to.withDayOfMonth(to.lengthOfMonth());
		List<ReconciledGroup> providers = this.reconciliation.reconcile(first, last, Optional.empty(), "provider");
		section.paragraph("The cloud providers' own figures (Scope 1 + 2 + 3 of the customer's usage) against"
				+ " GreenLedger's estimate of the same usage (operational plus embodied), over the whole months "
				+ first + " to " + last
				+ ". The difference is the provider's figure minus GreenLedger's; its named causes are"
				+ " quantified where GreenLedger can compute them, the rest is shown as unexplained.");
		if (providers.isEmpty()) {
			return section.paragraph("No provider figures and no cloud estimates were recorded for these months.")
				.build();
		}
		section.add(Table.of("Provider-reported and GreenLedger figures (t CO2e)",
				List.of(Column.text("Provider"), Column.number("Provider, location-based", "t CO2e", 3),
						Column.number("Provider, market-based", "t CO2e", 3),
						Column.number("GreenLedger, location-based", "t CO2e", 3),
						Column.number("GreenLedger, market-based", "t CO2e", 3),
						Column.number("Difference, location-based", "t CO2e", 3),
						Column.number("Unexplained, location-based", "t CO2e", 3),
						Column.number("Difference, market-based", "t CO2e", 3),
						Column.number("Unexplained, market-based", "t CO2e", 3)),
				providers.stream()
					.map(group -> java.util.Arrays.<@Nullable Object>asList(group.provider(),
							tonnes(reported(group, ProviderFigures::totalLocationBased)),
							tonnes(reported(group, ProviderFigures::totalMarketBased)),
							tonnes(ours(group, LedgerFigures::totalLocationBased)),
							tonnes(ours(group, LedgerFigures::totalMarketBased)),
							tonnes(group.differenceLocationBased()), tonnes(group.unexplained()),
							tonnes(group.differenceMarketBased()), tonnes(group.unexplainedMarketBased())))
					.toList()));
		List<List<@Nullable Object>> causes = new ArrayList<>();
		for (ReconciledGroup group : providers) {
			java.util.Map<String, @Nullable Double> market = new java.util.LinkedHashMap<>();
			group.causesMarketBased().forEach(cause -> market.put(cause.cause(), cause.kgCo2e()));
			for (ReconciledGroup.Cause cause : group.causes()) {
				causes.add(java.util.Arrays.asList(group.provider(), cause.cause(), tonnes(cause.kgCo2e()),
						tonnes(market.remove(cause.cause())), cause.explanation()));
			}
			for (ReconciledGroup.Cause cause : group.causesMarketBased()) {
				if (market.containsKey(cause.cause())) {
					causes.add(java.util.Arrays.asList(group.provider(), cause.cause(), null, tonnes(cause.kgCo2e()),
							cause.explanation()));
				}
			}
			for (ReconciledGroup.Cause cause : group.context()) {
				causes.add(java.util.Arrays.asList(group.provider(), cause.cause() + " (context, not a part)",
						tonnes(cause.kgCo2e()), null, cause.explanation()));
			}
		}
		if (!causes.isEmpty()) {
			section.add(Table.of("Causes of the difference (t CO2e)",
					List.of(Column.text("Provider"), Column.text("Cause"), Column.number("Location-based", "t CO2e", 3),
							Column.number("Market-based", "t CO2e", 3), Column.text("Explanation")),
					causes));
		}
		return section.build();
	}

	/**
	 * The auditor workbook's sheet: every provider by month and by account, in kg CO2e
	 * with both bases and the causes.
	 */
	Sheet sheet(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		List<Column> columns = List.of(Column.text("Grouping"), Column.text("Group"), Column.text("Provider"),
				Column.number("Provider, location-based", "kg CO2e", 3),
				Column.number("Provider, market-based", "kg CO2e", 3),
				Column.number("GreenLedger, location-based", "kg CO2e", 3),
				Column.number("GreenLedger, market-based", "kg CO2e", 3),
				Column.number("GreenLedger, embodied", "kg CO2e", 3),
				Column.number("Difference, location-based", "kg CO2e", 3),
				Column.number("Difference, market-based", "kg CO2e", 3), Column.text("Causes (kg CO2e)"),
				Column.number("Unexplained", "kg CO2e", 3), Column.text("Causes, market-based (kg CO2e)"),
				Column.number("Unexplained, market-based", "kg CO2e", 3));
		List<List<@Nullable Object>> rows = new ArrayList<>();
		if (orgUnit == null) {
			LocalDate first = from.withDayOfMonth(1);
			LocalDate last = to.withDayOfMonth(to.lengthOfMonth());
			for (String grouping : List.of("month", "account")) {
				for (ReconciledGroup group : this.reconciliation.reconcile(first, last, Optional.empty(), grouping)) {
					rows.add(java.util.Arrays.asList(grouping, group.key(), group.provider(),
							kg(reported(group, ProviderFigures::totalLocationBased)),
							kg(reported(group, ProviderFigures::totalMarketBased)),
							ours(group, LedgerFigures::totalLocationBased),
							ours(group, LedgerFigures::totalMarketBased), ours(group, LedgerFigures::embodied),
							group.differenceLocationBased(), group.differenceMarketBased(), causes(group.causes()),
							group.unexplained(), causes(group.causesMarketBased()), group.unexplainedMarketBased()));
				}
			}
		}
		return new Sheet(SHEET, Table.of(HEADING, columns, rows));
	}

	private static String causes(List<ReconciledGroup.Cause> causes) {
		return causes.stream()
			.map(cause -> cause.cause() + ": " + String.format(java.util.Locale.ROOT, "%.3f", cause.kgCo2e()))
			.collect(Collectors.joining("; "));
	}

	private static @Nullable BigDecimal reported(ReconciledGroup group,
			Function<ProviderFigures, @Nullable BigDecimal> figure) {
		return (group.providerReported() != null) ? figure.apply(group.providerReported()) : null;
	}

	private static @Nullable Double ours(ReconciledGroup group, Function<LedgerFigures, Double> figure) {
		return (group.greenledger() != null) ? figure.apply(group.greenledger()) : null;
	}

	private static @Nullable Double kg(@Nullable BigDecimal value) {
		return (value != null) ? value.doubleValue() : null;
	}

	private static @Nullable Double tonnes(@Nullable Number kg) {
		return (kg != null) ? kg.doubleValue() / 1000 : null;
	}

}
