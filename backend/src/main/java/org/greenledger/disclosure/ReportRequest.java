package org.greenledger.disclosure;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a report is asked for: its type, and a reporting period or dates; optional org
 * unit and, for an AI model card, the workload.
 */
public record ReportRequest(@Nullable String type, @Nullable UUID periodId, @Nullable LocalDate from,
		@Nullable LocalDate to, @Nullable String orgUnit, @Nullable UUID modelId) {

	/** The same request for another org unit (the one resolved for the user). */
	public ReportRequest withOrgUnit(@Nullable String unit) {
		return new ReportRequest(this.type, this.periodId, this.from, this.to, unit, this.modelId);
	}

}
