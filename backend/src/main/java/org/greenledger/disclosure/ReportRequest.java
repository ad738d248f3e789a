package org.greenledger.disclosure;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.periods.NetRevenue;

/**
 * What a report is asked for: its type, and a reporting period or dates; optional org
 * unit and, for an AI model card, the workload; for an ESRS document optionally the net
 * revenue of the period (for the GHG intensity; a period's entered value comes first, see
 * {@link RevenueBasis}) and the ESRS version ({@code 2023} for Delegated Regulation (EU)
 * 2023/2772 as first adopted, {@code 2027} for the revised standards; by default the one
 * that applies to the financial year of the first day).
 */
public record ReportRequest(@Nullable String type, @Nullable UUID periodId, @Nullable LocalDate from,
		@Nullable LocalDate to, @Nullable String orgUnit, @Nullable UUID modelId, @Nullable NetRevenue netRevenue,
		@Nullable String esrsVersion) {

	/** A request without net revenue and ESRS version. */
	public ReportRequest(@Nullable String type, @Nullable UUID periodId, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable String orgUnit, @Nullable UUID modelId) {
		this(type, periodId, from, to, orgUnit, modelId, null, null);
	}

	/** The same request for another org unit (the one resolved for the user). */
	public ReportRequest withOrgUnit(@Nullable String unit) {
		return new ReportRequest(this.type, this.periodId, this.from, this.to, unit, this.modelId, this.netRevenue,
				this.esrsVersion);
	}

}
