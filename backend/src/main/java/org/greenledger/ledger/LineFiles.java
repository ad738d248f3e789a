package org.greenledger.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The source files of exported lines, read before an export's cursor takes its
 * connection: an export never holds one connection while it waits for another, which
 * under as many exports as the pool has connections would stall them all. The jobs with
 * lines in a period come from the day sums, which hold every line's job and day.
 */
final class LineFiles {

	private final JdbcClient jdbc;

	private final SourceFiles sourceFiles;

	LineFiles(JdbcClient jdbc, SourceFiles sourceFiles) {
		this.jdbc = jdbc;
		this.sourceFiles = sourceFiles;
	}

	/**
	 * The files of the jobs with lines whose period starts from {@code from} to
	 * {@code to}: read on the caller's transaction when there is one (a report's), else
	 * on a connection given back before the export's cursor takes its own.
	 */
	Map<UUID, Cells> of(LocalDate from, LocalDate to) {
		List<UUID> jobs = this.jdbc.sql("select distinct job_id from footprint_rollup_day where day >= ? and day <= ?")
			.params(from, to)
			.query(UUID.class)
			.list();
		Map<UUID, SourceFiles.SourceFile> known = this.sourceFiles.of(jobs);
		Map<UUID, Cells> files = new HashMap<>();
		for (UUID job : jobs) {
			files.put(job, Cells.of(job, known.get(job)));
		}
		return files;
	}

	/**
	 * The file of one job: for a job committed after {@link #of} was read, the only case
	 * where an export asks while it holds its cursor.
	 */
	Cells of(UUID job) {
		return Cells.of(job, this.sourceFiles.of(List.of(job)).get(job));
	}

	/**
	 * A line's file as the export shows it: its name and SHA-256. A job without an upload
	 * record (which uploads and removals do not leave behind) is named as such, with no
	 * hash, rather than failing the export.
	 */
	record Cells(String name, @Nullable String sha256) {

		static Cells of(UUID job, SourceFiles.@Nullable SourceFile file) {
			return (file != null) ? new Cells(file.name(), file.sha256())
					: new Cells("(no upload record for job " + job + ")", null);
		}

	}

}
