package org.greenledger.workloads;

import java.util.Map;
import java.util.UUID;

import org.greenledger.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a workload with its rules and outputs (the demo organisation's removal).
 * Audited; runs in the caller's transaction.
 */
@Service
public class WorkloadRemovals {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	WorkloadRemovals(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public boolean remove(UUID id, String user) {
		int rules = this.jdbc.sql("delete from workload_rule where workload_id = ?").param(id).update();
		int outputs = this.jdbc.sql("delete from workload_output where workload_id = ?").param(id).update();
		boolean removed = this.jdbc.sql("delete from workload where id = ?").param(id).update() == 1;
		if (removed) {
			this.audit.record(user, "WORKLOAD_REMOVED", "workload " + id, Map.of("rules", rules, "outputs", outputs));
		}
		return removed;
	}

}
