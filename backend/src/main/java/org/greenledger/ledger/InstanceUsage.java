package org.greenledger.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ledger's billed usage of one cloud instance type in an account and region: the
 * activity lines whose calculation used the host server of that type (the embodied factor
 * {@code HOST:<provider>:<type>} of their lineage, which every vCPU line of a catalogued
 * instance type carries). The ledger keeps no resource ids, so an instance is matched to
 * its bill by type, account and region (docs/methodology.md).
 */
@Service
public class InstanceUsage {

	private final JdbcClient jdbc;

	InstanceUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The usage of an instance type from {@code from} to {@code to} (UTC days, by the
	 * lines' period start), per account and currency.
	 * @param accountId the account, or null for every account of the region
	 */
	public List<Billed> of(LocalDate from, LocalDate to, String provider, String region, @Nullable String accountId,
			String instanceType) {
		String lineage = "[{\"factors\":[{\"kind\":\"EMBODIED\",\"key\":\"HOST:" + provider + ":" + instanceType
				+ "\"}]}]";
		java.sql.Timestamp start = java.sql.Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
		java.sql.Timestamp end = java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		return this.jdbc
			.sql("""
					select d.account_id, d.currency, count(*) as lines, sum(coalesce(l.vcpu_hours, 0)) as vcpu_hours,
					       sum(coalesce(l.memory_gb_hours, 0)) as memory_gb_hours, sum(l.billed_cost) as billed_cost,
					       sum(coalesce(l.facility_kwh, 0)) as facility_kwh, sum(coalesce(l.co2e_location_kg, 0)) as location_kg,
					       sum(coalesce(l.co2e_market_kg, 0)) as market_kg, sum(coalesce(l.co2e_embodied_kg, 0)) as embodied_kg,
					       (array_agg(l.job_id::text || ':' || l.source_row order by l.period_start, l.source_row))[1:20] as rows
					from activity_line l
					join activity_dimension d on d.id = l.dimension_id
					join calculation_lineage c on c.id = l.lineage_id
					where l.period_start >= ? and l.period_start < ? and d.provider = ? and d.region = ?
					  and (cast(? as text) is null or d.account_id = ?) and c.lines @> cast(? as jsonb)
					group by d.account_id, d.currency
					order by d.account_id, d.currency""")
			.params(start, end, provider, region, accountId, accountId, lineage)
			.query((rs, n) -> new Billed(rs.getString("account_id"), rs.getString("currency"), rs.getLong("lines"),
					rs.getDouble("vcpu_hours"), rs.getDouble("memory_gb_hours"), rs.getBigDecimal("billed_cost"),
					rs.getDouble("facility_kwh"), rs.getDouble("location_kg"), rs.getDouble("market_kg"),
					rs.getDouble("embodied_kg"),
					java.util.Arrays.stream((String[]) rs.getArray("rows").getArray()).map(Line::of).toList()))
			.list();
	}

	/**
	 * Billed usage of an instance type in one account and currency.
	 *
	 * @param lines how many activity lines
	 * @param vcpuHours their vCPU-hours (instance-hours x vCPUs)
	 * @param billedCost their billed cost in {@code currency}
	 * @param firstLines the first lines (by period), for the evidence
	 */
	public record Billed(@Nullable String accountId, @Nullable String currency, long lines, double vcpuHours,
			double memoryGbHours, BigDecimal billedCost, double facilityKwh, double locationKg, double marketKg,
			double embodiedKg, List<Line> firstLines) {

		public Billed {
			firstLines = List.copyOf(firstLines);
		}

	}

	/** An activity line: upload and row. */
	public record Line(UUID jobId, long row) {

		static Line of(String text) {
			int colon = text.lastIndexOf(':');
			return new Line(UUID.fromString(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
		}

	}

}
