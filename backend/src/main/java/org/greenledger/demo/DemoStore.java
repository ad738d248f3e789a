package org.greenledger.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo's own tables: what a load created ({@code demo_holding}) and its state. */
@Component
class DemoStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoStore(JdbcClient jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	DemoStatus status() {
		int holdings = this.jdbc.sql("select count(*) from demo_holding").query(Integer.class).single();
		return this.jdbc.sql("select * from demo_state where id = 1")
			.query((rs, row) -> new DemoStatus(rs.getString("status"), rs.getString("step"), rs.getInt("done"),
					rs.getInt("total"), rs.getString("message"), rs.getString("started_by"),
					rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("finished_at")), holdings))
			.optional()
			.orElseGet(DemoStatus::absent);
	}

	/**
	 * Starts a load or a removal: false when one is under way, or (for a load) when demo
	 * data is present already.
	 */
	boolean begin(String state, int total, String user) {
		if ("LOADING".equals(state)) {
			return this.jdbc.sql("""
					insert into demo_state (id, status, step, done, total, started_by, started_at)
					values (1, 'LOADING', 'starting', 0, ?, ?, ?) on conflict (id) do nothing""")
				.params(total, user, Timestamp.from(now()))
				.update() == 1;
		}
		return this.jdbc.sql("""
				update demo_state set status = ?, step = 'starting', done = 0, total = ?, message = null,
				       started_by = ?, started_at = ?, finished_at = null
				where id = 1 and status in ('LOADED', 'FAILED')""")
			.params(state, total, user, Timestamp.from(now()))
			.update() == 1;
	}

	void step(String step, int done) {
		this.jdbc.sql("update demo_state set step = ?, done = ? where id = 1").params(step, done).update();
	}

	void finish(String state, @Nullable String message) {
		this.jdbc.sql("update demo_state set status = ?, message = ?, done = total, finished_at = ? where id = 1")
			.params(state, message, Timestamp.from(now()))
			.update();
	}

	void fail(String message) {
		this.jdbc.sql("update demo_state set status = 'FAILED', message = ?, finished_at = ? where id = 1")
			.params(message, Timestamp.from(now()))
			.update();
	}

	/** Forgets the demo once its data is removed. */
	void clear() {
		this.jdbc.sql("delete from demo_state").update();
	}

	void hold(DemoHolding holding) {
		this.jdbc
			.sql("insert into demo_holding (kind, ref, label, created_at) values (?, ?, ?, ?)"
					+ " on conflict (kind, ref) do nothing")
			.params(holding.kind().name(), holding.ref(), holding.label(), Timestamp.from(now()))
			.update();
	}

	List<DemoHolding> holdings() {
		return this.jdbc.sql("select kind, ref, label from demo_holding order by created_at, kind, ref")
			.query((rs, row) -> new DemoHolding(DemoHolding.Kind.valueOf(rs.getString("kind")), rs.getString("ref"),
					rs.getString("label")))
			.list();
	}

	void release(DemoHolding holding) {
		this.jdbc.sql("delete from demo_holding where kind = ? and ref = ?")
			.params(holding.kind().name(), holding.ref())
			.update();
	}

	/**
	 * Marks the current transaction as the demo's removal, which the database lets delete
	 * append-only records (V51).
	 */
	void markRemoval() {
		this.jdbc.sql("select set_config('greenledger.demo_removal', 'on', true)").query().singleValue();
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
