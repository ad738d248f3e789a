package org.greenledger.connectors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Connectors' runs and the objects they handed to ingestion (tables
 * {@code connector_run}, {@code connector_object}). At most one run per connector is
 * queued or running at a time, also across nodes (a unique index).
 */
@Service
public class ConnectorRuns {

	static final String STALE = "The run stopped without finishing (the server stopped, or lost its database"
			+ " connection, while it ran). Nothing of an unfinished file was stored; the next run collects what this"
			+ " one did not.";

	private static final DateTimeFormatter PULL_END = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final JdbcClient jdbc;

	private final Clock clock;

	ConnectorRuns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The connector's runs, newest first. */
	public List<ConnectorRun> runs(UUID connector, int limit) {
		return this.jdbc.sql("select * from connector_run where connector_id = ? order by queued_at desc, id limit ?")
			.params(connector, limit)
			.query(ConnectorRuns::row)
			.list();
	}

	public Optional<ConnectorRun> find(UUID run) {
		return this.jdbc.sql("select * from connector_run where id = ?")
			.param(run)
			.query(ConnectorRuns::row)
			.optional();
	}

	Optional<ConnectorRun> latest(UUID connector) {
		return runs(connector, 1).stream().findFirst();
	}

	/** Queues a run, unless one is queued or running already. */
	Optional<ConnectorRun> queue(UUID connector, String trigger, String user) {
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					insert into connector_run (id, connector_id, status, trigger, requested_by, queued_at)
					values (?, ?, 'QUEUED', ?, ?, ?)""").params(id, connector, trigger, user, now()).update();
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
		return find(id);
	}

	/** Takes the oldest queued run (of any node) and marks it RUNNING. */
	Optional<ConnectorRun> claim() {
		return this.jdbc.sql("""
				update connector_run set status = 'RUNNING', started_at = ?, heartbeat_at = ?
				where id = (select id from connector_run where status = 'QUEUED' order by queued_at
				            for update skip locked limit 1)
				returning *""").params(now(), now()).query(ConnectorRuns::row).optional();
	}

	void heartbeat(UUID run) {
		this.jdbc.sql("update connector_run set heartbeat_at = ? where id = ?").params(now(), run).update();
	}

	void counted(UUID run, int seen, int fresh, int skipped) {
		this.jdbc
			.sql("update connector_run set objects_seen = ?, objects_new = ?, objects_skipped = ?, heartbeat_at = ?"
					+ " where id = ?")
			.params(seen, fresh, skipped, now(), run)
			.update();
	}

	/** What the run is doing now. */
	void step(UUID run, String step) {
		this.jdbc.sql("update connector_run set step = ?, heartbeat_at = ? where id = ?")
			.params(step, now(), run)
			.update();
	}

	/** The files the run chose, those fetched so far and their bytes. */
	void fetched(UUID run, int planned, int fetched, long bytes) {
		this.jdbc
			.sql("update connector_run set files_planned = ?, files_fetched = ?, bytes_fetched = ?, heartbeat_at = ?"
					+ " where id = ?")
			.params(planned, fetched, bytes, now(), run)
			.update();
	}

	void addJob(UUID run, UUID job) {
		this.jdbc.sql("update connector_run set job_ids = array_append(job_ids, ?), heartbeat_at = ? where id = ?")
			.params(job, now(), run)
			.update();
	}

	void finish(UUID run, boolean completed, List<String> errors) {
		this.jdbc
			.sql("update connector_run set status = ?, finished_at = ?, errors = ? where id = ? and status = 'RUNNING'")
			.params(completed ? "COMPLETED" : "FAILED", now(), errors.toArray(String[]::new), run)
			.update();
	}

	/** Runs whose node stopped renewing their heartbeat end FAILED. */
	int failStale(Duration after) {
		return this.jdbc.sql("""
				update connector_run set status = 'FAILED', finished_at = ?, errors = array_append(errors, ?)
				where status = 'RUNNING' and heartbeat_at < ?""")
			.params(now(), STALE, Timestamp.from(Instant.now(this.clock).minus(after)))
			.update();
	}

	/** When the connector's newest run was queued. */
	Optional<Instant> lastQueued(UUID connector) {
		return this.jdbc.sql("select max(queued_at) from connector_run where connector_id = ?")
			.param(connector)
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	/** The job that collected this version of the object (key and ETag). */
	Optional<UUID> jobOf(UUID connector, StoredObject object) {
		return this.jdbc
			.sql("select job_id from connector_object where connector_id = ? and object_key = ? and etag = ?")
			.params(connector, object.key(), object.etag())
			.query(UUID.class)
			.optional();
	}

	void recordObject(UUID connector, StoredObject object, UUID job, UUID run) {
		this.jdbc.sql("""
				insert into connector_object (connector_id, object_key, etag, job_id, run_id, ingested_at)
				values (?, ?, ?, ?, ?, ?) on conflict (connector_id, object_key, etag) do update
				set job_id = excluded.job_id, run_id = excluded.run_id, ingested_at = excluded.ingested_at""")
			.params(connector, object.key(), object.etag(), job, run, now())
			.update();
	}

	void forgetObject(UUID connector, StoredObject object) {
		this.jdbc.sql("delete from connector_object where connector_id = ? and object_key = ? and etag = ?")
			.params(connector, object.key(), object.etag())
			.update();
	}

	/**
	 * The end of the last interval a metric connector pulled and ingested. A pull is kept
	 * as an object whose key is {@code pull:<file name>} and whose tag is the interval's
	 * end in fixed-width UTC ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}), so the latest end is the
	 * greatest tag.
	 */
	Optional<Instant> pulledUntil(UUID connector) {
		return this.jdbc
			.sql("select max(etag) from connector_object where connector_id = ? and object_key like 'pull:%'")
			.param(connector)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)).map(Instant::parse))
			.single();
	}

	/** Records a pulled interval whose job COMPLETED (see {@link #pulledUntil}). */
	void recordPull(UUID connector, String fileName, Instant until, UUID job, UUID run) {
		recordObject(connector, new StoredObject("pull:" + fileName, PULL_END.format(until), 0, until), job, run);
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

	private static ConnectorRun row(ResultSet rs, int rowNumber) throws SQLException {
		return new ConnectorRun(rs.getObject("id", UUID.class), rs.getObject("connector_id", UUID.class),
				rs.getString("status"), rs.getString("trigger"), rs.getString("requested_by"),
				rs.getTimestamp("queued_at").toInstant(), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")), rs.getInt("objects_seen"), rs.getInt("objects_new"),
				rs.getInt("objects_skipped"), Arrays.asList((UUID[]) rs.getArray("job_ids").getArray()),
				ConnectorStore.texts(rs.getArray("errors")), rs.getString("step"), rs.getInt("files_planned"),
				rs.getInt("files_fetched"), rs.getLong("bytes_fetched"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
