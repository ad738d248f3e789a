package org.greenledger.providercarbon;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One group of a reconciliation: both sides' figures, the difference (provider minus
 * GreenLedger, kg CO2e) and its named causes.
 *
 * @param key the group, in the provider's terms (month, account, service code, region)
 * @param provider the provider
 * @param providerReported the provider's figures, or null when it reports nothing here
 * @param greenledger GreenLedger's estimate, or null when the ledger has nothing here
 * @param differenceLocationBased provider total location-based minus GreenLedger's
 * (operational location-based + embodied); null when the provider gives no such total
 * @param differenceMarketBased the same, market-based
 * @param causes the named, quantified parts of the location-based difference
 * @param unexplained what of the location-based difference no computable cause explains
 * @param causesMarketBased the named, quantified parts of the market-based difference:
 * the location-based causes, and each side's market instruments
 * ({@code PROVIDER_MARKET_INSTRUMENTS}, {@code GREENLEDGER_MARKET_INSTRUMENTS})
 * @param unexplainedMarketBased what of the market-based difference no computable cause
 * explains; null when the provider gives no market-based total
 * @param context figures that bear on the difference without being a part of it (the
 * share of GreenLedger's figure estimated from spend)
 */
public record ReconciledGroup(String key, String provider, @Nullable ProviderFigures providerReported,
		@Nullable LedgerFigures greenledger, @Nullable Double differenceLocationBased,
		@Nullable Double differenceMarketBased, List<Cause> causes, @Nullable Double unexplained,
		List<Cause> causesMarketBased, @Nullable Double unexplainedMarketBased, List<Cause> context) {

	/**
	 * A named, quantified cause.
	 *
	 * @param cause its name, e.g. {@code MONTHS_ONLY_IN_PROVIDER_FIGURES}
	 * @param kgCo2e how much it accounts for (signed like the difference)
	 * @param explanation what it is, in words
	 */
	public record Cause(String cause, double kgCo2e, String explanation) {
	}

}
