package org.greenledger.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.greenledger.audit.AuditLog;
import org.greenledger.periods.PeriodLocks;
import org.greenledger.periods.ReportingPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Earlier measured lines of the same series and time as a newly loaded file. With
 * {@link Overlap#REPLACE} (a corrected or longer export of the same meters, GPUs or runs)
 * the earlier lines of each series within the new file's span for it are removed,
 * recorded in the audit log (and, by the caller, on both jobs); with
 * {@link Overlap#APPEND} a line overlapping an earlier one refuses the file, since the
 * same energy would be counted twice. A replacement that would remove a line dated inside
 * a locked reporting period refuses the whole file, naming the period.
 */
@Component
public class MeasuredOverlaps {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final PeriodLocks locks;

	private final SourceFiles files;

	MeasuredOverlaps(JdbcClient jdbc, AuditLog audit, PeriodLocks locks, SourceFiles files) {
		this.files = files;
		this.jdbc = jdbc;
		this.audit = audit;
		this.locks = locks;
	}

	/** The earlier lines a REPLACE of the job removes (a SQL fragment, job id twice). */
	private static final String REMOVED = """
			with span as (
			    select series_id, min(period_start) as first_start, max(period_end) as last_end
			    from measured_line where job_id = ? group by series_id)
			select old.job_id, old.series_id, old.period_start, old.period_end
			from measured_line old join span on old.series_id = span.series_id
			where old.job_id <> ? and old.period_start < span.last_end and old.period_end > span.first_start""";

	/**
	 * Refuses a replacement that would remove a line dated (by UTC day) inside a locked
	 * period.
	 */
	private void requireUnlocked(UUID job, String fileName) {
		for (ReportingPeriod period : this.locks.locked()) {
			java.sql.Timestamp from = java.sql.Timestamp
				.from(period.start().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
			java.sql.Timestamp to = java.sql.Timestamp
				.from(period.end().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
			this.jdbc
				.sql("select r.job_id, r.period_start, r.period_end from (" + REMOVED
						+ ") r where r.period_start < ? and r.period_end > ? order by r.period_start limit 1")
				.params(job, job, to, from)
				.query((rs, row) -> {
					this.locks.requireUnlocked(period.start(), period.end(),
							"Uploading " + fileName + " with overlap=REPLACE would remove earlier readings from "
									+ rs.getTimestamp(2).toInstant() + " to " + rs.getTimestamp(3).toInstant()
									+ " (ingested by job " + rs.getString(1) + "), and so");
					return null;
				})
				.list();
		}
	}

	/** Earlier lines of one job within the new file's span of one series kind. */
	public record Replaced(UUID job, String source, long series, long lines, Instant from, Instant to) {

		public Map<String, Object> describe() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("job", this.job.toString());
			map.put("source", this.source);
			map.put("series", this.series);
			map.put("lines", this.lines);
			map.put("from", this.from.toString());
			map.put("to", this.to.toString());
			return map;
		}

	}

	public List<Replaced> resolve(UUID job, Overlap mode, String fileName, String actor) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('measured overlaps'))").query().singleRow();
		if (mode == Overlap.APPEND) {
			this.jdbc.sql("""
					select old.job_id, s.labels::text, old.period_start, old.period_end
					from measured_line new
					join measured_line old on old.series_id = new.series_id and old.job_id <> new.job_id
					     and old.period_start < new.period_end and old.period_end > new.period_start
					join measured_series s on s.id = new.series_id
					where new.job_id = ? limit 1""").param(job).query((rs, row) -> {
				UUID earlier = rs.getObject(1, UUID.class);
				SourceFiles.SourceFile file = this.files.of(List.of(earlier)).get(earlier);
				throw new OverlapRefusedException(fileName + ": readings of series " + rs.getString(2) + " from "
						+ rs.getTimestamp(3).toInstant() + " to " + rs.getTimestamp(4).toInstant()
						+ " were already ingested by job " + earlier + " (" + ((file != null) ? file.name() : "")
						+ "); appending would count them twice. Send the file with overlap=REPLACE to replace"
						+ " the earlier readings; nothing of the file was stored");
			}).list();
			return List.of();
		}
		requireUnlocked(job, fileName);
		List<Replaced> replaced = this.jdbc.sql("""
				with span as (
				    select series_id, min(period_start) as first_start, max(period_end) as last_end
				    from measured_line where job_id = ? group by series_id),
				removed as (
				    delete from measured_line old using span
				    where old.series_id = span.series_id and old.job_id <> ?
				      and old.period_start < span.last_end and old.period_end > span.first_start
				    returning old.job_id, old.series_id, old.period_start, old.period_end)
				select r.job_id, s.source, count(distinct r.series_id) as series, count(*) as lines,
				       min(r.period_start) as first_start, max(r.period_end) as last_end
				from removed r join measured_series s on s.id = r.series_id
				group by 1, 2 order by 1, 2""")
			.params(job, job)
			.query((rs, row) -> new Replaced(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
			.list();
		for (Replaced each : replaced) {
			Map<String, Object> details = each.describe();
			details.put("replacedBy", job.toString());
			this.audit.record(actor, "MEASURED_READINGS_REPLACED", "ingestion:" + each.job(), details);
		}
		return replaced;
	}

}
