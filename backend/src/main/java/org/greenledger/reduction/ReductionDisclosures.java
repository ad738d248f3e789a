package org.greenledger.reduction;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the reduction module discloses for a reporting period (ESRS E1-4 targets and E1-3
 * actions), for the disclosure documents.
 */
public interface ReductionDisclosures {

	/**
	 * The targets of an org unit (null: the organisation's, without an org unit) in their
	 * latest version, with the progress of the year the period ends in.
	 */
	List<TargetProgress> targets(LocalDate from, LocalDate to, @Nullable String orgUnit);

	/**
	 * The adopted opportunities of an org unit (null: the organisation's) adopted on or
	 * before the period's last day, with the saving realized within the period.
	 */
	List<Action> actions(LocalDate from, LocalDate to, @Nullable String orgUnit);

	/**
	 * A target and where the ledger stands against it.
	 *
	 * @param scopes the scopes it covers ({@code SCOPE_1}, ...)
	 * @param basis {@code LOCATION} or {@code MARKET}
	 * @param baseYearRecalculated whether the ledger's base-year figure changed since the
	 * version recorded it
	 * @param year the year progress is given for (the period's last year, within the
	 * target's years)
	 * @param pathKgCo2e the emissions the linear path allows in that year
	 * @param actualKgCo2e the ledger's figure of that year (null when it holds none)
	 * @param reductionAchievedPercent the cut from the base year so far, in per cent of
	 * the base year (null without an actual figure)
	 */
	record TargetProgress(String name, int version, List<String> scopes, String basis, boolean includeEmbodied,
			int baseYear, double baseYearKgCo2e, String baseYearSource, boolean baseYearRecalculated, int targetYear,
			double reductionPercent, double targetYearKgCo2e, int year, double pathKgCo2e,
			@Nullable Double actualKgCo2e, @Nullable Double reductionAchievedPercent, @Nullable Boolean onTrack) {
	}

	/**
	 * An adopted opportunity.
	 *
	 * @param expectedKgCo2e the saving expected over the period's days in effect (the
	 * opportunity's saving per day at adoption)
	 * @param realizedKgCo2e the saving realized over those days (baseline less actual),
	 * null when the change was not yet in effect in the period
	 * @param daysInEffect days of the period on or after adoption
	 */
	record Action(String kind, String subject, LocalDate adoptedOn, String adoptedBy, double expectedKgCo2e,
			@Nullable Double realizedKgCo2e, long daysInEffect, String note) {
	}

}
