package org.greenledger.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sums of the ledger selected by label and tag selectors, per month and group: measured
 * lines of the series whose labels (with {@code source} and {@code metric}) contain a
 * selector's match, each series counted once for the first selector that matches it; and
 * billing rows carrying a selected tag, from the monthly sums per tag value, each tag
 * value counted once for the first selector that names it. What an AI workload's rules
 * attribute to it is computed this way.
 */
@Service
public class SelectedSums {

	private static final String SELECTORS = """
			selectors as (
			    select e.value ->> 'group' as grp, e.value -> 'match' as match, e.position
			    from jsonb_array_elements(?::jsonb) with ordinality as e(value, position))""";

	private static final String MEASURED = """
			with %s,
			matched as (
			    select distinct on (s.id) s.id as series_id, r.grp
			    from selectors r
			    join measured_series s
			      on (s.labels || jsonb_build_object('source', s.source, 'metric', s.metric)) @> r.match
			    order by s.id, r.position)
			select to_char(l.period_start at time zone 'UTC', 'YYYY-MM') as month, m.grp,
			       sum(coalesce(l.it_kwh, 0)) as it_kwh, sum(coalesce(l.facility_kwh, 0)) as facility_kwh,
			       sum(coalesce(l.co2e_location_kg, 0)) as location_kg, sum(coalesce(l.co2e_market_kg, 0)) as market_kg,
			       sum(coalesce(l.co2e_embodied_kg, 0)) as embodied_kg, sum(coalesce(l.water_onsite_l, 0)) as onsite_l,
			       sum(coalesce(l.water_offsite_l, 0)) as offsite_l, sum(coalesce(l.accelerator_hours, 0)) as gpu_hours,
			       count(*) as lines, 0 as billed_rows
			from matched m join measured_line l on l.series_id = m.series_id
			where l.period_start >= ? and l.period_start < ?
			group by 1, 2""".formatted(SELECTORS);

	private static final String TAGGED = """
			with %s,
			tags as (
			    select distinct on (key, value) 'tag:' || key as attribute, value, grp
			    from selectors r, jsonb_each_text(r.match) as m(key, value)
			    order by key, value, r.position)
			select to_char(a.month, 'YYYY-MM') as month, tags.grp,
			       sum(a.it_kwh) as it_kwh, sum(a.facility_kwh) as facility_kwh, sum(a.co2e_location_kg) as location_kg,
			       sum(a.co2e_market_kg) as market_kg, sum(a.co2e_embodied_kg) as embodied_kg,
			       sum(a.water_onsite_l) as onsite_l, sum(a.water_offsite_l) as offsite_l, 0 as gpu_hours,
			       0 as lines, sum(a.row_count) as billed_rows
			from tags join footprint_rollup_attribute_month a on a.attribute = tags.attribute and a.value = tags.value
			where a.month >= ? and a.month < ?
			group by 1, 2""".formatted(SELECTORS);

	private static final String HOURLY = """
			with %s,
			matched as (
			    select distinct on (s.id) s.id as series_id, r.grp
			    from selectors r
			    join measured_series s
			      on (s.labels || jsonb_build_object('source', s.source, 'metric', s.metric)) @> r.match
			    where s.quantity = 'ENERGY'
			    order by s.id, r.position)
			select date_trunc('hour', l.period_start at time zone 'UTC') as hour, m.grp,
			       coalesce((select f ->> 'key' from calculation_lineage c, jsonb_array_elements(c.lines) u,
			                        jsonb_array_elements(u -> 'factors') f
			                 where c.id = l.lineage_id and f ->> 'kind' = 'GRID_INTENSITY' limit 1), '') as zone,
			       sum(coalesce(l.facility_kwh, 0)) as facility_kwh, sum(coalesce(l.co2e_location_kg, 0)) as location_kg,
			       count(*) as lines
			from matched m join measured_line l on l.series_id = m.series_id
			where l.period_start >= ? and l.period_start < ? and l.period_end - l.period_start <= interval '1 hour'
			  and date_trunc('hour', l.period_start) = date_trunc('hour', l.period_end - interval '1 microsecond')
			group by 1, 2, 3
			order by 1, 2, 3"""
		.formatted(SELECTORS);

	private final JdbcClient jdbc;

	SelectedSums(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A selector: the group its sums are reported under, and the labels (or tags) a
	 * series (or a billing row) must carry.
	 */
	public record Selector(String group, Map<String, String> match) {
	}

	/**
	 * One month's and group's sums: impacts, GPU-hours, and the measured lines or billing
	 * rows counted.
	 *
	 * @param month {@code YYYY-MM} (UTC)
	 */
	public record Sums(String month, String group, double itKwh, double facilityKwh, double co2eLocationKg,
			double co2eMarketKg, double co2eEmbodiedKg, double waterOnSiteLitres, double waterOffSiteLitres,
			double acceleratorHours, long measuredLines, long billedRows) {
	}

	/**
	 * Measured lines starting from {@code from} (included) to {@code to} (excluded) of
	 * the series the selectors (in order of precedence) match.
	 */
	public List<Sums> measured(List<Selector> selectors, Instant from, Instant to) {
		if (selectors.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(MEASURED)
			.params(json(selectors), Timestamp.from(from), Timestamp.from(to))
			.query(SelectedSums::sums)
			.list();
	}

	/**
	 * Billing rows of the months from {@code fromMonth} (included) to {@code toMonth}
	 * (excluded; both first days of months) carrying a tag the selectors (in order of
	 * precedence) name.
	 */
	public List<Sums> tagged(List<Selector> selectors, LocalDate fromMonth, LocalDate toMonth) {
		if (selectors.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(TAGGED)
			.params(json(selectors), Date.valueOf(fromMonth), Date.valueOf(toMonth))
			.query(SelectedSums::sums)
			.list();
	}

	/**
	 * One clock hour's measured energy of a group, in one grid zone.
	 *
	 * @param hour the hour's start (UTC)
	 * @param zone the grid zone of the intensity the lines were calculated with (the key
	 * of their GRID_INTENSITY factor), or empty when they have none
	 */
	public record Hour(Instant hour, String group, String zone, double facilityKwh, double co2eLocationKg, long lines) {
	}

	/**
	 * Measured energy lines within one clock hour each (telemetry and meter lines, not
	 * CodeCarbon runs or longer intervals) starting from {@code from} (included) to
	 * {@code to} (excluded) of the series the selectors match, per hour, group and grid
	 * zone, in time order.
	 */
	public List<Hour> hourly(List<Selector> selectors, Instant from, Instant to) {
		if (selectors.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(HOURLY)
			.params(json(selectors), Timestamp.from(from), Timestamp.from(to))
			.query((rs, row) -> new Hour(
					rs.getObject("hour", java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC),
					rs.getString("grp"), rs.getString("zone"), rs.getDouble("facility_kwh"),
					rs.getDouble("location_kg"), rs.getLong("lines")))
			.list();
	}

	private static String json(List<Selector> selectors) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Selector selector : selectors) {
			Map<String, Object> each = new LinkedHashMap<>();
			each.put("group", selector.group());
			each.put("match", selector.match());
			list.add(each);
		}
		return LedgerJson.MAPPER.writeValueAsString(list);
	}

	private static Sums sums(ResultSet rs, int row) throws SQLException {
		return new Sums(rs.getString("month"), rs.getString("grp"), rs.getDouble("it_kwh"),
				rs.getDouble("facility_kwh"), rs.getDouble("location_kg"), rs.getDouble("market_kg"),
				rs.getDouble("embodied_kg"), rs.getDouble("onsite_l"), rs.getDouble("offsite_l"),
				rs.getDouble("gpu_hours"), rs.getLong("lines"), rs.getLong("billed_rows"));
	}

}
