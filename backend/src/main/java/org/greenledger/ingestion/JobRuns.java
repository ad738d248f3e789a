package org.greenledger.ingestion;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A job's runs, the transitions around the worker's reading of its file: claimed (one
 * more attempt), queued again after a stop, recovered after a crash (the interruption
 * recorded, the counters reset, FAILED for good the second time), and the failure rule
 * (the same failure twice is final).
 */
@Component
class JobRuns {

	/** How many crashes while a job runs end it for good. */
	static final int MAX_INTERRUPTIONS = 2;

	static final String INTERRUPTED_TWICE = "The job was interrupted twice while it ran (the server stopped, for"
			+ " example out of memory, while reading this file), so it is not run again. Nothing of the file was"
			+ " stored. Check the file (its size, columns and rows) and upload a corrected one.";

	static final String FAILED_TWICE = "It failed the same way on the attempt before, so it is not retried again.";

	/** The counters of a job that runs again from the start. */
	private static final String RESET = """
			progress = 0, rows_read = 0, rows_accepted = 0, rows_cost_only = 0, rows_rejected = 0, errors = '[]',
			costs = '[]', measured = null, notes = '[]', replaced = '[]', rejection_limit = null, message = null,
			started_at = null, finished_at = null, heartbeat_at = null""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	JobRuns(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Takes a QUEUED job for the worker: RUNNING, one attempt more, resumed now when it
	 * was interrupted before.
	 * @return false when it is not QUEUED (another worker took it, or it ended)
	 */
	boolean claim(UUID id) {
		Timestamp now = now();
		return this.jdbc.sql("""
				update ingestion_job set status = 'RUNNING', started_at = ?, heartbeat_at = ?, attempts = attempts + 1,
				       resumed_at = case when interrupted_at is not null then ? else resumed_at end
				where id = ? and status = 'QUEUED'""").params(now, now, now, id).update() > 0;
	}

	/**
	 * The application stops while the job runs: it runs again, from the start, next time.
	 */
	void stopped(UUID id) {
		this.jdbc.sql("update ingestion_job set status = 'QUEUED', interrupted_at = ?, " + RESET + " where id = ?")
			.params(now(), id)
			.update();
	}

	/**
	 * At start-up: a job still RUNNING was interrupted by a crash. The interruption is
	 * recorded (when it was last seen running, how often); a job interrupted a second
	 * time is FAILED for good, the others are queued again with their counters at zero.
	 * @return the jobs to run, oldest first
	 */
	List<UUID> recover() {
		this.transaction.executeWithoutResult(status -> {
			Timestamp now = now();
			this.jdbc.sql("""
					update ingestion_job set interruptions = interruptions + 1,
					       interrupted_at = coalesce(heartbeat_at, started_at, ?)
					where status = 'RUNNING'""").param(now).update();
			this.jdbc.sql("""
					update ingestion_job set status = 'FAILED', retryable = false, finished_at = ?,
					       message = ?, last_failure = ?
					where status = 'RUNNING' and interruptions >= ?""")
				.params(now, INTERRUPTED_TWICE, INTERRUPTED_TWICE, MAX_INTERRUPTIONS)
				.update();
			this.jdbc.sql("update ingestion_job set status = 'QUEUED', " + RESET + " where status = 'RUNNING'")
				.update();
		});
		return this.jdbc.sql("select id from ingestion_job where status = 'QUEUED' order by created_at")
			.query(UUID.class)
			.list();
	}

	/**
	 * The job failed with {@code reason}: when its attempt before failed with the same
	 * reason it is FAILED for good (not retryable).
	 * @return the message to store on the job
	 */
	String failed(UUID id, String reason) {
		boolean again = Boolean.TRUE
			.equals(this.jdbc.sql("select last_failure is not distinct from ? from ingestion_job where id = ?")
				.params(reason, id)
				.query(Boolean.class)
				.single());
		this.jdbc.sql("update ingestion_job set retryable = ?, last_failure = ? where id = ?")
			.params(!again, reason, id)
			.update();
		return again ? reason + " " + FAILED_TWICE : reason;
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

}
