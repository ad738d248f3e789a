package org.greenledger.periods;

import java.util.Map;
import java.util.UUID;

import org.greenledger.audit.AuditLog;
import org.greenledger.system.ApiProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a reporting period that was never approved, with its transitions (the demo
 * organisation's removal only: periods are append-only, and the database lets the
 * caller's transaction delete one only when it is marked as the demo's removal, V51).
 * Audited.
 */
@Service
public class PeriodRemovals {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	PeriodRemovals(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public boolean remove(UUID id, String user) {
		var period = this.jdbc
			.sql("select name, status, superseded_by is not null or restates is not null as versioned"
					+ " from reporting_period where id = ? for update")
			.param(id)
			.query((rs,
					row) -> new String[] { rs.getString("name"), rs.getString("status"),
							String.valueOf(rs.getBoolean("versioned")) })
			.optional();
		if (period.isEmpty()) {
			return false;
		}
		if (!"DRAFT".equals(period.get()[1]) && !"IN_REVIEW".equals(period.get()[1])
				|| Boolean.parseBoolean(period.get()[2])) {
			throw ApiProblemException.conflict("Reporting period '" + period.get()[0] + "' was approved or restated;"
					+ " an approved period and its versions are kept.");
		}
		this.jdbc.sql("delete from reporting_period_transition where period_id = ?").param(id).update();
		this.jdbc.sql("delete from reporting_period where id = ?").param(id).update();
		this.audit.record(user, "PERIOD_REMOVED", "period " + period.get()[0], Map.of("status", period.get()[1]));
		return true;
	}

}
