package org.greenledger.ledger;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which months hold data, per source: the cloud bills' months per provider and account
 * (from the month sums of the activity lines) and the measured series' months per site
 * and meter (from the measured month sums). Pages offer these months as periods and show
 * the months without data as "no data" rather than as zero.
 */
@Service
public class DataCoverage {

	private final JdbcClient jdbc;

	DataCoverage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A source's months with data.
	 *
	 * @param kind {@code CLOUD} for billed usage, otherwise the measured source (METER,
	 * GREEN_BUTTON, CODECARBON, ...)
	 * @param provider the cloud provider (cloud sources only)
	 * @param account the billing account (cloud sources only)
	 * @param siteId the site of a measured series, when it belongs to one
	 * @param meterId the meter of a measured series, when it belongs to one
	 * @param months the months with at least one line, in order
	 */
	public record Source(String kind, @Nullable String provider, @Nullable String account, @Nullable UUID siteId,
			@Nullable UUID meterId, SortedSet<YearMonth> months) {

		public boolean covers(YearMonth month) {
			return this.months.contains(month);
		}

	}

	/**
	 * The sources of the org units in the scope (cloud lines of their units; measured
	 * series of every site, which the caller limits to the sites it may show).
	 * @param orgUnits the org units the cloud lines must belong to, or empty for all
	 */
	public List<Source> sources(java.util.Set<String> orgUnits) {
		Map<String, Source> sources = new LinkedHashMap<>();
		List<Object> params = new ArrayList<>();
		String condition = new LedgerFilter(null, null, null, null, null, orgUnits).condition(params);
		this.jdbc.sql("""
				select d.provider, d.account_id, to_char(r.month, 'YYYY-MM') as month
				from footprint_rollup_month r join activity_dimension d on d.id = r.dimension_id
				where r.row_count > 0 and %s
				group by 1, 2, 3 order by 1, 2, 3""".formatted(condition)).params(params).query((rs, row) -> {
			String provider = rs.getString(1);
			String account = rs.getString(2);
			add(sources, "CLOUD", provider, account, null, null, YearMonth.parse(rs.getString(3)));
			return row;
		}).list();
		this.jdbc.sql("""
				select s.source, s.site_id, s.meter_id, to_char(r.month at time zone 'UTC', 'YYYY-MM') as month
				from measured_rollup_month r join measured_series s on s.id = r.series_id
				where r.lines > 0
				group by 1, 2, 3, 4 order by 1, 2, 3, 4""").query((rs, row) -> {
			add(sources, rs.getString(1), null, null, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
					YearMonth.parse(rs.getString(4)));
			return row;
		}).list();
		return List.copyOf(sources.values());
	}

	/** Every month that holds a cloud line of the units or a measured line, in order. */
	public SortedSet<YearMonth> months(java.util.Set<String> orgUnits) {
		SortedSet<YearMonth> months = new TreeSet<>();
		sources(orgUnits).forEach(source -> months.addAll(source.months()));
		return months;
	}

	/** The months of a site's measured series that hold lines, in order. */
	public SortedSet<YearMonth> siteMonths(UUID siteId) {
		return new TreeSet<>(this.jdbc.sql("""
				select distinct to_char(r.month at time zone 'UTC', 'YYYY-MM')
				from measured_rollup_month r join measured_series s on s.id = r.series_id
				where s.site_id = ? and r.lines > 0""")
			.param(siteId)
			.query((rs, row) -> YearMonth.parse(rs.getString(1)))
			.list());
	}

	private static void add(Map<String, Source> sources, String kind, @Nullable String provider,
			@Nullable String account, @Nullable UUID site, @Nullable UUID meter, YearMonth month) {
		String key = kind + "|" + provider + "|" + account + "|" + site + "|" + meter;
		sources.computeIfAbsent(key, ignored -> new Source(kind, provider, account, site, meter, new TreeSet<>()))
			.months()
			.add(month);
	}

}
