package org.greenledger.providercarbon;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * A month whose inventory reports a provider's own figure, with that figure.
 *
 * @param provider the provider
 * @param month the month
 * @param figures the provider's figures of the month (every account), or null when none
 * are imported
 * @param modelVersions the provider's carbon model versions of those figures
 */
public record ChosenMonth(Provider provider, YearMonth month, @Nullable ProviderFigures figures,
		java.util.List<String> modelVersions) {

}
