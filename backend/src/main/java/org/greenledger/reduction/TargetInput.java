package org.greenledger.reduction;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A target as a caller describes it (every field may be missing; {@link Targets} checks
 * them).
 *
 * @param baseYearKgCo2e optional: the ledger's figure for the base year when missing
 */
public record TargetInput(@Nullable String name, @Nullable List<String> scopes, @Nullable String basis,
		@Nullable Boolean includeEmbodied, @Nullable Integer baseYear, @Nullable Double baseYearKgCo2e,
		@Nullable Integer targetYear, @Nullable Double reductionPercent, @Nullable String orgUnit) {

}
