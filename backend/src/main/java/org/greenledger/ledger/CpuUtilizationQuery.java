package org.greenledger.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The CPU utilization of cloud instances in a period, per instance, from the datapoints
 * of CPU utilization uploads ({@code cpu_utilization_sample}): mean, 95th percentile and
 * peak of the datapoints (their maxima where the file gives them), the hours they cover,
 * and the file rows they came from.
 */
@Service
public class CpuUtilizationQuery {

	/** How many datapoints an instance's evidence names. */
	static final int EVIDENCE = 20;

	private final JdbcClient jdbc;

	CpuUtilizationQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The instances with datapoints starting from {@code from} to {@code to} (UTC days).
	 */
	public List<InstanceUtilization> instances(LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("""
					select provider, account_id, region, instance_id, instance_type, count(*) as datapoints,
					       avg(percent) as mean, percentile_cont(0.95) within group (order by percent) as p95,
					       max(coalesce(maximum_percent, percent)) as peak, sum(period_seconds) / 3600.0 as hours, min(sample_start) as first,
					       max(sample_start) as last, string_agg(distinct statistic, ',') as statistics,
					       (array_agg(job_id::text || ':' || source_row order by sample_start))[1:%d] as rows
					from cpu_utilization_sample
					where sample_start >= ? and sample_start < ?
					group by provider, account_id, region, instance_id, instance_type
					order by instance_id"""
				.formatted(EVIDENCE))
			.params(java.sql.Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
					java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query((rs, n) -> new InstanceUtilization(rs.getString("provider"), rs.getString("account_id"),
					rs.getString("region"), rs.getString("instance_id"), rs.getString("instance_type"),
					rs.getLong("datapoints"), rs.getDouble("mean"), rs.getDouble("p95"), rs.getDouble("peak"),
					rs.getDouble("hours"), rs.getTimestamp("first").toInstant(), rs.getTimestamp("last").toInstant(),
					List.of(rs.getString("statistics").split(",")),
					Arrays.stream((String[]) rs.getArray("rows").getArray()).map(Datapoint::of).toList()))
			.list();
	}

	/**
	 * One instance's utilization in the period.
	 *
	 * @param accountId the account the upload named, or null
	 * @param datapoints how many datapoints
	 * @param meanPercent their mean
	 * @param p95Percent their 95th percentile (continuous)
	 * @param peakPercent their highest maximum (the statistic's value where the file
	 * gives no maximum)
	 * @param hours the hours the datapoints cover (each its period)
	 * @param statistics which CloudWatch statistics they are (Average, Maximum)
	 * @param evidence the first datapoints (by time): upload and row
	 */
	public record InstanceUtilization(String provider, @Nullable String accountId, String region, String instanceId,
			String instanceType, long datapoints, double meanPercent, double p95Percent, double peakPercent,
			double hours, Instant first, Instant last, List<String> statistics, List<Datapoint> evidence) {

		public InstanceUtilization {
			statistics = List.copyOf(statistics);
			evidence = List.copyOf(evidence);
		}

	}

	/** A datapoint's upload and row in the file. */
	public record Datapoint(UUID jobId, long row) {

		static Datapoint of(String text) {
			int colon = text.lastIndexOf(':');
			return new Datapoint(UUID.fromString(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
		}

	}

}
