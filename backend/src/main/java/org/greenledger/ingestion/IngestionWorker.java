package org.greenledger.ingestion;

import org.greenledger.core.table.RowErrors;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.system.SettingNames;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.periods.PeriodLockedException;
import org.greenledger.periods.PeriodLocks;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes queued jobs one at a time: claims the job, opens its stored file, lets the
 * file's {@link Pipeline} store all of it and completes the job in the same transaction,
 * so that a failure or a killed process leaves nothing of the file behind; otherwise the
 * job is rejected, failed or queued again ({@link JobStore}).
 */
@Component
class IngestionWorker {

	private static final Logger log = LoggerFactory.getLogger(IngestionWorker.class);

	private static final String NOTHING_STORED = " Nothing of the file was stored.";

	private final JobStore jobs;

	private final JobFiles files;

	private final Pipelines pipelines;

	private final PeriodLocks locks;

	private final TransactionTemplate transaction;

	private final JobLeases leases;

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("ingestion").factory());

	IngestionWorker(JobStore jobs, JobFiles files, Pipelines pipelines, PeriodLocks locks,
			PlatformTransactionManager transactions, JobLeases leases) {
		this.leases = leases;
		this.jobs = jobs;
		this.files = files;
		this.pipelines = pipelines;
		this.locks = locks;
		this.transaction = new TransactionTemplate(transactions);
	}

	void dispatch(UUID job) {
		this.executor.execute(() -> process(job));
	}

	/**
	 * Jobs interrupted by a stop or a crash left nothing behind; they are queued again
	 * ({@link JobStore#recover()}: a crash is recorded, the second is final).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void resumeInterrupted() {
		this.leases.recoverAtStart().forEach(this::dispatch);
	}

	void process(UUID id) {
		Optional<Job> claimed = this.leases.claim(id);
		if (claimed.isEmpty()) {
			return;
		}
		try (RowErrors errors = new RowErrors(); JobLeases.Held held = this.leases.held(id)) {
			process(claimed.get(), errors);
		}
		catch (JobTransitionRefusedException ex) {
			// another run took the job over meanwhile (a restart queued it again)
			log.warn("Ingestion job {} ({}) was not ended by this run: {}", id, claimed.get().fileName(),
					ex.getMessage());
		}
	}

	/**
	 * Runs a job this node claimed already (an upload whose staging while it arrived
	 * could not go on): from its stored file, on the worker's thread.
	 */
	void runClaimed(Job job) {
		this.executor.execute(() -> {
			try (RowErrors errors = new RowErrors(); JobLeases.Held held = this.leases.held(job.id())) {
				process(job, errors);
			}
			catch (JobTransitionRefusedException ex) {
				log.warn("Ingestion job {} ({}) was not ended by this run: {}", job.id(), job.fileName(),
						ex.getMessage());
			}
		});
	}

	private void process(Job job, RowErrors errors) {
		UUID id = job.id();
		try {
			this.transaction.executeWithoutResult(
					status -> this.leases.whileHeld(id, () -> this.jobs.complete(id, run(job, errors), errors)));
		}
		catch (RuntimeException ex) {
			ended(job, ex, errors);
		}
	}

	/**
	 * Ends a claimed job whose run (its transaction rolled back) threw: rejected, failed,
	 * completed as a duplicate or queued again, with the reason in the user's words.
	 * @throws JobTransitionRefusedException when the job is no longer this run's to end
	 */
	void ended(Job job, RuntimeException failure, RowErrors errors) {
		UUID id = job.id();
		switch (failure) {
			case JobLeases.LeaseLostException ex -> log.warn(ex.getMessage());
			case InvalidFileException ex -> {
				log.info("Ingestion job {} ({}) refused: {}", id, job.fileName(), ex.getMessage());
				this.jobs.reject(id, SettingNames.inUserWords(ex.getMessage()));
			}
			case PeriodLockedException ex -> this.jobs.reject(id, ex.getBody().getDetail() + NOTHING_STORED);
			case RejectedFileException ex -> this.jobs.reject(id, ex, errors);
			case DuplicateKeyException ex -> this.jobs.completeAsDuplicate(id);
			// the application is stopping: nothing was stored; it runs again next start
			case CancellationException ex -> this.jobs.requeue(id);
			// not a failure of the file: the job is no longer this run's to end
			case JobTransitionRefusedException ex -> throw ex;
			default -> {
				Optional<PeriodLockedException> locked = this.locks.refusal(failure, "Uploading " + job.fileName());
				if (locked.isPresent()) {
					// the database refused a write in a locked period no check above
					// foresaw
					log.warn("Ingestion job {} ({}) refused by the database's period lock", id, job.fileName());
					this.jobs.reject(id, locked.get().getBody().getDetail() + NOTHING_STORED);
				}
				else {
					log.error("Ingestion job {} ({}) failed", id, job.fileName(), failure);
					this.jobs.fail(id, "Ingestion failed: " + failure.getMessage()
							+ ". Nothing of the file was stored; the job can be sent again.");
				}
			}
		}
	}

	/** Detects the file's format and runs it through its pipeline. */
	private Outcome run(Job job, RowErrors errors) {
		try (JobFile file = this.files.open(job, errors)) {
			return this.pipelines.detect(file).run(file);
		}
		catch (IOException ex) {
			throw unreadable(job, ex);
		}
		catch (SQLException ex) {
			throw unwritable(ex);
		}
	}

	static InvalidFileException unreadable(Job job, IOException ex) {
		return new InvalidFileException(job.fileName() + ": the file cannot be read: " + ex.getMessage(), ex);
	}

	static IllegalStateException unwritable(SQLException ex) {
		return new IllegalStateException("Could not write the activity lines: " + ex.getMessage(), ex);
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
