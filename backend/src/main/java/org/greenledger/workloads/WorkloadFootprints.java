package org.greenledger.workloads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sums what a workload's rules attribute to it: measured lines of matching series (each
 * series counted once, for the first rule that matches it) and cloud billing rows with a
 * matching tag (from the monthly sums per tag value), per month and phase.
 */
@Service
public class WorkloadFootprints {

	private static final String MEASURED = """
			with matched as (
			    select distinct on (s.id) s.id as series_id, r.phase
			    from workload_rule r
			    join measured_series s
			      on (s.labels || jsonb_build_object('source', s.source, 'metric', s.metric)) @> r.match
			    where r.workload_id = ? and r.source = 'MEASURED'
			    order by s.id, r.created_at)
			select to_char(l.period_start at time zone 'UTC', 'YYYY-MM') as month, m.phase,
			       sum(coalesce(l.it_kwh, 0)) as it_kwh, sum(coalesce(l.facility_kwh, 0)) as facility_kwh,
			       sum(coalesce(l.co2e_location_kg, 0)) as location_kg, sum(coalesce(l.co2e_market_kg, 0)) as market_kg,
			       sum(coalesce(l.co2e_embodied_kg, 0)) as embodied_kg, sum(coalesce(l.water_onsite_l, 0)) as onsite_l,
			       sum(coalesce(l.water_offsite_l, 0)) as offsite_l, sum(coalesce(l.accelerator_hours, 0)) as gpu_hours,
			       count(*) as lines, 0 as billed_rows
			from matched m join measured_line l on l.series_id = m.series_id
			where l.period_start >= ? and l.period_start < ?
			group by 1, 2""";

	private static final String CLOUD = """
			with rules as (
			    select distinct on (key, value) 'tag:' || key as attribute, value, phase
			    from workload_rule r, jsonb_each_text(r.match) as m(key, value)
			    where r.workload_id = ? and r.source = 'CLOUD_TAG'
			    order by key, value, r.created_at)
			select to_char(a.month, 'YYYY-MM') as month, rules.phase,
			       sum(a.it_kwh) as it_kwh, sum(a.facility_kwh) as facility_kwh, sum(a.co2e_location_kg) as location_kg,
			       sum(a.co2e_market_kg) as market_kg, sum(a.co2e_embodied_kg) as embodied_kg,
			       sum(a.water_onsite_l) as onsite_l, sum(a.water_offsite_l) as offsite_l, 0 as gpu_hours,
			       0 as lines, sum(a.row_count) as billed_rows
			from rules join footprint_rollup_attribute_month a on a.attribute = rules.attribute and a.value = rules.value
			where a.month >= ? and a.month < ?
			group by 1, 2""";

	private final JdbcClient jdbc;

	WorkloadFootprints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The footprint over whole months from {@code from} to {@code to} (both included).
	 */
	public WorkloadFootprint footprint(Workload workload, LocalDate from, LocalDate to) {
		LocalDate start = from.withDayOfMonth(1);
		LocalDate end = to.withDayOfMonth(1).plusMonths(1);
		Map<String, Map<Phase, WorkloadFootprint.Sums>> months = new TreeMap<>();
		for (WorkloadFootprint.Sums sums : sums(workload, start, end)) {
			months.computeIfAbsent(sums.month(), key -> new EnumMap<>(Phase.class))
				.merge(sums.phase(), sums, WorkloadFootprint.Sums::plus);
		}
		List<WorkloadFootprint.Sums> monthly = new ArrayList<>();
		Map<Phase, WorkloadFootprint.Sums> phases = new EnumMap<>(Phase.class);
		months.values().forEach(byPhase -> byPhase.values().forEach(sums -> {
			monthly.add(sums);
			phases.merge(sums.phase(), withMonth(sums, "all"), WorkloadFootprint.Sums::plus);
		}));
		List<WorkloadFootprint.Sci> sci = new ArrayList<>();
		for (Workload.Output output : workload.outputs()) {
			if (output.periodEnd().isBefore(start) || !output.periodStart().isBefore(end)) {
				continue;
			}
			sci.add(sci(workload, output));
		}
		return new WorkloadFootprint(workload, start, end.minusDays(1), monthly, List.copyOf(phases.values()), sci);
	}

	/**
	 * SCI of one output: measured lines within its days plus cloud rows of the months it
	 * covers entirely or partly, shared by days.
	 */
	private WorkloadFootprint.Sci sci(Workload workload, Workload.Output output) {
		LocalDate end = output.periodEnd().plusDays(1);
		List<WorkloadFootprint.Sums> sums = new ArrayList<>(
				query(MEASURED, workload, timestamp(output.periodStart()), timestamp(end)));
		for (WorkloadFootprint.Sums cloud : query(CLOUD, workload, output.periodStart().withDayOfMonth(1),
				end.minusDays(1).withDayOfMonth(1).plusMonths(1))) {
			LocalDate month = LocalDate.parse(cloud.month() + "-01");
			LocalDate monthEnd = month.plusMonths(1);
			LocalDate from = output.periodStart().isAfter(month) ? output.periodStart() : month;
			LocalDate to = end.isBefore(monthEnd) ? end : monthEnd;
			double share = (to.toEpochDay() - from.toEpochDay())
					/ (double) (monthEnd.toEpochDay() - month.toEpochDay());
			sums.add(new WorkloadFootprint.Sums(cloud.month(), cloud.phase(), 0, 0, cloud.co2eLocationKg() * share, 0,
					cloud.co2eEmbodiedKg() * share, 0, 0, 0, 0, 0));
		}
		boolean inference = sums.stream().anyMatch(each -> each.phase() == Phase.INFERENCE);
		double grams = sums.stream()
			.filter(each -> !inference || each.phase() == Phase.INFERENCE)
			.mapToDouble(each -> (each.co2eLocationKg() + each.co2eEmbodiedKg()) * 1000)
			.sum();
		double perUnit = grams / output.quantity();
		return new WorkloadFootprint.Sci(output, inference ? Phase.INFERENCE.name() : "ALL", grams, perUnit,
				perUnit * 1000);
	}

	/**
	 * What the rules attribute within the dates {@code from} to {@code to} (both
	 * included): measured lines starting on those days, cloud rows of the months wholly
	 * inside them; per month and phase, as lines and rows counted.
	 */
	List<String> attributed(Workload workload, LocalDate from, LocalDate to) {
		LocalDate end = to.plusDays(1);
		List<WorkloadFootprint.Sums> sums = new ArrayList<>(query(MEASURED, workload, timestamp(from), timestamp(end)));
		LocalDate firstMonth = (from.getDayOfMonth() == 1) ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate endMonth = end.withDayOfMonth(1);
		if (firstMonth.isBefore(endMonth)) {
			sums.addAll(query(CLOUD, workload, firstMonth, endMonth));
		}
		return sums.stream()
			.map(each -> each.month() + " " + each.phase() + " " + each.measuredLines() + " " + each.billedRows())
			.sorted()
			.toList();
	}

	private List<WorkloadFootprint.Sums> sums(Workload workload, LocalDate start, LocalDate end) {
		List<WorkloadFootprint.Sums> sums = new ArrayList<>(
				query(MEASURED, workload, timestamp(start), timestamp(end)));
		sums.addAll(query(CLOUD, workload, start, end));
		return sums;
	}

	private List<WorkloadFootprint.Sums> query(String sql, Workload workload, Object from, Object to) {
		return this.jdbc.sql(sql).params(workload.id(), from, to).query(WorkloadFootprints::sums).list();
	}

	private static Timestamp timestamp(LocalDate date) {
		return Timestamp.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	private static WorkloadFootprint.Sums withMonth(WorkloadFootprint.Sums sums, String month) {
		return new WorkloadFootprint.Sums(month, sums.phase(), sums.itKwh(), sums.facilityKwh(), sums.co2eLocationKg(),
				sums.co2eMarketKg(), sums.co2eEmbodiedKg(), sums.waterOnSiteLitres(), sums.waterOffSiteLitres(),
				sums.acceleratorHours(), sums.measuredLines(), sums.billedRows());
	}

	private static WorkloadFootprint.Sums sums(ResultSet rs, int row) throws SQLException {
		return new WorkloadFootprint.Sums(rs.getString("month"), Phase.valueOf(rs.getString("phase")),
				rs.getDouble("it_kwh"), rs.getDouble("facility_kwh"), rs.getDouble("location_kg"),
				rs.getDouble("market_kg"), rs.getDouble("embodied_kg"), rs.getDouble("onsite_l"),
				rs.getDouble("offsite_l"), rs.getDouble("gpu_hours"), rs.getLong("lines"), rs.getLong("billed_rows"));
	}

}
