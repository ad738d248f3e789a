package org.greenledger.reduction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One version of a reduction target: a cut of {@code reductionPercent} of the base year's
 * emissions (in the scopes and on the basis given) by the target year.
 *
 * @param id the target (the same for every version)
 * @param version 1 for the first, then one more for each change
 * @param baseYearKgCo2e the base year's emissions as recorded for this version
 * @param baseYearSource {@code LEDGER} (the ledger's figure when the version was saved)
 * or {@code GIVEN}
 * @param orgUnit the org unit whose figures count, or null for the whole organisation
 */
public record Target(UUID id, int version, String name, List<TargetScope> scopes, Basis basis, boolean includeEmbodied,
		int baseYear, double baseYearKgCo2e, String baseYearSource, int targetYear, double reductionPercent,
		@Nullable String orgUnit, Instant createdAt, String createdBy) {

	public Target {
		scopes = List.copyOf(scopes);
	}

	/** The emissions the target allows in its target year. */
	public double targetYearKgCo2e() {
		return this.baseYearKgCo2e * (1 - this.reductionPercent / 100);
	}

	/**
	 * The linear path from the base year's emissions to the target year's: the allowed
	 * emissions of a year between them.
	 */
	public double pathKgCo2e(int year) {
		double share = (double) (year - this.baseYear) / (this.targetYear - this.baseYear);
		return this.baseYearKgCo2e - share * (this.baseYearKgCo2e - targetYearKgCo2e());
	}

}
