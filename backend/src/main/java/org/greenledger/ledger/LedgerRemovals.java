package org.greenledger.ledger;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes what the ledger holds of whole uploads (for the removal of the demo
 * organisation): the jobs' activity partitions, their daily and monthly sums, their
 * replacements, their measured lines and sums, and the attribute combinations and
 * measured series that nothing else uses any more. Runs in the caller's transaction; the
 * database still refuses rows dated in an approved reporting period.
 */
@Service
public class LedgerRemovals {

	private final JdbcClient jdbc;

	LedgerRemovals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Removes every line and sum of the jobs. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void removeJobs(Collection<UUID> jobs) {
		if (jobs.isEmpty()) {
			return;
		}
		UUID[] ids = jobs.toArray(UUID[]::new);
		List<Long> dimensions = this.jdbc
			.sql("select distinct dimension_id from footprint_rollup_month where job_id = any(?)")
			.param(ids)
			.query(Long.class)
			.list();
		List<Long> series = this.jdbc.sql("select distinct series_id from measured_rollup_month where job_id = any(?)")
			.param(ids)
			.query(Long.class)
			.list();
		for (UUID job : jobs) {
			this.jdbc.sql("drop table if exists activity_line_" + job.toString().replace("-", "")).update();
		}
		for (String table : List.of("footprint_rollup_day", "footprint_rollup_month", "footprint_rollup_attribute_day",
				"footprint_rollup_attribute_month", "measured_rollup_month", "measured_line",
				"cpu_utilization_sample")) {
			this.jdbc.sql("delete from " + table + " where job_id = any(?)").param(ids).update();
		}
		this.jdbc.sql("delete from billing_replacement where job_id = any(?) or replaced_job_id = any(?)")
			.params(ids, ids)
			.update();
		this.jdbc.sql("""
				delete from activity_dimension d where d.id = any(?)
				  and not exists (select 1 from footprint_rollup_month r where r.dimension_id = d.id)""")
			.param(dimensions.toArray(Long[]::new))
			.update();
		this.jdbc.sql("""
				delete from measured_series s where s.id = any(?)
				  and not exists (select 1 from measured_rollup_month r where r.series_id = s.id)
				  and not exists (select 1 from measured_line l where l.series_id = s.id)""")
			.param(series.toArray(Long[]::new))
			.update();
	}

	/** Removes the measured series of a site that no line uses (before the site goes). */
	@Transactional(propagation = Propagation.MANDATORY)
	public int removeSeriesOfSite(UUID site) {
		long lines = this.jdbc.sql(
				"select count(*) from measured_line l join measured_series s on s.id = l.series_id where s.site_id = ?")
			.param(site)
			.query(Long.class)
			.single();
		if (lines > 0) {
			throw new IllegalStateException(
					"The site still has " + lines + " measured lines of uploads that are not being removed.");
		}
		return this.jdbc.sql("delete from measured_series where site_id = ?").param(site).update();
	}

}
