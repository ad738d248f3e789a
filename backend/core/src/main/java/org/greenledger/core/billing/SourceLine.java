package org.greenledger.core.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.SourceRow;
import org.greenledger.core.footprint.Usage;

/**
 * What one input row becomes: usage lines (one row of an instance with GPUs gives vCPU,
 * memory and accelerator lines) or a single cost-only line with the reason, with the
 * row's cost kept on its first line so that totals reconcile.
 *
 * @param row source row number
 * @param line line number within the row (0 carries the row's cost)
 * @param usage what was used, or null for a cost-only line
 * @param unit unit of the usage quantity as GreenLedger reports it
 * @param location where, or null for a cost-only line
 * @param costOnlyReason why the row has no usage, or null
 * @param periodStart charge period start
 * @param periodEnd charge period end
 * @param provider normalized provider (aws, gcp, azure) or as exported
 * @param accountId sub-account, project or subscription
 * @param region region as exported
 * @param service service name
 * @param serviceCategory service category
 * @param chargeCategory charge category
 * @param billedCost the row's billed cost on line 0, zero on the others
 * @param effectiveCost the row's effective cost on line 0, zero on the others
 * @param currency billing currency
 * @param tags tags and labels
 * @param usageSource where in the source row the usage was found when no single column
 * states it (for example "instance type c5.2xlarge from ChargeDescription"), kept in the
 * line's lineage; null otherwise
 */
public record SourceLine(long row, int line, @Nullable Usage usage, @Nullable String unit, @Nullable Location location,
		@Nullable String costOnlyReason, Instant periodStart, Instant periodEnd, @Nullable String provider,
		@Nullable String accountId, @Nullable String region, @Nullable String service, @Nullable String serviceCategory,
		String chargeCategory, BigDecimal billedCost, @Nullable BigDecimal effectiveCost, @Nullable String currency,
		Map<String, String> tags, @Nullable String usageSource) {

	/** A line whose usage comes straight from the row's columns. */
	public SourceLine(long row, int line, @Nullable Usage usage, @Nullable String unit, @Nullable Location location,
			@Nullable String costOnlyReason, Instant periodStart, Instant periodEnd, @Nullable String provider,
			@Nullable String accountId, @Nullable String region, @Nullable String service,
			@Nullable String serviceCategory, String chargeCategory, BigDecimal billedCost,
			@Nullable BigDecimal effectiveCost, @Nullable String currency, Map<String, String> tags) {
		this(row, line, usage, unit, location, costOnlyReason, periodStart, periodEnd, provider, accountId, region,
				service, serviceCategory, chargeCategory, billedCost, effectiveCost, currency, tags, null);
	}

	/** This line, saying where its usage was found. */
	public SourceLine withUsageSource(@Nullable String source) {
		return new SourceLine(this.row, this.line, this.usage, this.unit, this.location, this.costOnlyReason,
				this.periodStart, this.periodEnd, this.provider, this.accountId, this.region, this.service,
				this.serviceCategory, this.chargeCategory, this.billedCost, this.effectiveCost, this.currency,
				this.tags, source);
	}

	public boolean costOnly() {
		return this.usage == null;
	}

	/**
	 * The activity this usage line stands for, as the footprint engine takes it: used
	 * from the day its charge period starts to the day it ends (the end instant is
	 * exclusive), as a purchased cloud service (scope 3, category 1), from this line's
	 * row of the file.
	 * @param fileSha256 the file the row is in
	 * @return the activity
	 * @throws IllegalStateException on a cost-only line, which has no usage
	 */
	public ActivityRecord activity(String fileSha256) {
		if (this.usage == null || this.location == null) {
			throw new IllegalStateException("Row " + this.row + " is cost-only: " + this.costOnlyReason);
		}
		LocalDate start = LocalDate.ofInstant(this.periodStart, ZoneOffset.UTC);
		LocalDate end = LocalDate.ofInstant(this.periodEnd.minusNanos(1), ZoneOffset.UTC);
		return new ActivityRecord(this.usage, start, end.isBefore(start) ? start : end, this.location,
				Scope.SCOPE_3_CATEGORY_1, Map.of(), new SourceRow(fileSha256, this.row));
	}

}
