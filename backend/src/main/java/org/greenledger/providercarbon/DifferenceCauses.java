package org.greenledger.providercarbon;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.greenledger.providercarbon.ReconciledGroup.Cause;

/**
 * The causes of the difference of a group with figures on both sides that GreenLedger can
 * compute, in kg CO2e, signed like the difference (provider minus GreenLedger), from both
 * sides' figures by service inside the group (P the provider's, G GreenLedger's; per
 * service s, w(s) = GreenLedger's spend-based kg / its operational location-based kg):
 * <ul>
 * <li>{@code SPEND_BASED_ESTIMATES} = sum over services on both sides of w(s) x P
 * total(s) - G spend-based(s): a spend factor covers the seller's whole supply chain, so
 * the spend-estimated share of the provider's whole figure (Scope 1 + 2 + 3) is its
 * counterpart, the share taken in GreenLedger's own proportion (the provider does not say
 * which usage each kg comes from);</li>
 * <li>{@code SCOPE_3_BOUNDARY} = P Scope 3 - sum of w(s) x P Scope 3(s) - G
 * embodied;</li>
 * <li>{@code SERVICES_ONLY_IN_PROVIDER_FIGURES} = P Scope 1 + 2 of services GreenLedger
 * has no lines of (their whole figure when the provider gives no Scope 3);
 * {@code SERVICES_ONLY_IN_GREENLEDGER} = - G operational of services the provider's
 * figures do not name.</li>
 * </ul>
 * What remains is the sum over services on both sides of (1 - w(s)) x (P Scope 1 + 2(s) -
 * G operational(s)): the operational difference of the usage-based part. On the
 * market-based basis the difference is the location-based one minus the provider's market
 * instruments (P location-based - P market-based) plus GreenLedger's (G location-based -
 * G market-based), so its causes are the same plus those two.
 */
final class DifferenceCauses {

	private DifferenceCauses() {
	}

	/** Both sides' figures by service (the provider's codes) inside a group. */
	record Services(Map<String, ProviderFigures> provider, Map<String, LedgerFigures> ledger) {

		/**
		 * Whether the provider names services here (a provider that reports a group as a
		 * whole, without services, gives nothing to split by).
		 */
		boolean split() {
			return this.provider.keySet().stream().anyMatch(key -> !key.equals(ProviderCarbonQuery.NONE));
		}

		/**
		 * Whether the services add up to the group's figures on both sides (they are read
		 * in separate queries; a group whose services do not is not split).
		 */
		boolean addsUpTo(ProviderFigures reported, LedgerFigures estimate) {
			double provided = this.provider.values().stream().mapToDouble(side -> kg(side.totalLocationBased())).sum();
			double ours = this.ledger.values().stream().mapToDouble(LedgerFigures::operationalLocationBased).sum();
			return close(provided, kg(reported.totalLocationBased()))
					&& close(ours, estimate.operationalLocationBased());
		}

		private static boolean close(double left, double right) {
			return Math.abs(left - right) <= 1e-9 * Math.max(1, Math.abs(right));
		}

	}

	/**
	 * The location-based causes of a group both sides have figures for.
	 * @param services both sides by service, or empty when the group is not split (it is
	 * then one service)
	 */
	static List<Cause> bothSides(Provider provider, ProviderFigures reported, LedgerFigures estimate,
			Optional<Services> services) {
		Services split = services.filter(Services::split)
			.filter(each -> each.addsUpTo(reported, estimate))
			.orElse(new Services(Map.of("", reported), Map.of("", estimate)));
		boolean scope3Known = reported.scope3LocationBased() != null;
		double spend = 0;
		double spendScope3 = 0;
		boolean spendBased = false;
		double providerOnly = 0;
		double ledgerOnly = 0;
		boolean providerOnlyFound = false;
		boolean ledgerOnlyFound = false;
		Set<String> keys = new TreeSet<>(split.provider().keySet());
		keys.addAll(split.ledger().keySet());
		for (String key : keys) {
			ProviderFigures side = split.provider().get(key);
			LedgerFigures ours = split.ledger().get(key);
			if (side != null && ours != null) {
				if (ours.spendBasedLocation() > 0 && ours.operationalLocationBased() > 0) {
					double share = ours.spendBasedLocation() / ours.operationalLocationBased();
					spendBased = true;
					spend += share * kg(side.totalLocationBased()) - ours.spendBasedLocation();
					spendScope3 += share * kg(side.scope3LocationBased());
				}
			}
			else if (side != null) {
				providerOnly += kg(side.totalLocationBased()) - (scope3Known ? kg(side.scope3LocationBased()) : 0);
				providerOnlyFound = true;
			}
			else if (ours != null) {
				ledgerOnly -= ours.operationalLocationBased();
				ledgerOnlyFound = true;
			}
		}
		List<Cause> causes = new ArrayList<>();
		if (scope3Known) {
			causes.add(scope3(provider, kg(reported.scope3LocationBased()) - spendScope3 - estimate.embodied()));
		}
		if (spendBased) {
			causes.add(new Cause("SPEND_BASED_ESTIMATES", spend,
					"Services GreenLedger estimated from spend (data-quality tier 4, supply-chain factors covering"
							+ " the seller's Scope 1, 2 and 3) against the provider's usage-based figure of the same"
							+ " services: per service, the spend-based share of GreenLedger's figure times the"
							+ " provider's total (Scope 1 + 2 + 3) minus GreenLedger's spend-based kg"));
		}
		if (providerOnlyFound) {
			causes.add(new Cause("SERVICES_ONLY_IN_PROVIDER_FIGURES", providerOnly,
					"Services the provider reports here and GreenLedger has no bill lines of (named in the"
							+ " reconciliation by service): their Scope 1 + 2"
							+ (scope3Known ? " (their Scope 3 is in SCOPE_3_BOUNDARY)" : "")));
		}
		if (ledgerOnlyFound) {
			causes.add(new Cause("SERVICES_ONLY_IN_GREENLEDGER", ledgerOnly,
					"Services GreenLedger has bill lines of here and the provider's figures do not name (named"
							+ " in the reconciliation by service): GreenLedger's operational figure of them"));
		}
		return causes;
	}

	static Cause scope3(Provider provider, double kg) {
		return new Cause("SCOPE_3_BOUNDARY", kg, provider.scope3Boundary() + "; GreenLedger's embodied figure "
				+ "holds the server hardware of the instances billed only (SCI amortization), so the provider's "
				+ "Scope 3 (location-based), less its share in services GreenLedger estimated from spend (counted in "
				+ "SPEND_BASED_ESTIMATES), minus GreenLedger's embodied figure is this part of the difference");
	}

	/**
	 * The market-based causes: the location-based ones, the provider's market instruments
	 * (minus its location-based minus market-based total) and GreenLedger's (its
	 * location-based minus market-based figure).
	 */
	static List<Cause> marketBased(@Nullable ProviderFigures reported, @Nullable LedgerFigures estimate,
			List<Cause> location) {
		List<Cause> causes = new ArrayList<>(location);
		if (reported != null && reported.totalLocationBased() != null && reported.totalMarketBased() != null) {
			double instruments = kg(reported.totalLocationBased()) - kg(reported.totalMarketBased());
			if (instruments != 0) {
				causes.add(new Cause("PROVIDER_MARKET_INSTRUMENTS", -instruments,
						"The provider's location-based minus market-based figure ("
								+ byScope(reported.scope2LocationBased(), reported.scope2MarketBased(), "Scope 2")
								+ byScope(reported.scope3LocationBased(), reported.scope3MarketBased(), "; Scope 3")
								+ "): renewable energy and other instruments the provider buys, which GreenLedger's"
								+ " market-based figure sees only where the organisation records them"));
			}
		}
		if (estimate != null && estimate.totalLocationBased() != estimate.totalMarketBased()) {
			causes.add(new Cause("GREENLEDGER_MARKET_INSTRUMENTS",
					estimate.totalLocationBased() - estimate.totalMarketBased(),
					"GreenLedger's location-based minus market-based figure: the organisation's recorded"
							+ " instruments and supplier factors, else residual-mix factors, in place of grid"
							+ " averages"));
		}
		return causes;
	}

	private static String byScope(@Nullable BigDecimal location, @Nullable BigDecimal market, String scope) {
		if (location == null || market == null) {
			return scope.startsWith(";") ? "" : scope + " not given on both bases";
		}
		return scope + " " + String.format(Locale.ROOT, "%.6f", location.subtract(market).doubleValue()) + " kg";
	}

	/** Causes of several periods, added up by name (first explanation kept). */
	static List<Cause> summed(List<Cause> causes) {
		Map<String, Cause> sums = new LinkedHashMap<>();
		for (Cause cause : causes) {
			sums.merge(cause.cause(), cause,
					(left, right) -> new Cause(left.cause(), left.kgCo2e() + right.kgCo2e(), left.explanation()));
		}
		return List.copyOf(sums.values());
	}

	private static double kg(@Nullable BigDecimal value) {
		return (value != null) ? value.doubleValue() : 0;
	}

}
