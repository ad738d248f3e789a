package org.greenledger.ingestion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.greenledger.audit.AuditLog;
import org.greenledger.ledger.LedgerRemovals;
import org.greenledger.system.ApiProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes whole uploads with everything they put in the ledger and in other modules'
 * stores (the demo organisation's removal): the jobs, their rejected rows, hourly grid
 * intensities, lines and sums; their stored files once no job uses them (after commit).
 * Audited. Runs in the caller's transaction, so that a removal of several things is all
 * or nothing; refuses a job that is still queued or running, or that another upload was
 * answered with.
 */
@Service
public class JobRemovals {

	private final JdbcClient jdbc;

	private final LedgerRemovals ledger;

	private final List<DelegatedFormat> delegated;

	private final StoredFiles files;

	private final AuditLog audit;

	JobRemovals(JdbcClient jdbc, LedgerRemovals ledger, List<DelegatedFormat> delegated, StoredFiles files,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.delegated = List.copyOf(delegated);
		this.files = files;
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void remove(Collection<UUID> jobs, String user) {
		if (jobs.isEmpty()) {
			return;
		}
		UUID[] ids = jobs.toArray(UUID[]::new);
		List<String> running = this.jdbc
			.sql("select file_name from ingestion_job where id = any(?) and status in ('QUEUED', 'RUNNING') for update")
			.param(ids)
			.query(String.class)
			.list();
		if (!running.isEmpty()) {
			throw ApiProblemException.conflict("Uploads still being processed cannot be removed yet: "
					+ String.join(", ", running) + ". Try again when they have finished.");
		}
		List<String> answered = this.jdbc
			.sql("select file_name from ingestion_job where duplicate_of = any(?) and not id = any(?)")
			.params(ids, ids)
			.query(String.class)
			.list();
		if (!answered.isEmpty()) {
			throw ApiProblemException.conflict(
					"Other uploads of the same content depend on these jobs: " + String.join(", ", answered) + ".");
		}
		List<String> hashes = this.jdbc.sql("select distinct sha256 from ingestion_job where id = any(?)")
			.param(ids)
			.query(String.class)
			.list();
		this.ledger.removeJobs(jobs);
		this.delegated.forEach(format -> format.remove(jobs));
		this.jdbc.sql("delete from ingestion_row_error where job_id = any(?)").param(ids).update();
		this.jdbc.sql("delete from grid_intensity_hour where job_id = any(?)").param(ids).update();
		this.jdbc.sql("delete from ingestion_job where duplicate_of = any(?)").param(ids).update();
		int removed = this.jdbc.sql("delete from ingestion_job where id = any(?)").param(ids).update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("jobs", new ArrayList<>(jobs.stream().map(UUID::toString).toList()));
		details.put("removed", removed);
		this.audit.record(user, "INGESTION_JOBS_REMOVED", removed + " ingestion jobs", details);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				discardUnused(hashes);
			}
		});
	}

	private void discardUnused(List<String> hashes) {
		for (String sha256 : hashes) {
			boolean used = this.jdbc.sql("select exists (select 1 from ingestion_job where sha256 = ?)")
				.param(sha256)
				.query(Boolean.class)
				.single();
			if (!used) {
				this.files.delete(sha256);
			}
		}
	}

}
