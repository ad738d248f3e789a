package org.greenledger.ingestion;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.Overlap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which job holds a file's content (by its SHA-256): the job that ingested it, unless a
 * later job took it over. Content sent again is answered with its holder, as a job that
 * changed nothing, unless a later upload replaced rows of the holder and the content is
 * sent as a replacement itself; the job that loads it again then takes the content over.
 */
@Component
class JobContents {

	private final JdbcClient jdbc;

	private final Clock clock;

	JobContents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The holder that answers content sent again, if any. Content whose rows a later
	 * upload replaced in part is loaded again only when it is sent as a replacement
	 * itself: appended again, its remaining rows would count twice, and the later
	 * upload's correction stands.
	 */
	Optional<UUID> answering(String sha256, Overlap overlap) {
		return this.jdbc
			.sql("select j.id from ingestion_job j where j.sha256 = ? and " + holds("j")
					+ " and (? or not exists (select 1 from ingestion_job later where " + replacedRowsOf("j.id::text")
					+ "))")
			.params(sha256, overlap == Overlap.APPEND)
			.query(UUID.class)
			.optional();
	}

	/** The job that holds this content (ingested it and was not taken over since). */
	Optional<UUID> holder(String sha256) {
		return this.jdbc.sql("select j.id from ingestion_job j where j.sha256 = ? and " + holds("j"))
			.param(sha256)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Records content sent again as a COMPLETED job that changed nothing and names the
	 * job that ingested it.
	 */
	void answerWith(UUID earlier, UUID id, String fileName, @Nullable String orgUnit, String user) {
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc
			.sql("""
					insert into ingestion_job (id, status, format, file_name, sha256, bytes, org_unit, progress,
					                           duplicate_of, message, created_by, created_at, finished_at)
					select ?, 'COMPLETED', format, ?, sha256, bytes, ?, 1, id, ?, ?, ?, ? from ingestion_job where id = ?""")
			.params(id, fileName, orgUnit, "The same file was ingested by job " + earlier + "; nothing changed.", user,
					now, now, earlier)
			.update();
	}

	/**
	 * Marks the holder of the job's content as taken over by the job, when a replacement
	 * removed rows of the holder (in the transaction that completes the job, so that the
	 * job may hold the content); a holder whose rows all stand stays, and the job then
	 * ends as its duplicate.
	 */
	void takeOver(UUID id) {
		this.jdbc
			.sql("""
					update ingestion_job holder set superseded_by = ?
					where holder.id <> ? and holder.sha256 = (select sha256 from ingestion_job where id = ?)
					  and %s and exists (select 1 from ingestion_job later where %s)""".formatted(holds("holder"),
					replacedRowsOf("holder.id::text")))
			.params(id, id, id)
			.update();
	}

	/**
	 * A query of the job that holds the content of the row of {@code ingestion_job} being
	 * updated (for a job that ends as its duplicate).
	 */
	static String holderOfTheSameContent() {
		return "select other.id from ingestion_job other where other.sha256 = ingestion_job.sha256 and "
				+ holds("other");
	}

	/**
	 * The condition that the job of the given alias holds its content: completed, not a
	 * duplicate, not taken over.
	 */
	private static String holds(String alias) {
		return "%1$s.status = 'COMPLETED' and %1$s.duplicate_of is null and %1$s.superseded_by is null"
			.formatted(alias);
	}

	/**
	 * A later job (alias {@code later}) that replaced rows of the job whose id (as text)
	 * the given SQL expression names (its content then no longer stands whole in the
	 * ledger).
	 */
	private static String replacedRowsOf(String jobIdText) {
		return """
				later.status = 'COMPLETED' and later.overlap = 'REPLACE'
				and later.replaced @> jsonb_build_array(jsonb_build_object('job', %s))""".formatted(jobIdText);
	}

}
