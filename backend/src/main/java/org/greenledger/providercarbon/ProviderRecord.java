package org.greenledger.providercarbon;

import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row (record) of a provider's carbon file, in GreenLedger's terms.
 *
 * @param row the 1-based row or record number in the file (lineage)
 * @param provider the provider
 * @param billingAccount the payer, billing account or enrollment, if the file names it
 * @param account the usage account, project or subscription (null: none, as Google's rows
 * without a project)
 * @param service the provider's service code or name, if given
 * @param region the provider's region code or location name, if given
 * @param month the usage month
 * @param modelVersion the provider's carbon model version, if given
 * @param marketGiven whether the row gives a market-based figure (Google's market-based
 * field is empty before 2023)
 * @param figures the row's figures
 */
public record ProviderRecord(long row, Provider provider, @Nullable String billingAccount, @Nullable String account,
		@Nullable String service, @Nullable String region, YearMonth month, @Nullable String modelVersion,
		boolean marketGiven, List<Figure> figures) {

	public ProviderRecord {
		figures = List.copyOf(figures);
	}

}
