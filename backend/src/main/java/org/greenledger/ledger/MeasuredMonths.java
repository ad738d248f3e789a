package org.greenledger.ledger;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The monthly sums of a site's metered series ({@code measured_rollup_month}), per meter:
 * what a site's monthly figures (energy by meter role, PUE, WUE, Scope 1 and 2) are
 * computed from, a few dozen rows for a site-year rather than thousands of hourly lines.
 */
@Service
public class MeasuredMonths {

	private final JdbcClient jdbc;

	MeasuredMonths(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One meter's sums over one UTC month (a line across a month boundary is shared by
	 * time).
	 *
	 * @param amount in the meter's quantity's unit (kWh, L)
	 * @param hours the hours the meter's lines cover
	 * @param locationKg location-based CO2e stored with the lines
	 * @param hourlyAmount the part of the amount calculated with hourly grid intensities
	 */
	public record MeterMonth(YearMonth month, UUID meterId, double amount, double hours, double locationKg,
			double hourlyAmount) {
	}

	/**
	 * The sums of the site's series that belong to a meter, per month from {@code from}
	 * to {@code to} (both included) and meter.
	 */
	public List<MeterMonth> byMeter(UUID siteId, YearMonth from, YearMonth to) {
		Timestamp start = Timestamp.from(from.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		Timestamp end = Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		return this.jdbc.sql("""
				select to_char(r.month at time zone 'UTC', 'YYYY-MM') as month, s.meter_id,
				       sum(r.amount) as amount, sum(r.seconds) / 3600 as hours,
				       sum(r.location_kg) as location_kg, sum(r.hourly_amount) as hourly_amount
				from measured_rollup_month r
				join measured_series s on s.id = r.series_id
				where s.site_id = ? and s.meter_id is not null and r.month >= ? and r.month < ?
				group by 1, 2 order by 1, 2""")
			.params(siteId, start, end)
			.query((rs, row) -> new MeterMonth(YearMonth.parse(rs.getString("month")),
					rs.getObject("meter_id", UUID.class), rs.getDouble("amount"), rs.getDouble("hours"),
					rs.getDouble("location_kg"), rs.getDouble("hourly_amount")))
			.list();
	}

}
