package org.greenledger.ingestion;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.greenledger.ledger.SourceFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ledger's view of the uploaded files: name, hash, format, uploader and time. */
@Component
class JobSourceFiles implements SourceFiles {

	private final JdbcClient jdbc;

	JobSourceFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, SourceFile> of(Collection<UUID> jobs) {
		Map<UUID, SourceFile> files = new HashMap<>();
		if (jobs.isEmpty()) {
			return files;
		}
		this.jdbc.sql("""
				select id, file_name, sha256, format, created_by, created_at from ingestion_job
				where id::text = any(?::text[])""")
			.param(jobs.stream().map(UUID::toString).distinct().toArray(String[]::new))
			.query(rs -> {
				UUID id = rs.getObject("id", UUID.class);
				files.put(id, new SourceFile(id, rs.getString("file_name"), rs.getString("sha256"),
						rs.getString("format"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()));
			});
		return files;
	}

}
