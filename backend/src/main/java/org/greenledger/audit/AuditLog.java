package org.greenledger.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records audit events in the caller's transaction (the table refuses updates and
 * deletes).
 */
@Service
public class AuditLog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param actor who did it
	 * @param action what, e.g. {@code BILLING_PERIOD_REPLACED}
	 * @param subject what it was done to, e.g. an ingestion job
	 * @param details facts of the change
	 */
	public void record(String actor, String action, String subject, Map<String, ?> details) {
		this.jdbc.sql("insert into audit_event (at, actor, action, subject, details) values (?, ?, ?, ?, ?::jsonb)")
			.params(Timestamp.from(Instant.now(this.clock)), actor, action, subject, JSON.writeValueAsString(details))
			.update();
	}

}
