package org.greenledger.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The source files of exported lines, read before an export's cursor takes its
 * connection: an export never holds one connection while it waits for another, which
 * under as many exports as the pool has connections would stall them all. The jobs with
 * lines in a period come from the day sums, which hold every line's job and day.
 */
final class LineFiles {

	private final DataSource dataSource;

	private final SourceFiles sourceFiles;

	LineFiles(DataSource dataSource, SourceFiles sourceFiles) {
		this.dataSource = dataSource;
		this.sourceFiles = sourceFiles;
	}

	/**
	 * The files of the jobs with lines whose period starts from {@code from} to
	 * {@code to}.
	 */
	Map<UUID, Cells> of(LocalDate from, LocalDate to) {
		List<UUID> jobs = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement query = connection
					.prepareStatement("select distinct job_id from footprint_rollup_day where day >= ? and day <= ?")) {
			query.setObject(1, from);
			query.setObject(2, to);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					jobs.add(rows.getObject(1, UUID.class));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the activity lines' files: " + ex.getMessage(), ex);
		}
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
