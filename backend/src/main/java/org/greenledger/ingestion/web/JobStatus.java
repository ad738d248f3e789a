package org.greenledger.ingestion.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.IngestionJob;

/**
 * What the Data sources page's script shows of a job while it runs.
 *
 * @param id the job
 * @param status QUEUED, RUNNING, COMPLETED, FAILED or REJECTED
 * @param percent share of the file read, 0..100
 * @param running whether the job is still QUEUED or RUNNING
 * @param rowsRead data rows read so far
 * @param rowsAccepted rows that became usage lines
 * @param rowsCostOnly rows that became cost-only lines
 * @param rowsRejected rows rejected with errors
 * @param message what stopped a failed or rejected job, or what a duplicate is
 * @param duplicateOf the job that ingested the same content before
 */
record JobStatus(UUID id, String status, int percent, boolean running, long rowsRead, long rowsAccepted,
		long rowsCostOnly, long rowsRejected, @Nullable String message, @Nullable UUID duplicateOf) {

	static JobStatus of(IngestionJob job) {
		boolean running = "QUEUED".equals(job.status()) || "RUNNING".equals(job.status());
		int percent = running ? (int) Math.floor(job.progress() * 100) : 100;
		return new JobStatus(job.id(), job.status(), percent, running, job.rowsRead(), job.rowsAccepted(),
				job.rowsCostOnly(), job.rowsRejected(), job.message(), job.duplicateOf());
	}

}
