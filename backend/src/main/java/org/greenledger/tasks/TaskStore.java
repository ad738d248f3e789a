package org.greenledger.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The long tasks' rows ({@code long_task}). Leases are in the database's time, so the
 * nodes' clocks need not agree.
 */
@Component
class TaskStore {

	static final String STALE = "The server that ran this work (node %s) stopped before it finished, so nothing of"
			+ " it was stored. Start it again.";

	private final JdbcClient jdbc;

	TaskStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String kind, String user, @Nullable String orgUnit, String node, String step,
			long leaseMillis) {
		this.jdbc.sql("""
				insert into long_task (id, kind, status, step, started_by, org_unit, node_id, lease_until, steps)
				values (?, ?, 'RUNNING', ?, ?, ?, ?, now() + ?::interval, array[?])""")
			.params(id, kind, step, user, orgUnit, node, leaseMillis + " milliseconds", step)
			.update();
	}

	Optional<LongTask> find(UUID id) {
		return this.jdbc.sql("select * from long_task where id = ?").param(id).query(TaskStore::row).optional();
	}

	/**
	 * Records the progress; a new step is added to the steps gone through. The share
	 * never goes back.
	 */
	void progress(UUID id, String step, String detail, int percent) {
		this.jdbc.sql("""
				update long_task set step = ?, detail = ?, percent = greatest(percent, ?), updated_at = now(),
				       steps = case when steps[cardinality(steps)] is distinct from ? then array_append(steps, ?)
				                    else steps end
				where id = ? and status = 'RUNNING'""").params(step, detail, percent, step, step, id).update();
	}

	void complete(UUID id, String result) {
		this.jdbc.sql("""
				update long_task set status = 'COMPLETED', percent = 100, result = ?, detail = '', updated_at = now(),
				       finished_at = now(), lease_until = null
				where id = ? and status = 'RUNNING'""").params(result, id).update();
	}

	void fail(UUID id, String message) {
		this.jdbc.sql("""
				update long_task set status = 'FAILED', message = ?, updated_at = now(), finished_at = now(),
				       lease_until = null
				where id = ? and status = 'RUNNING'""").params(message, id).update();
	}

	int renew(UUID[] ids, String node, long leaseMillis) {
		return this.jdbc.sql("""
				update long_task set lease_until = now() + ?::interval
				where id = any(?) and node_id = ? and status = 'RUNNING'""")
			.params(leaseMillis + " milliseconds", ids, node)
			.update();
	}

	/**
	 * Ends FAILED the running tasks whose lease has passed, and those of {@code node}
	 * whatever their lease (it started again, so they are not running), or, with
	 * {@code everyRunning}, every running task.
	 * @return how many
	 */
	int failStale(@Nullable String node, boolean everyRunning) {
		return this.jdbc.sql("""
				update long_task set status = 'FAILED', message = format(?, node_id), updated_at = now(),
				       finished_at = now(), lease_until = null
				where status = 'RUNNING' and (? or lease_until < now() or node_id = ?)""")
			.params(STALE, everyRunning, (node != null) ? node : "")
			.update();
	}

	/** Forgets tasks that ended more than 30 days ago. */
	int forgetOld() {
		return this.jdbc.sql("delete from long_task where finished_at < now() - interval '30 days'").update();
	}

	private static LongTask row(ResultSet rs, int rowNumber) throws SQLException {
		return new LongTask(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("status"),
				rs.getString("step"), rs.getString("detail"), rs.getInt("percent"),
				List.copyOf(Arrays.asList((String[]) rs.getArray("steps").getArray())), rs.getString("message"),
				rs.getString("result"), rs.getString("started_by"), rs.getString("org_unit"), rs.getString("node_id"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				instant(rs.getTimestamp("finished_at")));
	}

	private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
