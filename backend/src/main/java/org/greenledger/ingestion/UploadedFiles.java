package org.greenledger.ingestion;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules ask about uploaded files: the files behind given jobs (a report's
 * provenance), and the latest files with rejected rows (the dashboard's data issues).
 */
@Service
public class UploadedFiles {

	private final JdbcClient jdbc;

	UploadedFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored file: its name and the SHA-256 of its content. */
	public record SourceFile(String fileName, String sha256) {
	}

	/** A file with rejected rows, or rejected or failed as a whole. */
	public record RejectedFile(UUID jobId, String fileName, String status, long rowsRejected, @Nullable String message,
			Instant uploadedAt) {
	}

	/**
	 * The distinct files of the given jobs that completed (a job answered by an earlier
	 * upload of the same content is not counted again), by name and hash.
	 */
	public List<SourceFile> sourceFiles(Collection<UUID> jobs) {
		if (jobs.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select distinct j.file_name, j.sha256 from ingestion_job j
				where j.status = 'COMPLETED' and j.duplicate_of is null and j.id::text = any(?::text[])
				order by 1, 2""")
			.param(jobs.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, row) -> new SourceFile(rs.getString(1), rs.getString(2)))
			.list();
	}

	/**
	 * The latest files with rejected rows, rejected as a whole or failed, of the given
	 * org units (all when empty).
	 */
	public List<RejectedFile> rejections(Set<String> orgUnits, int limit) {
		return this.jdbc.sql("""
				select id, file_name, status, rows_rejected, message, created_at from ingestion_job
				where (rows_rejected > 0 or status in ('REJECTED', 'FAILED')) and duplicate_of is null
				  and (cardinality(?::text[]) = 0 or org_unit = any(?::text[]))
				order by created_at desc limit ?""")
			.params(orgUnits.toArray(String[]::new), orgUnits.toArray(String[]::new), limit)
			.query((rs, row) -> new RejectedFile(rs.getObject("id", UUID.class), rs.getString("file_name"),
					rs.getString("status"), rs.getLong("rows_rejected"), rs.getString("message"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

}
