package org.greenledger.ingestion;

import org.greenledger.core.table.RowErrors;
import org.greenledger.core.table.IngestionJson;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;

import org.greenledger.ingestion.Job.Status;
import org.greenledger.ledger.Overlap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job aggregate's state changes, and the writer of {@code ingestion_job} (besides the
 * lease columns, which {@link JobLeases} writes, and the answers to content sent again
 * and the take-overs of content, which {@link JobContents} writes): a job is queued,
 * claimed, completed with its account of rows, rejected, failed (for good when it fails
 * twice the same way), queued again after a stop, a crash or a retry. Each transition
 * names the state it starts from ({@link Status#allows}) and is refused
 * ({@link JobTransitionRefusedException}) when the job is not in it, so that a job that
 * another run took over is never ended twice.
 */
@Component
class JobStore {

	/** How many crashes while a job runs end it for good. */
	static final int MAX_INTERRUPTIONS = 2;

	static final String INTERRUPTED_TWICE = "The job was interrupted twice while it ran (the server stopped, for"
			+ " example out of memory, while reading this file), so it is not run again. Nothing of the file was"
			+ " stored. Check the file (its size, columns and rows) and upload a corrected one.";

	static final String FAILED_TWICE = "It failed the same way on the attempt before, so it is not retried again.";

	static final String DUPLICATE = "The same file was ingested by another job meanwhile; nothing changed.";

	/** The counters of a job that runs again from the start. */
	private static final String RESET = """
			progress = 0, rows_read = 0, rows_accepted = 0, rows_cost_only = 0, rows_rejected = 0, errors = '[]',
			costs = '[]', measured = null, notes = '[]', replaced = '[]', rejection_limit = null, message = null,
			started_at = null, finished_at = null, heartbeat_at = null""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final TransactionTemplate separately;

	private final Clock clock;

	private final AuditLog audit;

	private final JobContents contents;

	JobStore(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
			AuditLog audit, JobContents contents) {
		this.audit = audit;
		this.contents = contents;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactions);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Records stored content as a QUEUED job. */
	void queue(UUID id, String fileName, StoredFiles.Stored stored, UploadOptions options, String user,
			@Nullable String reading) {
		this.jdbc.sql("""
				insert into ingestion_job (id, status, format, file_name, sha256, bytes, org_unit, overlap, created_by,
				                           created_at, reading, keep_jobs)
				values (?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::uuid[])""")
			.params(id, options.format(), fileName, stored.sha256(), stored.bytes(), options.orgUnit(),
					options.overlap().name(), user, now(), reading,
					options.keep().stream().map(UUID::toString).toArray(String[]::new))
			.update();
	}

	/**
	 * Takes a QUEUED job for the worker: RUNNING, one attempt more, resumed now when it
	 * was interrupted before.
	 * @return empty when it is not QUEUED (another worker took it, or it ended)
	 */
	Optional<Job> claim(UUID id) {
		Timestamp now = now();
		return this.jdbc.sql("""
				update ingestion_job set status = 'RUNNING', started_at = ?, heartbeat_at = ?, attempts = attempts + 1,
				       resumed_at = case when interrupted_at is not null then ? else resumed_at end
				where id = ? and status = 'QUEUED'
				returning file_name, sha256, bytes, org_unit, format, overlap, created_by, reading::text, keep_jobs""")
			.params(now, now, now, id)
			.query((rs, row) -> new Job(id, rs.getString("file_name"), rs.getString("sha256"), rs.getLong("bytes"),
					rs.getString("org_unit"), rs.getString("format"), Overlap.valueOf(rs.getString("overlap")),
					rs.getString("created_by"), rs.getString("reading"),
					java.util.Arrays.asList((UUID[]) rs.getArray("keep_jobs").getArray())))
			.optional();
	}

	/**
	 * How far a RUNNING job got, in a transaction of its own (visible while the job's
	 * transaction runs); it is the job's heartbeat too.
	 */
	void progress(UUID id, double share, long rowsRead) {
		this.separately.executeWithoutResult(status -> this.jdbc.sql(
				"update ingestion_job set progress = ?, rows_read = ?, heartbeat_at = ? where id = ? and status = 'RUNNING'")
			.params(share, rowsRead, now(), id)
			.update());
	}

	/**
	 * Completes a RUNNING job with what its file came to and stores its row errors, in
	 * the transaction that stored the file's lines.
	 */
	void complete(UUID id, Outcome outcome, RowErrors errors) {
		RowAccount account = outcome.account();
		this.contents.takeOver(id);
		move(id, Status.RUNNING, Status.COMPLETED, "be completed", """
				format = ?, progress = 1, rows_read = ?, rows_accepted = ?, rows_cost_only = ?, rows_rejected = ?,
				errors = ?::jsonb, costs = ?::jsonb, measured = ?::jsonb, notes = ?::jsonb, replaced = ?::jsonb,
				rejection_limit = ?::jsonb, finished_at = ?""", outcome.format(), account.read(), account.accepted(),
				account.costOnly(), account.rejected(), json(account.errors()), json(account.costs()),
				(outcome.measured() != null) ? json(outcome.measured()) : null, json(outcome.notes()),
				json(outcome.replaced()), (outcome.limit() != null) ? json(outcome.limit().describe()) : null, now());
		saveErrors(id, errors);
		finished(id);
	}

	/**
	 * Completes a RUNNING job whose content another job ingested meanwhile (its lines
	 * were rolled back): it names that job and changed nothing.
	 */
	void completeAsDuplicate(UUID id) {
		move(id, Status.RUNNING, Status.COMPLETED, "be completed", """
				progress = 1, finished_at = ?, message = ?,
				duplicate_of = (%s)""".formatted(JobContents.holderOfTheSameContent()), now(), DUPLICATE);
	}

	/** Rejects a RUNNING job's whole file: nothing of it was stored. */
	void reject(UUID id, String message) {
		this.transaction.executeWithoutResult(status -> {
			move(id, Status.RUNNING, Status.REJECTED, "be rejected", "message = ?, finished_at = ?", message, now());
			finished(id);
		});
	}

	/**
	 * Rejects a RUNNING job's whole file for its rejected rows: nothing of it is stored
	 * but the account of its rows, every row error included, and the limit it was held
	 * to.
	 */
	void reject(UUID id, RejectedFileException refusal, RowErrors errors) {
		RowAccount account = refusal.account();
		this.transaction.executeWithoutResult(status -> {
			move(id, Status.RUNNING, Status.REJECTED, "be rejected", """
					message = ?, finished_at = ?, rows_read = ?, rows_accepted = ?, rows_cost_only = ?,
					rows_rejected = ?, errors = ?::jsonb, costs = ?::jsonb, rejection_limit = ?::jsonb,
					format = coalesce(?, format)""", refusal.getMessage(), now(), account.read(), account.accepted(),
					account.costOnly(), account.rejected(), json(account.errors()), json(account.costs()),
					json(refusal.limit().describe()), refusal.format());
			saveErrors(id, errors);
			finished(id);
		});
	}

	/**
	 * Fails a RUNNING job with {@code reason}: when its attempt before failed with the
	 * same reason it is FAILED for good (not retryable).
	 */
	void fail(UUID id, String reason) {
		this.transaction.executeWithoutResult(status -> {
			boolean again = Boolean.TRUE
				.equals(this.jdbc.sql("select last_failure is not distinct from ? from ingestion_job where id = ?")
					.params(reason, id)
					.query(Boolean.class)
					.single());
			move(id, Status.RUNNING, Status.FAILED, "fail",
					"message = ?, finished_at = ?, retryable = ?, last_failure = ?",
					again ? reason + " " + FAILED_TWICE : reason, now(), !again, reason);
			finished(id);
		});
	}

	/**
	 * Records a job's result in the audit log, in the transaction that ended it: the
	 * file, the status, the row counts and the message, so that the trail shows what
	 * became of a submitted file and is found by the file's name.
	 */
	private void finished(UUID id) {
		this.jdbc.sql("""
				select file_name, sha256, status, format, rows_read, rows_accepted, rows_cost_only, rows_rejected,
				       message, duplicate_of from ingestion_job where id = ?""").param(id).query(rs -> {
			Map<String, Object> details = new java.util.LinkedHashMap<>();
			details.put("fileName", rs.getString("file_name"));
			details.put("sha256", rs.getString("sha256"));
			details.put("result", rs.getString("status"));
			details.put("format", (rs.getString("format") != null) ? rs.getString("format") : "");
			details.put("rowsRead", rs.getLong("rows_read"));
			details.put("rowsAccepted", rs.getLong("rows_accepted"));
			details.put("rowsCostOnly", rs.getLong("rows_cost_only"));
			details.put("rowsRejected", rs.getLong("rows_rejected"));
			if (rs.getString("message") != null) {
				details.put("message", rs.getString("message"));
			}
			if (rs.getString("duplicate_of") != null) {
				details.put("duplicateOf", rs.getString("duplicate_of"));
			}
			this.audit.record("system", "INGESTION_" + rs.getString("status"), "ingestion job " + id, details);
		});
	}

	/**
	 * The application stops while the job runs: nothing was stored, and it runs again,
	 * from the start, next time.
	 */
	void requeue(UUID id) {
		move(id, Status.RUNNING, Status.QUEUED, "be queued again", "interrupted_at = ?, " + RESET, now());
	}

	/**
	 * Queues a FAILED job again, in the caller's transaction, unless it failed for good.
	 * @return false when it is not FAILED, or not retryable (someone retried it
	 * meanwhile)
	 */
	boolean retry(UUID id) {
		return this.jdbc
			.sql("update ingestion_job set status = 'QUEUED', " + RESET
					+ " where id = ? and status = 'FAILED' and retryable")
			.param(id)
			.update() > 0;
	}

	/**
	 * RUNNING jobs whose run was interrupted by a crash (their node stopped renewing its
	 * lease, {@link JobLeases#recover()}). The interruption is recorded (when it was last
	 * seen running, how often); a job interrupted a second time is FAILED for good, the
	 * others are queued again with their counters at zero.
	 * @param interrupted the jobs, locked by the caller's transaction
	 * @return the jobs to run, oldest first
	 */
	List<UUID> recover(UUID[] interrupted) {
		this.transaction.executeWithoutResult(status -> {
			Timestamp now = now();
			this.jdbc.sql("""
					update ingestion_job set interruptions = interruptions + 1,
					       interrupted_at = coalesce(heartbeat_at, started_at, ?)
					where status = 'RUNNING' and id = any(?)""").params(now, interrupted).update();
			this.jdbc.sql("""
					update ingestion_job set status = 'FAILED', retryable = false, finished_at = ?,
					       message = ?, last_failure = ?
					where status = 'RUNNING' and id = any(?) and interruptions >= ?""")
				.params(now, INTERRUPTED_TWICE, INTERRUPTED_TWICE, interrupted, MAX_INTERRUPTIONS)
				.update();
			this.jdbc
				.sql("update ingestion_job set status = 'QUEUED', " + RESET
						+ " where status = 'RUNNING' and id = any(?)")
				.param(interrupted)
				.update();
		});
		return this.jdbc.sql("select id from ingestion_job where status = 'QUEUED' order by created_at")
			.query(UUID.class)
			.list();
	}

	/**
	 * Adds a note to an ended job (a later upload replaced its lines), in the caller's
	 * transaction.
	 */
	void note(UUID id, Object note) {
		this.jdbc.sql("update ingestion_job set notes = notes || ?::jsonb where id = ?")
			.params(json(List.of(note)), id)
			.update();
	}

	/**
	 * Moves a job from one state to another, setting the given columns.
	 * @throws JobTransitionRefusedException when the job is not in state {@code from}
	 */
	private void move(UUID id, Status from, Status to, String verb, String set, @Nullable Object... values) {
		if (!from.allows(to)) {
			throw new IllegalArgumentException("A " + from + " job never becomes " + to);
		}
		List<@Nullable Object> params = new ArrayList<>(Arrays.asList(values));
		params.add(id);
		int updated = this.jdbc
			.sql("update ingestion_job set status = '" + to + "', " + set + " where id = ? and status = '" + from + "'")
			.params(params)
			.update();
		if (updated == 0) {
			String now = this.jdbc.sql("select status from ingestion_job where id = ?")
				.param(id)
				.query(String.class)
				.optional()
				.orElse(null);
			throw new JobTransitionRefusedException(id, verb, from, now);
		}
	}

	private void saveErrors(UUID id, RowErrors errors) {
		try {
			RowErrorCopy.save(DataSourceUtils.getConnection(this.dataSource), id, errors);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the row errors: " + ex.getMessage(), ex);
		}
	}

	private static String json(Object value) {
		return IngestionJson.MAPPER.writeValueAsString(value);
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

}
