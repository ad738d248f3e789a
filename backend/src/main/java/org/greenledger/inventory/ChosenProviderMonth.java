package org.greenledger.inventory;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A provider's month whose inventory reports the provider's own figure, with that figure
 * (every account of the provider), in kg CO2e.
 *
 * @param provider the provider's name
 * @param ledgerNames the provider names the ledger's billing lines of this provider carry
 * @param month the month
 * @param imported whether any provider figure of the month is imported
 * @param totalLocationKg the provider's total (Scope 1 + 2 + 3), location-based; null
 * when it gives none
 * @param totalMarketKg the same, market-based
 * @param scope3MarketKg the provider's Scope 3, market-based; null when it gives Scope 3
 * only inside a sum of scopes, or none
 * @param modelVersions the provider's carbon model versions of the month
 */
public record ChosenProviderMonth(String provider, List<String> ledgerNames, YearMonth month, boolean imported,
		@Nullable BigDecimal totalLocationKg, @Nullable BigDecimal totalMarketKg, @Nullable BigDecimal scope3MarketKg,
		List<String> modelVersions) {

	public ChosenProviderMonth {
		ledgerNames = List.copyOf(ledgerNames);
		modelVersions = List.copyOf(modelVersions);
	}

}
