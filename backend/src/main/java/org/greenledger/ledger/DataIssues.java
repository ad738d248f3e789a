package org.greenledger.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What keeps the footprint from being complete, as far as the ledger knows: billed rows
 * that became cost-only lines because their service is not mapped to usage or a factor is
 * missing. Cost-only lines that are expected (taxes, credits, purchases, usage already
 * counted by a commitment) are not issues. Files with rejected rows are the ingestion
 * module's ({@code UploadedFiles}).
 */
@Service
public class DataIssues {

	private static final String KIND = """
			case when d.cost_only_reason like '%not in the instance catalog%'
			       or d.cost_only_reason like 'no usage mapping%' and d.cost_only_reason not like '%no spend-based estimate%'
			     then 'UNMAPPED_SERVICE'
			     when d.cost_only_reason like '%no power data%' or d.cost_only_reason like '%no spend-based estimate%'
			     then 'MISSING_FACTOR' end""";

	private final JdbcClient jdbc;

	DataIssues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Cost-only lines of the months from {@code from} to {@code to} that are issues,
	 * summed per kind, reason, provider and service; ranked by what they matter: the
	 * largest billed cost first (431.52 USD of unmapped usage before 9,314 rows billed at
	 * 0.00), then the most rows (cost-only lines have no CO2e to rank by).
	 */
	public List<CostOnly> costOnly(LocalDate from, LocalDate to, LedgerFilter filter, int limit) {
		List<Object> params = new ArrayList<>(List.of(Date.valueOf(from.withDayOfMonth(1)), Date.valueOf(to)));
		String condition = filter.condition(params);
		params.add(limit);
		return this.jdbc.sql("""
				select * from (
				    select %s as kind, d.cost_only_reason, d.provider, d.service, sum(r.row_count) as rows,
				           sum(r.billed_cost) as cost, coalesce(d.currency, '') as currency
				    from footprint_rollup_month r
				    join activity_dimension d on d.id = r.dimension_id
				    where r.month >= ? and r.month <= ? and r.quality = 0 and d.cost_only_reason is not null and %s
				    group by 1, 2, 3, 4, 7) issues
				where kind is not null
				order by abs(cost) desc, rows desc, cost_only_reason limit ?""".formatted(KIND, condition))
			.params(params)
			.query((rs, row) -> new CostOnly(Kind.valueOf(rs.getString("kind")), rs.getString("cost_only_reason"),
					rs.getString("provider"), rs.getString("service"), rs.getLong("rows"), rs.getBigDecimal("cost"),
					rs.getString("currency")))
			.list();
	}

	/** Why billed rows have no footprint. */
	public enum Kind {

		/** The service or instance type is not mapped to usage. */
		UNMAPPED_SERVICE,

		/** A factor (power, spend) the calculation needs is missing. */
		MISSING_FACTOR

	}

	/** Cost-only lines of one reason, provider and service. */
	public record CostOnly(Kind kind, String reason, @Nullable String provider, @Nullable String service, long rows,
			BigDecimal billedCost, String currency) {
	}

}
