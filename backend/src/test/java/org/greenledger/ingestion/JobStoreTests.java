package org.greenledger.ingestion;

import org.greenledger.core.table.RowErrors;
import org.greenledger.core.table.RowError;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;
import org.greenledger.ingestion.Job.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The job aggregate's transitions against the real table: each moves a job from the one
 * state it names, sets what the job's report shows, and is refused (changing nothing)
 * when the job is in another state.
 */
@IntegrationTest
class JobStoreTests {

	@Autowired
	JobStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private final List<UUID> created = new ArrayList<>();

	@AfterEach
	void removeJobs() {
		this.jdbc.sql("delete from ingestion_row_error where job_id = any(?)")
			.param(this.created.toArray(UUID[]::new))
			.update();
		this.jdbc.sql("delete from ingestion_job where id = any(?)").param(this.created.toArray(UUID[]::new)).update();
	}

	@Test
	void aQueuedJobIsClaimedOnceWithOneAttemptMore() {
		UUID id = job("QUEUED");

		Job claimed = this.store.claim(id).orElseThrow();

		assertThat(claimed.fileName()).isEqualTo("store-test.csv");
		assertThat(claimed.createdBy()).isEqualTo("admin");
		assertThat(status(id)).isEqualTo("RUNNING");
		assertThat(column(id, "attempts", Integer.class)).isEqualTo(1);
		assertThat(this.store.claim(id)).as("a RUNNING job is not claimed again").isEmpty();
		assertThat(column(id, "attempts", Integer.class)).isEqualTo(1);
	}

	@Test
	void aRunningJobCompletesWithItsAccountOfRowsAndItsRowErrors() {
		UUID id = job("RUNNING");
		RowErrors errors = new RowErrors();
		errors.add(new RowError(7, "BilledCost", "not a number"));
		RowAccount account = new RowAccount(10, 8, 1, 1, errors.kept(),
				List.of(Map.of("provider", "AWS", "currency", "USD", "total", 12.5)));
		Outcome outcome = new Outcome("FOCUS 1.0", account, List.of(), null, List.of(),
				new RejectionLimit(RowKind.BILLING, 0.2, "default"));

		inTransaction(() -> this.store.complete(id, outcome, errors));

		Map<String, Object> row = row(id);
		assertThat(row).containsEntry("status", "COMPLETED")
			.containsEntry("format", "FOCUS 1.0")
			.containsEntry("rows_read", 10L)
			.containsEntry("rows_accepted", 8L)
			.containsEntry("rows_cost_only", 1L)
			.containsEntry("rows_rejected", 1L);
		assertThat((Double) row.get("progress")).isCloseTo(1.0, within(1e-9));
		assertThat(row.get("finished_at")).isNotNull();
		assertThat(String.valueOf(row.get("errors"))).contains("BilledCost", "not a number");
		assertThat(String.valueOf(row.get("costs"))).contains("\"total\": 12.5");
		assertThat(String.valueOf(row.get("rejection_limit"))).contains("\"maxRejectedShare\": 0.2");
		assertThat(this.jdbc.sql("select count(*) from ingestion_row_error where job_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void completingAJobThatIsNotRunningIsRefusedAndChangesNothing() {
		UUID queued = job("QUEUED");
		UUID rejected = job("REJECTED");
		Outcome outcome = new Outcome("FOCUS 1.0", new RowAccount(3, 3, 0, 0, List.of(), List.of()), List.of(), null,
				List.of(), null);

		assertThatThrownBy(() -> inTransaction(() -> this.store.complete(queued, outcome, new RowErrors())))
			.isInstanceOf(JobTransitionRefusedException.class)
			.hasMessage("Job " + queued + " cannot be completed: it is QUEUED, not RUNNING.");
		assertThatThrownBy(() -> inTransaction(() -> this.store.complete(rejected, outcome, new RowErrors())))
			.isInstanceOf(JobTransitionRefusedException.class)
			.hasMessageContaining("it is REJECTED, not RUNNING");
		assertThatThrownBy(() -> this.store.complete(UUID.randomUUID(), outcome, new RowErrors()))
			.isInstanceOf(JobTransitionRefusedException.class)
			.hasMessageContaining("it is not recorded");

		assertThat(status(queued)).isEqualTo("QUEUED");
		assertThat(status(rejected)).isEqualTo("REJECTED");
		assertThat(column(queued, "rows_read", Long.class)).isZero();
		assertThat(row(rejected).get("finished_at")).isNull();
	}

	@Test
	void aRejectedFileKeepsItsAccountItsLimitAndTheFormatItWasReadAs() {
		UUID id = job("RUNNING");
		RowErrors errors = new RowErrors();
		errors.add(new RowError(2, "ConsumedQuantity", "negative"));
		errors.add(new RowError(3, "ConsumedQuantity", "negative"));
		RejectedFileException refusal = new RejectedFileException(new RowAccount(4, 2, 0, 2, errors.kept(), List.of()),
				new RejectionLimit(RowKind.BILLING, 0.0, "default"), "AWS CUR 2.0");

		this.store.reject(id, refusal, errors);

		Map<String, Object> row = row(id);
		assertThat(row).containsEntry("status", "REJECTED")
			.containsEntry("format", "AWS CUR 2.0")
			.containsEntry("rows_read", 4L)
			.containsEntry("rows_rejected", 2L)
			.containsEntry("message", refusal.getMessage());
		assertThat(String.valueOf(row.get("rejection_limit"))).contains("\"maxRejectedShare\": 0.0");
		assertThat(this.jdbc.sql("select count(*) from ingestion_row_error where job_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThatThrownBy(() -> this.store.reject(id, "again")).isInstanceOf(JobTransitionRefusedException.class)
			.hasMessageContaining("cannot be rejected: it is REJECTED, not RUNNING");
		assertThat(column(id, "message", String.class)).isEqualTo(refusal.getMessage());
	}

	@Test
	void aJobFailingTheSameWayTwiceIsFailedForGoodAndNotQueuedAgain() {
		UUID id = job("RUNNING");

		this.store.fail(id, "Ingestion failed: the database went away.");
		assertThat(status(id)).isEqualTo("FAILED");
		assertThat(column(id, "retryable", Boolean.class)).isTrue();
		assertThat(column(id, "message", String.class)).isEqualTo("Ingestion failed: the database went away.");
		assertThat(inTransaction(() -> this.store.retry(id))).isTrue();
		assertThat(status(id)).isEqualTo("QUEUED");
		this.store.claim(id).orElseThrow();
		this.store.fail(id, "Ingestion failed: the database went away.");

		assertThat(column(id, "retryable", Boolean.class)).isFalse();
		assertThat(column(id, "message", String.class)).endsWith(JobStore.FAILED_TWICE);
		assertThat(inTransaction(() -> this.store.retry(id))).as("failed for good").isFalse();
		assertThat(status(id)).isEqualTo("FAILED");
		assertThatThrownBy(() -> this.store.fail(id, "again")).isInstanceOf(JobTransitionRefusedException.class);
	}

	@Test
	void aJobStoppedWhileItRunsIsQueuedAgainWithItsCountersAtZero() {
		UUID id = job("RUNNING");
		this.jdbc.sql("update ingestion_job set rows_read = 999, progress = 0.5 where id = ?").param(id).update();

		this.store.requeue(id);

		Map<String, Object> row = row(id);
		assertThat(row).containsEntry("status", "QUEUED").containsEntry("rows_read", 0L);
		assertThat((Double) row.get("progress")).isCloseTo(0.0, within(1e-9));
		assertThat(row.get("interrupted_at")).isNotNull();
		UUID completed = job("COMPLETED");
		assertThatThrownBy(() -> this.store.requeue(completed)).isInstanceOf(JobTransitionRefusedException.class)
			.hasMessageContaining("cannot be queued again: it is COMPLETED, not RUNNING");
		assertThat(status(completed)).isEqualTo("COMPLETED");
	}

	@Test
	void progressIsRecordedForARunningJobOnly() {
		UUID running = job("RUNNING");
		UUID completed = job("COMPLETED");

		this.store.progress(running, 0.25, 50_000);
		this.store.progress(completed, 0.25, 50_000);

		Map<String, Object> row = row(running);
		assertThat((Double) row.get("progress")).isCloseTo(0.25, within(1e-9));
		assertThat(row).containsEntry("rows_read", 50_000L);
		assertThat(row.get("heartbeat_at")).isNotNull();
		assertThat(row(completed)).containsEntry("rows_read", 0L);
		assertThat(row(completed).get("heartbeat_at")).isNull();
	}

	@Test
	void onlyTheTransitionsOfTheLifecycleAreAllowed() {
		assertThat(Status.QUEUED.allows(Status.RUNNING)).isTrue();
		assertThat(Status.QUEUED.allows(Status.COMPLETED)).isFalse();
		assertThat(Status.RUNNING.allows(Status.COMPLETED)).isTrue();
		assertThat(Status.RUNNING.allows(Status.REJECTED)).isTrue();
		assertThat(Status.RUNNING.allows(Status.FAILED)).isTrue();
		assertThat(Status.RUNNING.allows(Status.QUEUED)).isTrue();
		assertThat(Status.FAILED.allows(Status.QUEUED)).isTrue();
		assertThat(Status.FAILED.allows(Status.COMPLETED)).isFalse();
		for (Status next : Status.values()) {
			assertThat(Status.COMPLETED.allows(next)).as("COMPLETED -> " + next).isFalse();
			assertThat(Status.REJECTED.allows(next)).as("REJECTED -> " + next).isFalse();
		}
	}

	private UUID job(String status) {
		UUID id = UUID.randomUUID();
		byte[] hash = new byte[32];
		ThreadLocalRandom.current().nextBytes(hash);
		this.jdbc.sql("""
				insert into ingestion_job (id, status, file_name, sha256, bytes, overlap, created_by, created_at)
				values (?, ?, 'store-test.csv', ?, 100, 'REPLACE', 'admin', now())""")
			.params(id, status, HexFormat.of().formatHex(hash))
			.update();
		this.created.add(id);
		return id;
	}

	private String status(UUID id) {
		return column(id, "status", String.class);
	}

	private <T> T column(UUID id, String column, Class<T> type) {
		return this.jdbc.sql("select " + column + " from ingestion_job where id = ?")
			.param(id)
			.query(type)
			.optional()
			.orElse(null);
	}

	private Map<String, Object> row(UUID id) {
		return this.jdbc.sql("select * from ingestion_job where id = ?").param(id).query().singleRow();
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> work.run());
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(this.transactions).execute(status -> work.get());
	}

}
