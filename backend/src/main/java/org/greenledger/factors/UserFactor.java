package org.greenledger.factors;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.factors.FactorKind;

/**
 * A factor value from an organisation's factor set.
 *
 * @param kind what it is
 * @param scope where it applies
 * @param value the value in the kind's unit
 * @param validFrom first day, or open
 * @param validTo last day, or open
 * @param source where the value comes from (meter readings, supplier disclosure,
 * contract)
 * @param notes remarks
 * @param setName the factor set
 * @param version the set's version the value belongs to
 * @param recordedAt when that version was recorded; among equally specific values the
 * latest recorded wins
 */
public record UserFactor(FactorKind kind, FactorScope scope, double value, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo, String source, @Nullable String notes, String setName, int version,
		Instant recordedAt) {

	boolean covers(LocalDate date) {
		return (this.validFrom == null || !date.isBefore(this.validFrom))
				&& (this.validTo == null || !date.isAfter(this.validTo));
	}

	String validity() {
		if (this.validFrom == null && this.validTo == null) {
			return "open";
		}
		return ((this.validFrom != null) ? this.validFrom.toString() : "") + ".."
				+ ((this.validTo != null) ? this.validTo.toString() : "");
	}

}
