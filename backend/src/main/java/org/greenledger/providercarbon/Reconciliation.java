package org.greenledger.providercarbon;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LedgerFilter;
import org.greenledger.providercarbon.ReconciledGroup.Cause;
import org.springframework.stereotype.Component;

/**
 * Compares the providers' figures with GreenLedger's estimate of the same provider's
 * usage (read through the footprint query, never added together) over whole months, and
 * names the parts of the difference GreenLedger can compute: months, accounts, services
 * or regions on one side only, what each side puts in Scope 3, services GreenLedger
 * estimated from spend ({@link DifferenceCauses}) and, on the market-based basis, each
 * side's market instruments; the rest is unexplained, never hidden. The share of
 * GreenLedger's figure estimated from spend is given beside it.
 */
@Component
public class Reconciliation {

	/** The groupings of a reconciliation. */
	public static final Set<String> GROUPINGS = Set.of("provider", "month", "account", "service", "region");

	private final ProviderCarbonQuery providers;

	private final FootprintQuery footprint;

	private final CodeMappings mappings;

	private final ServiceBreakdown services;

	Reconciliation(ProviderCarbonQuery providers, FootprintQuery footprint, CodeMappings mappings,
			ServiceBreakdown services) {
		this.providers = providers;
		this.footprint = footprint;
		this.mappings = mappings;
		this.services = services;
	}

	/**
	 * @param from first month (its first day is taken)
	 * @param to last month (its last day is taken)
	 * @param only one provider, or every provider with figures on either side
	 * @param groupBy one of {@link #GROUPINGS}
	 */
	public List<ReconciledGroup> reconcile(LocalDate from, LocalDate to, Optional<Provider> only, String groupBy) {
		LocalDate first = from.withDayOfMonth(1);
		LocalDate last = to.withDayOfMonth(to.lengthOfMonth());
		List<ReconciledGroup> groups = new ArrayList<>();
		for (Provider provider : only.map(List::of).orElse(List.of(Provider.values()))) {
			if (groupBy.equals("provider")) {
				Sides months = sides(first, last, provider, "month");
				if (!months.isEmpty()) {
					groups.add(whole(provider, first, last, months));
				}
			}
			else {
				Sides sides = sides(first, last, provider, groupBy);
				for (String key : sides.keys()) {
					groups.add(group(key, provider, first, last, groupBy, sides.provider().get(key),
							sides.ledger().get(key)));
				}
			}
		}
		return groups;
	}

	/** Both sides' figures by group key (the provider's terms). */
	private record Sides(Map<String, ProviderFigures> provider, Map<String, LedgerFigures> ledger) {

		boolean isEmpty() {
			return this.provider.isEmpty() && this.ledger.isEmpty();
		}

		Set<String> keys() {
			Set<String> keys = new TreeSet<>(this.provider.keySet());
			keys.addAll(this.ledger.keySet());
			return keys;
		}

	}

	private Sides sides(LocalDate first, LocalDate last, Provider provider, String groupBy) {
		Map<String, ProviderFigures> reported = new TreeMap<>();
		for (ProviderCarbonQuery.Group group : this.providers.carbon(first, last, Optional.of(groupBy),
				Optional.of(provider))) {
			reported.put(group.key(), group.kgCo2e());
		}
		Map<String, LedgerFigures> ledger = new TreeMap<>();
		for (String name : provider.ledgerNames()) {
			LedgerFilter filter = new LedgerFilter(name, null, null, null, null, Set.of());
			for (FootprintQuery.Group group : this.footprint.query(first, last, Optional.of(groupBy), filter)) {
				if (group.rows() == 0) {
					continue;
				}
				String key = switch (groupBy) {
					case "service", "region" -> this.mappings.providerCode(provider, groupBy, group.key());
					default -> group.key();
				};
				ledger.merge(key, LedgerFigures.of(group), LedgerFigures::plus);
			}
		}
		return new Sides(reported, ledger);
	}

	private ReconciledGroup group(String key, Provider provider, LocalDate first, LocalDate last, String groupBy,
			@Nullable ProviderFigures reported, @Nullable LedgerFigures ledger) {
		String dimension = groupBy.toUpperCase(Locale.ROOT);
		List<Cause> causes = new ArrayList<>();
		LedgerFigures estimate = (ledger != null) ? ledger : LedgerFigures.NONE;
		Double location = difference((reported != null) ? reported.totalLocationBased() : BigDecimal.ZERO,
				estimate.totalLocationBased());
		Double market = difference((reported != null) ? reported.totalMarketBased() : BigDecimal.ZERO,
				estimate.totalMarketBased());
		if (reported == null) {
			causes.add(new Cause(dimension + "_ONLY_IN_GREENLEDGER", -estimate.totalLocationBased(),
					"GreenLedger has " + "this " + groupBy + " of " + provider.label()
							+ " usage; the provider's figures do not (not yet "
							+ "published, not exported, or not imported)"));
		}
		else if (ledger == null) {
			if (location != null) {
				causes.add(new Cause(dimension + "_ONLY_IN_PROVIDER_FIGURES", location,
						"The provider reports this " + groupBy
								+ "; GreenLedger has no bill lines of it (bill not imported, or usage the bill "
								+ "names otherwise)"));
			}
		}
		else {
			causes.addAll(DifferenceCauses.bothSides(provider, reported, estimate,
					this.services.of(provider, first, last, groupBy, key)));
		}
		return result(key, provider, reported, ledger, location, market, causes);
	}

	private static ReconciledGroup result(String key, Provider provider, @Nullable ProviderFigures reported,
			@Nullable LedgerFigures ledger, @Nullable Double location, @Nullable Double market, List<Cause> causes) {
		List<Cause> marketCauses = (location != null) ? DifferenceCauses.marketBased(reported, ledger, causes)
				: List.of();
		return new ReconciledGroup(key, provider.label(), reported, ledger, location, market, causes,
				unexplained(location, causes), marketCauses, unexplained(market, marketCauses), context(ledger));
	}

	/** A provider's whole period: coverage by month, then the months on both sides. */
	private ReconciledGroup whole(Provider provider, LocalDate first, LocalDate last, Sides months) {
		ProviderFigures reported = null;
		LedgerFigures ledger = null;
		double onlyProvider = 0;
		double onlyLedger = 0;
		List<Cause> both = new ArrayList<>();
		List<String> providerMonths = new ArrayList<>();
		List<String> ledgerMonths = new ArrayList<>();
		for (String month : months.keys()) {
			ProviderFigures side = months.provider().get(month);
			LedgerFigures estimate = months.ledger().get(month);
			reported = (side != null) ? ProviderFigures.sum(reported, side) : reported;
			ledger = (estimate != null) ? ((ledger != null) ? ledger.plus(estimate) : estimate) : ledger;
			if (estimate == null && side != null && side.totalLocationBased() != null) {
				onlyProvider += side.totalLocationBased().doubleValue();
				providerMonths.add(month);
			}
			else if (side == null && estimate != null) {
				onlyLedger += estimate.totalLocationBased();
				ledgerMonths.add(month);
			}
			else if (side != null && estimate != null) {
				both.addAll(DifferenceCauses.bothSides(provider, side, estimate,
						this.services.of(provider, first, last, "month", month)));
			}
		}
		LedgerFigures estimate = (ledger != null) ? ledger : LedgerFigures.NONE;
		Double location = difference((reported != null) ? reported.totalLocationBased() : BigDecimal.ZERO,
				estimate.totalLocationBased());
		Double market = difference((reported != null) ? reported.totalMarketBased() : BigDecimal.ZERO,
				estimate.totalMarketBased());
		List<Cause> causes = new ArrayList<>();
		if (!providerMonths.isEmpty()) {
			causes.add(new Cause("MONTHS_ONLY_IN_PROVIDER_FIGURES", onlyProvider, "Months the provider reports and "
					+ "GreenLedger has no bill lines of: " + String.join(", ", providerMonths)));
		}
		if (!ledgerMonths.isEmpty()) {
			causes.add(new Cause("MONTHS_ONLY_IN_GREENLEDGER", -onlyLedger, "Months GreenLedger has bills of and the "
					+ "provider's figures do not: " + String.join(", ", ledgerMonths)));
		}
		causes.addAll(DifferenceCauses.summed(both));
		return result(provider.label(), provider, reported, ledger, location, market, causes);
	}

	private static List<Cause> context(@Nullable LedgerFigures ledger) {
		if (ledger == null || ledger.spendBasedLocation() <= 0) {
			return List.of();
		}
		return List.of(new Cause("SPEND_BASED_SHARE", ledger.spendBasedLocation(),
				"Of GreenLedger's location-based figure, this much rests on spend-based factors (services it"
						+ " could not map to usage, data-quality tier 4); its difference from the provider's figure"
						+ " of the same services is the cause SPEND_BASED_ESTIMATES"));
	}

	private static @Nullable Double difference(@Nullable BigDecimal reported, double ledger) {
		return (reported == null) ? null : reported.doubleValue() - ledger;
	}

	private static @Nullable Double unexplained(@Nullable Double difference, List<Cause> causes) {
		if (difference == null) {
			return null;
		}
		return difference - causes.stream().mapToDouble(Cause::kgCo2e).sum();
	}

}
