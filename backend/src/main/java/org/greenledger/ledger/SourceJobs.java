package org.greenledger.ledger;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The uploads (ingestion jobs) a period's figures come from, for a report's provenance:
 * the jobs with billing sums in the period's months and those with measured lines
 * overlapping its days. The files themselves (name, hash) are the ingestion module's.
 */
@Service
public class SourceJobs {

	private final JdbcClient jdbc;

	SourceJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Jobs with billing sums in the months of {@code from} to {@code to} (both included)
	 * of the org unit (of every unit when null).
	 */
	public Set<UUID> billing(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		return new LinkedHashSet<>(this.jdbc.sql("""
				select distinct r.job_id from footprint_rollup_month r
				join activity_dimension d on d.id = r.dimension_id
				where r.month between ? and ? and (?::text is null or d.org_unit = ?)""")
			.params(Date.valueOf(from.withDayOfMonth(1)), Date.valueOf(to), orgUnit, orgUnit)
			.query(UUID.class)
			.list());
	}

	/**
	 * Jobs with measured lines overlapping the days {@code from} to {@code to} (both
	 * included, UTC) of series at the given sites (of every series, with or without a
	 * site, when {@code sites} is null).
	 */
	public Set<UUID> measured(LocalDate from, LocalDate to, @Nullable Collection<UUID> sites) {
		return new LinkedHashSet<>(this.jdbc.sql("""
				select distinct m.job_id from measured_line m
				join measured_series s on s.id = m.series_id
				where m.period_start < (?::date + 1)::timestamptz and m.period_end > ?::timestamptz
				  and (?::boolean or s.site_id::text = any(?::text[]))""")
			.params(Date.valueOf(to), Date.valueOf(from), sites == null,
					(sites != null) ? sites.stream().map(UUID::toString).toArray(String[]::new) : new String[0])
			.query(UUID.class)
			.list());
	}

}
