package org.greenledger.reduction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An adopted opportunity (an action in ESRS E1-3 terms) with the figures recorded when it
 * was adopted.
 *
 * @param opportunity the opportunity as it was found (saving, range, assumptions,
 * evidence)
 * @param baselineFrom first day of the period it was found in
 * @param baselineTo last day of that period
 * @param baselineKgCo2e the subject's emissions over that period, as the ledger held them
 * when it was adopted
 * @param adoptedOn the first day the change is in effect
 */
public record Adoption(UUID id, Opportunity opportunity, @Nullable String orgUnit, LocalDate baselineFrom,
		LocalDate baselineTo, double baselineKgCo2e, LocalDate adoptedOn, String note, Instant createdAt,
		String createdBy) {

	/** Days of the baseline period. */
	public long baselineDays() {
		return this.baselineTo.toEpochDay() - this.baselineFrom.toEpochDay() + 1;
	}

	/** The expected saving per day: the opportunity's saving over its period's days. */
	public double expectedKgCo2ePerDay() {
		return this.opportunity.savingKgCo2e() / baselineDays();
	}

	/**
	 * The saving realized over a period after adoption.
	 *
	 * @param from first day counted (on or after {@code adoptedOn})
	 * @param to last day counted
	 * @param days days counted ({@code to - from + 1})
	 * @param baselineKgCo2e the baseline's emissions per day times the days
	 * @param actualKgCo2e the subject's emissions over the days, as the ledger holds them
	 * now
	 * @param realizedKgCo2e baseline less actual
	 * @param expectedKgCo2e the opportunity's saving per day times the days
	 */
	public record Realized(LocalDate from, LocalDate to, long days, double baselineKgCo2e, double actualKgCo2e,
			double realizedKgCo2e, double expectedKgCo2e) {
	}

}
