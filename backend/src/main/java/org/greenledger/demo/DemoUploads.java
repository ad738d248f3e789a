package org.greenledger.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.greenledger.ingestion.IngestionJob;
import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.ingestion.UploadOptions;
import org.greenledger.ledger.Overlap;

import org.springframework.stereotype.Component;

/**
 * Sends the demo's files through the normal upload path (file store, job queue, the
 * pipeline that recognises each format) and waits for their jobs, as a user's uploads
 * would be processed.
 */
@Component
class DemoUploads {

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final IngestionJobs jobs;

	private final DemoStore store;

	DemoUploads(IngestionJobs jobs, DemoStore store) {
		this.jobs = jobs;
		this.store = store;
	}

	/** Uploads the file and records its job as the demo's; the job runs meanwhile. */
	IngestionJob submit(DemoFile file, String user) {
		IngestionJob job;
		try {
			job = this.jobs.submit(new ByteArrayInputStream(file.content()), file.name(),
					UploadOptions.of(null, null, Overlap.REPLACE), user);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store " + file.name() + ": " + ex.getMessage(), ex);
		}
		if (job.duplicateOf() != null) {
			throw new IllegalStateException(file.name() + " is in the installation already (job " + job.duplicateOf()
					+ ") outside the demo; remove that upload first.");
		}
		this.store.hold(new DemoHolding(DemoHolding.Kind.JOB, job.id().toString(), file.name()));
		return job;
	}

	/** Waits until the job has finished; refuses a job that did not complete. */
	IngestionJob await(IngestionJob submitted) {
		IngestionJob job = submitted;
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!finished(job)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(job.fileName() + " was not processed within " + TIMEOUT.toMinutes()
						+ " minutes (job " + job.id() + " is " + job.status() + ").");
			}
			sleep();
			job = this.jobs.find(job.id()).orElseThrow();
		}
		if (!"COMPLETED".equals(job.status())) {
			throw new IllegalStateException(job.fileName() + " ended " + job.status() + ": " + job.message());
		}
		return job;
	}

	private static boolean finished(IngestionJob job) {
		return switch (job.status()) {
			case "COMPLETED", "REJECTED", "FAILED" -> true;
			default -> false;
		};
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("The demo load was interrupted.", ex);
		}
	}

}
