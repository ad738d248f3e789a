package org.greenledger.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.RowError;
import org.greenledger.ledger.Overlap;

/**
 * An ingestion job as its API shows it.
 *
 * @param id the job
 * @param status QUEUED, RUNNING, COMPLETED, FAILED or REJECTED
 * @param format the detected or given format
 * @param fileName the uploaded file's name
 * @param sha256 the content's SHA-256
 * @param bytes the content's size
 * @param progress share of the file read, 0..1
 * @param rowsRead data rows read
 * @param rowsAccepted rows that became usage lines
 * @param rowsCostOnly rows that became cost-only lines
 * @param rowsRejected rows rejected with errors
 * @param errors the first 1000 row errors
 * @param message what stopped the job, for a failed or rejected file
 * @param costs billed cost per provider and currency: file total, and how much is in
 * usage, cost-only and rejected rows
 * @param duplicateOf the job that already ingested the same content
 * @param orgUnit the organisation unit the file belongs to
 * @param createdBy who uploaded it
 * @param createdAt when
 * @param finishedAt when processing ended
 * @param overlap how rows of earlier uploads for the same provider, account and month are
 * treated
 * @param replaced the earlier rows this job replaced (or, when appending, overlapped):
 * job, provider, account, month, rows and billed cost
 * @param replacedBy rows of this job that later uploads replaced: the replacing job,
 * provider, account, month, rows and billed cost
 * @param measured for measured data: what the file held in total (energy kWh, water and
 * fuel litres, GreenLedger's CO2e and water, and for CodeCarbon the tool's own reported
 * emissions and water beside GreenLedger's recalculation; for grid intensity the zones
 * and hours)
 * @param notes for measured data: what is not an error but worth knowing (counter resets,
 * gaps not integrated, superseded CodeCarbon rows, lines replaced by a later upload)
 * @param reading what the upload said about measured data: site, host, meter role, time
 * zone
 * @param rejectionLimit the limit on rejected rows the file was held to: the kind of data
 * ({@code billing}, {@code meter}, {@code telemetry}, {@code grid}), the largest share of
 * rejected rows that still completes, and the setting that decided it (or
 * {@code default}); null before the file's kind is known
 * @param lifecycle how often the job was started and interrupted, and whether it may run
 * again
 * @param supersededBy the job that loaded the same content again after a later upload had
 * replaced rows of this one; this job then no longer holds the content
 * @param keepJobs the other files of the same delivery (a connector's multi-part export)
 * whose rows this job's replacement left in place
 */
public record IngestionJob(UUID id, String status, @Nullable String format, String fileName, String sha256, long bytes,
		double progress, long rowsRead, long rowsAccepted, long rowsCostOnly, long rowsRejected, List<RowError> errors,
		@Nullable String message, List<Map<String, Object>> costs, @Nullable UUID duplicateOf, @Nullable String orgUnit,
		String createdBy, Instant createdAt, @Nullable Instant finishedAt, Overlap overlap,
		List<Map<String, Object>> replaced, List<Map<String, Object>> replacedBy,
		@Nullable Map<String, Object> measured, List<Map<String, Object>> notes, @Nullable Map<String, Object> reading,
		@Nullable Map<String, Object> rejectionLimit, Lifecycle lifecycle, @Nullable UUID supersededBy,
		List<UUID> keepJobs) {

	public IngestionJob {
		keepJobs = List.copyOf(keepJobs);
	}

	/** This job with the replacements of its rows by later uploads. */
	public IngestionJob withReplacedBy(List<Map<String, Object>> replacedBy) {
		return new IngestionJob(this.id, this.status, this.format, this.fileName, this.sha256, this.bytes,
				this.progress, this.rowsRead, this.rowsAccepted, this.rowsCostOnly, this.rowsRejected, this.errors,
				this.message, this.costs, this.duplicateOf, this.orgUnit, this.createdBy, this.createdAt,
				this.finishedAt, this.overlap, this.replaced, replacedBy, this.measured, this.notes, this.reading,
				this.rejectionLimit, this.lifecycle, this.supersededBy, this.keepJobs);
	}

	/**
	 * A job's runs.
	 *
	 * @param attempts how often the worker started it
	 * @param interruptions how often a crash (the server stopped while it ran)
	 * interrupted it; the second ends it FAILED for good
	 * @param interruptedAt when it was last seen running before the latest interruption
	 * (its last progress report, or its start)
	 * @param resumedAt when it started again after the latest interruption
	 * @param retryable false once it failed twice the same way (or was interrupted
	 * twice): FAILED for good, never run again
	 * @param node the node of the cluster that worked on it last
	 * ({@code greenledger.node-id})
	 */
	public record Lifecycle(int attempts, int interruptions, @Nullable Instant interruptedAt,
			@Nullable Instant resumedAt, boolean retryable, @Nullable String node) {

		public boolean interrupted() {
			return this.interruptedAt != null;
		}

	}

}
