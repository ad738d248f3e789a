package org.greenledger.ingestion;

import java.io.IOException;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.core.table.RowErrors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stages an upload's rows while its file arrives, instead of after it was stored: the
 * request thread stores the file as always and hands every byte on to a job thread
 * ({@link StreamedUpload}), which runs the billing pipeline on it in the job's
 * transaction. The job is recorded (and claimed by this node, with its lease) only once
 * the file is completely stored, so that a job always has its whole file: another node
 * that takes it over redoes it from the store. Until then nothing of the staging is
 * visible, and an upload cut off, refused or found to be a duplicate rolls all of it
 * back. One upload at a time, and only while the node works on no job; billing exports as
 * text (plain or gzip), not Parquet; anything else, and a staging that stops early, falls
 * back to reading the stored file.
 */
@Component
class StreamedUploads {

	private static final Logger log = LoggerFactory.getLogger(StreamedUploads.class);

	/**
	 * How many bytes of an upload may wait for its staging: beyond, the upload waits.
	 */
	static final long PIPE_BYTES = 1 << 20;

	private final JobFiles files;

	private final Pipelines pipelines;

	private final JobStore jobs;

	private final JobLeases leases;

	private final IngestionWorker worker;

	private final TransactionTemplate transaction;

	private final Semaphore staging = new Semaphore(1);

	private volatile @Nullable Thread current;

	StreamedUploads(JobFiles files, Pipelines pipelines, JobStore jobs, JobLeases leases, IngestionWorker worker,
			PlatformTransactionManager transactions) {
		this.files = files;
		this.pipelines = pipelines;
		this.jobs = jobs;
		this.leases = leases;
		this.worker = worker;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Starts staging an upload whose file begins now, when this node is free to.
	 * @param declaredBytes the request's declared length (for the job's progress), or -1
	 * @return null when the file is stored first and read afterwards
	 */
	@Nullable StreamedUpload start(String fileName, UploadOptions options, String user, long declaredBytes) {
		if (!this.leases.idle() || !this.staging.tryAcquire()) {
			return null;
		}
		Job provisional = new Job(UUID.randomUUID(), fileName, "", Math.max(0, declaredBytes), options.orgUnit(),
				options.format(), options.overlap(), user, IngestionJobs.reading(options), options.keep());
		StreamedUpload upload = new StreamedUpload(provisional, options, new UploadPipe(PIPE_BYTES));
		this.leases.receiving(true);
		try {
			this.current = Thread.ofPlatform().name("ingestion-streamed").daemon().start(() -> {
				try {
					stage(upload);
				}
				finally {
					this.current = null;
					this.leases.receiving(false);
					this.staging.release();
				}
			});
		}
		catch (RuntimeException | Error ex) {
			this.leases.receiving(false);
			this.staging.release();
			throw ex;
		}
		return upload;
	}

	/** Whether no upload is staged now (for tests). */
	boolean idle() {
		return this.staging.availablePermits() > 0;
	}

	/**
	 * Records the stored file's job as QUEUED and claims it for this node in one
	 * transaction (no other node sees it QUEUED), with the staging's id.
	 */
	Job record(StreamedUpload upload, StoredFiles.Stored stored, UploadOptions options, @Nullable String reading) {
		UUID id = upload.id();
		Job provisional = upload.provisional();
		try {
			Job claimed = this.transaction.execute(status -> {
				this.jobs.queue(id, provisional.fileName(), stored, options, provisional.createdBy(), reading);
				return this.leases.claim(id)
					.orElseThrow(() -> new IllegalStateException("Job " + id + " could not be claimed"));
			});
			if (claimed == null) {
				throw new IllegalStateException("Job " + id + " could not be recorded");
			}
			return claimed;
		}
		catch (RuntimeException ex) {
			this.leases.release(id);
			throw ex;
		}
	}

	/**
	 * Hands the claimed job to its staging, or, when the staging stopped early, runs it
	 * from the stored file on the worker.
	 */
	void handOver(StreamedUpload upload, Job claimed) {
		if (!upload.handOver(claimed)) {
			log.info("Job {} ({}) reads its file from the file store", claimed.id(), claimed.fileName());
			this.worker.runClaimed(claimed);
		}
	}

	private void stage(StreamedUpload upload) {
		boolean ends = true;
		try (RowErrors errors = new RowErrors()) {
			try {
				this.transaction.executeWithoutResult(status -> {
					Outcome outcome = run(upload, errors);
					UUID id = upload.id();
					this.leases.whileHeld(id, () -> this.jobs.complete(id, outcome, errors));
				});
			}
			catch (RuntimeException ex) {
				if (upload.giveUp()) {
					log.info("Upload {} ({}) not staged while it arrived: {}", upload.id(),
							upload.provisional().fileName(), ex.getMessage());
				}
				else if (ex instanceof NotStaged) {
					// found out only at the end of a small file: the worker reads it from
					// the store, and ends the job
					ends = false;
					log.info("Job {} ({}) reads its file from the file store", upload.id(),
							upload.provisional().fileName());
					this.worker.runClaimed(upload.claimed());
				}
				else {
					this.worker.ended(upload.claimed(), ex, errors);
				}
			}
		}
		catch (JobTransitionRefusedException ex) {
			log.warn("Ingestion job {} ({}) was not ended by this run: {}", upload.id(),
					upload.provisional().fileName(), ex.getMessage());
		}
		finally {
			if (ends && upload.handedOver()) {
				this.leases.release(upload.id());
			}
		}
	}

	/**
	 * Runs the billing pipeline on the arriving file; its end is read once the job was
	 * handed over.
	 */
	private Outcome run(StreamedUpload upload, RowErrors errors) {
		Job job = upload.provisional();
		try (JobFile file = this.files.arriving(job, upload.input(), content -> {
			throw new NotStaged("Parquet is read from the stored file");
		}, errors)) {
			Pipeline pipeline = this.pipelines.detect(file);
			if (!this.pipelines.streams(pipeline, file)) {
				throw new NotStaged("not a billing export as text");
			}
			Outcome outcome = pipeline.run(file);
			if (!upload.handedOver()) {
				throw new IllegalStateException("the pipeline ended before the end of the upload");
			}
			return outcome;
		}
		catch (IOException ex) {
			throw IngestionWorker.unreadable(job, ex);
		}
		catch (SQLException ex) {
			throw IngestionWorker.unwritable(ex);
		}
	}

	/** A file that its job reads from the store, not while it arrives. */
	private static final class NotStaged extends IllegalStateException {

		NotStaged(String reason) {
			super(reason);
		}

	}

	@jakarta.annotation.PreDestroy
	void stop() {
		Thread thread = this.current;
		if (thread != null) {
			thread.interrupt();
		}
	}

}
