package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

import org.greenledger.audit.AuditLog;
import org.greenledger.core.table.IngestionJson;
import org.greenledger.core.table.RowError;
import org.greenledger.ledger.BillingReplacements;
import org.greenledger.ledger.Overlap;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.system.ApiProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingestion jobs: a file is stored, recorded as QUEUED and handed to the worker; the same
 * content sent again is answered with the job that already ingested it and changes
 * nothing. Reads jobs for the API and the portal; their state changes are
 * {@link JobStore}'s.
 */
@Service
public class IngestionJobs {

	/**
	 * Jobs; the replacements of their rows by later uploads are the ledger's
	 * ({@link #withReplacements}).
	 */
	private static final String SELECT = "select j.* from ingestion_job j";

	private static final Logger log = LoggerFactory.getLogger(IngestionJobs.class);

	private final JdbcClient jdbc;

	private final StoredFiles files;

	private final IngestionWorker worker;

	private final AuditLog audit;

	private final BillingReplacements replacements;

	private final TransactionTemplate transaction;

	private final JobStore store;

	private final StreamedUploads streams;

	private final JobContents contents;

	IngestionJobs(JdbcClient jdbc, StoredFiles files, IngestionWorker worker, JobStore store, AuditLog audit,
			PlatformTransactionManager transactions, BillingReplacements replacements, StreamedUploads streams,
			JobContents contents) {
		this.contents = contents;
		this.replacements = replacements;
		this.streams = streams;
		this.jdbc = jdbc;
		this.files = files;
		this.worker = worker;
		this.store = store;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Stores the content and queues it for ingestion (or answers with the earlier job
	 * when the same content was ingested already).
	 */
	public IngestionJob submit(InputStream content, String fileName, UploadOptions options, String user)
			throws IOException {
		return submit(store(content, fileName), fileName, options, user);
	}

	/** Stores content in the file store (once per content), streaming. */
	public StoredFiles.Stored store(InputStream content, String fileName) throws IOException {
		return store(content, fileName, null);
	}

	/**
	 * Stores content in the file store (once per content), streaming; the content of an
	 * upload staged while it arrives is compressed on the calling thread (less CPU in all
	 * while the staging keeps the cores busy).
	 */
	public StoredFiles.Stored store(InputStream content, String fileName, @Nullable StreamedUpload streamed)
			throws IOException {
		long started = System.nanoTime();
		StoredFiles.Stored stored = (streamed != null) ? this.files.storeCompressingHere(streamed.tee(content))
				: this.files.store(content);
		log.info("Stored {} ({} bytes, SHA-256 {}) in {} ms", fileName, stored.bytes(), stored.sha256(),
				(System.nanoTime() - started) / 1_000_000);
		return stored;
	}

	/**
	 * Deletes stored content that no job uses (an upload refused after its file was
	 * stored).
	 */
	public void discard(StoredFiles.Stored stored) {
		boolean used = this.jdbc.sql("select exists (select 1 from ingestion_job where sha256 = ?)")
			.param(stored.sha256())
			.query(Boolean.class)
			.single();
		if (!used) {
			this.files.delete(stored.sha256());
		}
	}

	/**
	 * Queues stored content for ingestion (or answers with the earlier job when the same
	 * content was ingested already).
	 */
	public IngestionJob submit(StoredFiles.Stored stored, String fileName, UploadOptions options, String user) {
		UUID id = UUID.randomUUID();
		Optional<UUID> earlier = this.contents.answering(stored.sha256(), options.overlap());
		if (earlier.isPresent()) {
			this.contents.answerWith(earlier.get(), id, fileName, options.orgUnit(), user);
			return submitted(find(id).orElseThrow(), user);
		}
		this.store.queue(id, fileName, stored, options, user, reading(options));
		IngestionJob job = submitted(find(id).orElseThrow(), user);
		this.worker.dispatch(id);
		return job;
	}

	/**
	 * Starts staging an upload's rows while its file arrives, when this node is free to
	 * (billing exports as text): the file still goes into the store as always, and
	 * {@link #submit(StoredFiles.Stored, String, UploadOptions, String, StreamedUpload)}
	 * then records its job and hands it to the staging, or discards the staging.
	 * @param declaredBytes the request's declared length, or -1
	 * @return null when the file is to be stored first and read afterwards
	 */
	public @Nullable StreamedUpload receive(String fileName, UploadOptions options, String user, long declaredBytes) {
		return this.streams.start(fileName, options, user, declaredBytes);
	}

	/**
	 * Like {@link #submit(StoredFiles.Stored, String, UploadOptions, String)}, for an
	 * upload whose rows were staged while it arrived: its job, recorded now that the file
	 * is stored, is claimed by this node and handed to the staging, which completes it. A
	 * duplicate (known only now, by the SHA-256) discards the staging; so do options sent
	 * after the file that changed what it was staged with, and the job is then read from
	 * the stored file.
	 */
	public IngestionJob submit(StoredFiles.Stored stored, String fileName, UploadOptions options, String user,
			@Nullable StreamedUpload streamed) {
		if (streamed == null || !streamed.stages(fileName, options, user)) {
			if (streamed != null) {
				streamed.discard("the upload's options changed after its file began");
			}
			return submit(stored, fileName, options, user);
		}
		Optional<UUID> earlier = this.contents.answering(stored.sha256(), options.overlap());
		if (earlier.isPresent()) {
			streamed.discard("the same content was ingested by job " + earlier.get());
			this.contents.answerWith(earlier.get(), streamed.id(), fileName, options.orgUnit(), user);
			return submitted(find(streamed.id()).orElseThrow(), user);
		}
		Job claimed = this.streams.record(streamed, stored, options, reading(options));
		try {
			return submitted(find(claimed.id()).orElseThrow(), user);
		}
		finally {
			this.streams.handOver(streamed, claimed);
		}
	}

	/**
	 * The job whose rows now stand for the content the given job was sent: the job
	 * itself, the job it was a duplicate of, or the job that took its content over later;
	 * empty when none does (the content was rejected or failed).
	 */
	public Optional<UUID> holderOf(UUID job) {
		return this.jdbc.sql("select sha256 from ingestion_job where id = ?")
			.param(job)
			.query(String.class)
			.optional()
			.flatMap(this.contents::holder);
	}

	/** Records the upload in the audit log: who sent which content for which org unit. */
	private IngestionJob submitted(IngestionJob job, String user) {
		Map<String, Object> details = new java.util.LinkedHashMap<>();
		details.put("fileName", job.fileName());
		details.put("sha256", job.sha256());
		details.put("bytes", job.bytes());
		details.put("format", (job.format() != null) ? job.format() : "(detected)");
		details.put("orgUnit", (job.orgUnit() != null) ? job.orgUnit() : "");
		details.put("overlap", job.overlap().name());
		if (job.duplicateOf() != null) {
			details.put("duplicateOf", job.duplicateOf().toString());
		}
		this.audit.record(user, "INGESTION_SUBMITTED", "ingestion job " + job.id(), details);
		return job;
	}

	static @Nullable String reading(UploadOptions options) {
		java.util.Map<String, String> reading = new java.util.LinkedHashMap<>();
		if (options.site() != null) {
			reading.put("site", options.site());
		}
		if (options.host() != null) {
			reading.put("host", options.host());
		}
		if (options.meterRole() != null) {
			reading.put("meterRole", options.meterRole().name());
		}
		if (options.timeZone() != null) {
			reading.put("timeZone", options.timeZone().getId());
		}
		return reading.isEmpty() ? null : IngestionJson.MAPPER.writeValueAsString(reading);
	}

	public Optional<IngestionJob> find(UUID id) {
		return this.jdbc.sql(SELECT + " where j.id = ?")
			.param(id)
			.query(IngestionJobs::job)
			.optional()
			.map(job -> withReplacements(List.of(job)).get(0));
	}

	public List<IngestionJob> recent(int limit) {
		return recent(limit, OrgUnitScope.UNRESTRICTED);
	}

	/**
	 * The most recent jobs of the org units in the scope (of every unit when
	 * unrestricted).
	 */
	public List<IngestionJob> recent(int limit, OrgUnitScope scope) {
		return page(0, limit, scope);
	}

	/** Jobs of the scope's org units, newest first, from the given position. */
	public List<IngestionJob> page(long offset, int limit, OrgUnitScope scope) {
		return withReplacements(this.jdbc
			.sql(SELECT + " where (cardinality(?::text[]) = 0 or j.org_unit = any(?::text[]))"
					+ " order by j.created_at desc, j.id limit ? offset ?")
			.params(scope.codes(), scope.codes(), limit, offset)
			.query(IngestionJobs::job)
			.list());
	}

	/**
	 * A job, when it exists and is within the scope (another unit's job is not found).
	 */
	public Optional<IngestionJob> find(UUID id, OrgUnitScope scope) {
		return find(id).filter(job -> scope.includes(job.orgUnit()));
	}

	/** How many jobs of the scope's org units there are. */
	public long count(OrgUnitScope scope) {
		return this.jdbc
			.sql("select count(*) from ingestion_job where cardinality(?::text[]) = 0 or org_unit = any(?::text[])")
			.params(scope.codes(), scope.codes())
			.query(Long.class)
			.single();
	}

	/**
	 * Queues a FAILED job again from its stored file (an unexpected failure, such as a
	 * database outage, left nothing of the file behind). A REJECTED file is not retried:
	 * the same content would be rejected again, so it needs a corrected file. Audited.
	 * @throws ApiProblemException 404 for an unknown job, 409 for a job that did not fail
	 * or whose stored file is gone
	 */
	public IngestionJob retry(UUID id, String user) {
		IngestionJob job = find(id).orElseThrow(() -> ApiProblemException.notFound("No ingestion job " + id + "."));
		if (!"FAILED".equals(job.status())) {
			throw ApiProblemException.conflict("Only a failed job can be retried; this one is " + job.status() + "."
					+ ("REJECTED".equals(job.status())
							? " A rejected file would be rejected again: correct it and upload the corrected file."
							: ""));
		}
		if (!job.lifecycle().retryable()) {
			throw ApiProblemException
				.conflict("Job " + id + " failed twice with the same reason and is FAILED for good;"
						+ " retrying it would fail again. Correct the file and upload the corrected file.");
		}
		if (!this.files.exists(job.sha256())) {
			throw ApiProblemException
				.conflict("The stored file of job " + id + " is no longer there; upload the file again.");
		}
		Boolean queued = this.transaction.execute(status -> {
			if (!this.store.retry(id)) {
				return false;
			}
			Map<String, Object> details = new java.util.LinkedHashMap<>();
			details.put("fileName", job.fileName());
			details.put("sha256", job.sha256());
			details.put("failure", (job.message() != null) ? job.message() : "");
			details.put("failedAt", String.valueOf(job.finishedAt()));
			this.audit.record(user, "INGESTION_JOB_RETRIED", "ingestion job " + id, details);
			return true;
		});
		if (!Boolean.TRUE.equals(queued)) {
			throw ApiProblemException.conflict("Job " + id + " was retried by someone else meanwhile.");
		}
		log.info("Job {} ({}) queued again by {}", id, job.fileName(), user);
		this.worker.dispatch(id);
		return find(id).orElseThrow();
	}

	private static IngestionJob job(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new IngestionJob(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("format"),
				rs.getString("file_name"), rs.getString("sha256"), rs.getLong("bytes"), rs.getDouble("progress"),
				rs.getLong("rows_read"), rs.getLong("rows_accepted"), rs.getLong("rows_cost_only"),
				rs.getLong("rows_rejected"),
				IngestionJson.MAPPER.readValue(rs.getString("errors"), new TypeReference<List<RowError>>() {
				}), rs.getString("message"), maps(rs.getString("costs")), rs.getObject("duplicate_of", UUID.class),
				rs.getString("org_unit"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				(finished != null) ? finished.toInstant() : null, Overlap.valueOf(rs.getString("overlap")),
				maps(rs.getString("replaced")), List.of(), (rs.getString("measured") != null) ? IngestionJson.MAPPER
					.readValue(rs.getString("measured"), new TypeReference<Map<String, Object>>() {
					}) : null,
				maps(rs.getString("notes")), (rs.getString("reading") != null) ? IngestionJson.MAPPER
					.readValue(rs.getString("reading"), new TypeReference<Map<String, Object>>() {
					}) : null,
				(rs.getString("rejection_limit") != null) ? IngestionJson.MAPPER
					.readValue(rs.getString("rejection_limit"), new TypeReference<Map<String, Object>>() {
					}) : null,
				new IngestionJob.Lifecycle(rs.getInt("attempts"), rs.getInt("interruptions"),
						instant(rs.getTimestamp("interrupted_at")), instant(rs.getTimestamp("resumed_at")),
						rs.getBoolean("retryable"), rs.getString("node_id")),
				rs.getObject("superseded_by", UUID.class),
				java.util.Arrays.asList((UUID[]) rs.getArray("keep_jobs").getArray()));
	}

	/** The jobs with the later uploads that replaced their billing rows. */
	private List<IngestionJob> withReplacements(List<IngestionJob> jobs) {
		Map<UUID, List<Map<String, Object>>> replacements = this.replacements
			.of(jobs.stream().map(IngestionJob::id).toList());
		return jobs.stream().map(job -> job.withReplacedBy(replacements.getOrDefault(job.id(), List.of()))).toList();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static List<Map<String, Object>> maps(String json) {
		return IngestionJson.MAPPER.readValue(json, new TypeReference<List<Map<String, Object>>>() {
		});
	}

}
