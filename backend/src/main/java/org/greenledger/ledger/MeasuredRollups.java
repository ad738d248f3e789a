package org.greenledger.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code measured_rollup_month} in step with the measured lines: after an upload
 * (and the replacement of earlier lines it made, which only touches its own series) the
 * monthly sums of every series it holds are computed again from the lines, in the
 * upload's transaction, for the months its lines and the lines it replaced fall in (the
 * other months did not change, and may be locked by an approved reporting period).
 */
@Component
public class MeasuredRollups {

	private final JdbcClient jdbc;

	MeasuredRollups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void refresh(UUID job, List<MeasuredOverlaps.Replaced> replaced) {
		Timestamp replacedFrom = replaced.stream()
			.map(MeasuredOverlaps.Replaced::from)
			.min(Instant::compareTo)
			.map(Timestamp::from)
			.orElse(null);
		Timestamp replacedTo = replaced.stream()
			.map(MeasuredOverlaps.Replaced::to)
			.max(Instant::compareTo)
			.map(Timestamp::from)
			.orElse(null);
		String months = """
				with bounds as (
				    select date_trunc('month', least(min(period_start), ?::timestamptz), 'UTC') as first_month,
				           greatest(max(period_end), ?::timestamptz) as last_end
				    from measured_line where job_id = ?)""";
		this.jdbc.sql(months + """
				delete from measured_rollup_month r using bounds b
				where r.series_id in (select distinct series_id from measured_line where job_id = ?)
				  and r.month >= b.first_month and r.month < b.last_end""")
			.params(replacedFrom, replacedTo, job, job)
			.update();
		this.jdbc.sql(months + """
				insert into measured_rollup_month (series_id, month, job_id, lines, amount, seconds, location_kg,
				                                   hourly_amount)
				select l.series_id, g.m, l.job_id, count(*), sum(l.amount * x.share), sum(x.seconds),
				       sum(coalesce(l.co2e_location_kg, 0) * x.share),
				       sum(case when l.intensity_basis = 'HOURLY' then l.amount * x.share else 0 end)
				from measured_line l
				cross join bounds b
				cross join lateral generate_series(date_trunc('month', l.period_start, 'UTC'),
				                                   date_trunc('month', l.period_end - interval '1 microsecond', 'UTC'),
				                                   interval '1 month') g (m)
				cross join lateral (
				    select date_part('epoch', least(l.period_end, g.m + interval '1 month')
				                              - greatest(l.period_start, g.m)) as seconds,
				           date_part('epoch', least(l.period_end, g.m + interval '1 month')
				                              - greatest(l.period_start, g.m))
				               / date_part('epoch', l.period_end - l.period_start) as share) x
				where l.series_id in (select distinct series_id from measured_line where job_id = ?)
				  and l.period_end > l.period_start
				  and l.period_start < b.last_end and l.period_end > b.first_month
				  and g.m >= b.first_month and g.m < b.last_end
				group by l.series_id, g.m, l.job_id""").params(replacedFrom, replacedTo, job, job).update();
	}

}
