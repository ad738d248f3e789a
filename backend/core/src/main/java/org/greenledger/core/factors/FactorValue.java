package org.greenledger.core.factors;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One factor: a value of a kind about a key, valid in a region and period, from a
 * dataset.
 *
 * @param kind what it is
 * @param key what it is about (zone, country, model, provider)
 * @param region where it applies, or {@code GLOBAL}
 * @param value the value, in the kind's unit
 * @param validFrom first day it applies, or {@code null} for open-ended
 * @param validTo last day it applies, or {@code null} for open-ended
 * @param source precise source of the value
 * @param notes how it was derived, if noteworthy
 * @param dataset the dataset it belongs to
 */
public record FactorValue(FactorKind kind, String key, String region, double value, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo, String source, @Nullable String notes, FactorDataset dataset) {

	public String unit() {
		return this.kind.unit();
	}

	public boolean covers(LocalDate date) {
		return (this.validFrom == null || !date.isBefore(this.validFrom))
				&& (this.validTo == null || !date.isAfter(this.validTo));
	}

	public boolean bounded() {
		return this.validFrom != null || this.validTo != null;
	}

	/** The validity as text, e.g. {@code 2023-01-01..2023-12-31} or {@code open}. */
	public String validity() {
		if (!bounded()) {
			return "open";
		}
		return ((this.validFrom != null) ? this.validFrom.toString() : "") + ".."
				+ ((this.validTo != null) ? this.validTo.toString() : "");
	}

}
