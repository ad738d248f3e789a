package org.greenledger.periods;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One version of a reporting period.
 *
 * @param restates the approved version this one restates, if any
 * @param reason why it was restated
 * @param supersededBy the restatement that replaced this approved version, if any
 * @param netRevenue the net revenue of the period entered by an officer, if any (locked
 * with the version once it is approved)
 */
public record ReportingPeriod(UUID id, String name, LocalDate start, LocalDate end, int version, PeriodStatus status,
		@Nullable UUID restates, @Nullable String reason, @Nullable UUID supersededBy, Instant createdAt,
		String createdBy, @Nullable Instant approvedAt, @Nullable String approvedBy, @Nullable NetRevenue netRevenue) {

	/** Whether this version locks its dates: approved and not restated. */
	public boolean locked() {
		return this.status == PeriodStatus.APPROVED && this.supersededBy == null;
	}

	public boolean covers(LocalDate from, LocalDate to) {
		return !from.isAfter(this.end) && !to.isBefore(this.start);
	}

}
