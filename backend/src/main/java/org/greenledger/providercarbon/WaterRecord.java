package org.greenledger.providercarbon;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * One record of a provider's water allocation, in GreenLedger's terms.
 *
 * @param row the 1-based record number in the file (lineage)
 * @param provider the provider
 * @param account the usage account, if the record names it
 * @param service the provider's service code, if given
 * @param region the provider's region code, if given
 * @param first the first month of the period
 * @param end the month after the period's last
 * @param modelVersion the provider's water model version, if given
 * @param withdrawalLitres water withdrawn, in litres (converted once, exactly)
 */
public record WaterRecord(long row, Provider provider, @Nullable String account, @Nullable String service,
		@Nullable String region, YearMonth first, YearMonth end, @Nullable String modelVersion,
		BigDecimal withdrawalLitres) {

}
