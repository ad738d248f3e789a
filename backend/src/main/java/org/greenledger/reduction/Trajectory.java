package org.greenledger.reduction;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A target's path from its base year to its target year beside the ledger's figures.
 *
 * @param target the target's latest version
 * @param ledgerBaseYearKgCo2e the ledger's figure for the base year today (null when the
 * ledger holds none)
 * @param baseYearRecalculated whether the base year's figure was taken from the ledger
 * and the ledger's figure has changed since (restated periods, replaced uploads, new
 * factors): the path still starts from the recorded figure until a new version adopts the
 * new one
 * @param years one entry per year from the base year to the target year
 */
public record Trajectory(Target target, @Nullable Double ledgerBaseYearKgCo2e, boolean baseYearRecalculated,
		List<Year> years) {

	public Trajectory {
		years = List.copyOf(years);
	}

	/**
	 * One year of the path.
	 *
	 * @param targetKgCo2e the emissions the linear path allows
	 * @param actualKgCo2e the ledger's figure (null when it holds none for the year)
	 * @param actualByScope the actual figure per scope the target covers
	 * @param onTrack whether the actual figure is at or below the path (null without one)
	 */
	public record Year(int year, double targetKgCo2e, @Nullable Double actualKgCo2e,
			java.util.Map<String, Double> actualByScope, @Nullable Boolean onTrack) {

	}

}
