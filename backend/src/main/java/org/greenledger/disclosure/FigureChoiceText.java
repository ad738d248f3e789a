package org.greenledger.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import org.greenledger.inventory.GhgInventory.ProviderFigureUse;

/**
 * The methodology's statement of which figure the inventory reports for each provider's
 * months: GreenLedger's estimate, or the provider's own where the organisation chose it.
 */
final class FigureChoiceText {

	private FigureChoiceText() {
	}

	static String describe(List<ProviderFigureUse> uses) {
		if (uses.isEmpty()) {
			return "Cloud figures are GreenLedger's estimates for every provider and month of the period (the"
					+ " default; no provider's own figure was chosen for them).";
		}
		StringBuilder text = new StringBuilder("Cloud figures are GreenLedger's estimates (the default), except"
				+ " where the organisation chose to report a provider's own figure. That figure then replaces"
				+ " GreenLedger's estimate of the provider's cloud usage in the month (never added to it): the"
				+ " provider's Scope 3 (market-based) stands in the embodied line, the rest of its total in the"
				+ " operational lines, energy and water stay GreenLedger's estimates.");
		for (Run run : runs(uses)) {
			text.append(' ').append(run.describe());
		}
		return text.toString();
	}

	/** Consecutive months of one provider treated alike. */
	private record Run(String provider, String from, String to, boolean applied, String note, double providerLocation,
			double providerMarket, double replacedLocation, double replacedMarket, TreeSet<String> versions) {

		String describe() {
			String months = this.provider + " "
					+ (this.from.equals(this.to) ? this.from : this.from + " to " + this.to);
			if (!this.applied) {
				return months + ": the provider's figure was chosen, but " + this.note + ".";
			}
			return months + ": the provider's own figures"
					+ (this.versions.isEmpty() ? "" : " (model " + String.join(", ", this.versions) + ")") + ", "
					+ tonnes(this.providerLocation) + " t CO2e location-based and " + tonnes(this.providerMarket)
					+ " t market-based, replace GreenLedger's estimate of " + tonnes(this.replacedLocation) + " t and "
					+ tonnes(this.replacedMarket) + " t.";
		}

	}

	private static List<Run> runs(List<ProviderFigureUse> uses) {
		List<Run> runs = new ArrayList<>();
		Run open = null;
		for (ProviderFigureUse use : uses) {
			String note = Objects.toString(use.note(), "");
			if (open != null && open.provider().equals(use.provider()) && open.applied() == use.applied()
					&& open.note().equals(note)
					&& java.time.YearMonth.parse(open.to()).plusMonths(1).toString().equals(use.month())) {
				open.versions().addAll(use.modelVersions());
				open = new Run(open.provider(), open.from(), use.month(), open.applied(), note,
						open.providerLocation() + use.providerLocationKg(),
						open.providerMarket() + use.providerMarketKg(),
						open.replacedLocation() + use.replacedLocationKg(),
						open.replacedMarket() + use.replacedMarketKg(), open.versions());
				continue;
			}
			if (open != null) {
				runs.add(open);
			}
			open = new Run(use.provider(), use.month(), use.month(), use.applied(), note, use.providerLocationKg(),
					use.providerMarketKg(), use.replacedLocationKg(), use.replacedMarketKg(),
					new TreeSet<>(use.modelVersions()));
		}
		if (open != null) {
			runs.add(open);
		}
		return runs;
	}

	private static String tonnes(double kg) {
		return String.format(Locale.ROOT, "%.3f", kg / 1000);
	}

}
