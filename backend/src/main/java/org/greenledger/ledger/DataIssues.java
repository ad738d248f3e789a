package org.greenledger.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.ServiceKeys;

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

	/** Example source rows shown per group. */
	static final int EXAMPLES = 3;

	private final JdbcClient jdbc;

	DataIssues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Cost-only lines of the months from {@code from} to {@code to} that are issues, one
	 * group per kind, provider, service and what the rows are about (the billed unit of a
	 * service without a usage mapping, or the instance type, provider or region), with
	 * its rows, billed cost, months and a few example source rows; ranked by what they
	 * matter: the largest billed cost first (431.52 USD of unmapped usage before 9,314
	 * rows billed at 0.00), then the most rows (cost-only lines have no CO2e to rank by).
	 */
	public List<Group> groups(LocalDate from, LocalDate to, LedgerFilter filter, int limit) {
		List<Object> params = new ArrayList<>(List.of(Date.valueOf(from.withDayOfMonth(1)), Date.valueOf(to)));
		String condition = filter.condition(params);
		Map<List<Object>, Builder> groups = new LinkedHashMap<>();
		this.jdbc.sql("""
				select * from (
				    select %s as kind, d.id, d.cost_only_reason, d.provider, d.service, r.month, r.job_id,
				           coalesce(d.currency, '') as currency, r.row_count, r.billed_cost
				    from footprint_rollup_month r
				    join activity_dimension d on d.id = r.dimension_id
				    where r.month >= ? and r.month <= ? and r.quality = 0 and d.cost_only_reason is not null
				      and %s) issues
				where kind is not null""".formatted(KIND, condition)).params(params).query(rs -> {
			Kind kind = Kind.valueOf(rs.getString("kind"));
			CostOnlyReason reason = CostOnlyReason.of(rs.getString("cost_only_reason"));
			String provider = rs.getString("provider");
			String service = rs.getString("service");
			String currency = rs.getString("currency");
			List<Object> key = java.util.Arrays.asList(kind, provider, service, reason.unit(), reason.subject(),
					currency);
			Builder group = groups.computeIfAbsent(key, k -> new Builder(kind, provider, service, reason, currency));
			group.rows += rs.getLong("row_count");
			group.cost = group.cost.add(rs.getBigDecimal("billed_cost"));
			group.months.add(YearMonth.from(rs.getDate("month").toLocalDate()));
			group.dimensions.add(rs.getLong("id"));
			group.jobs.add(rs.getObject("job_id", UUID.class));
		});
		List<Builder> ranked = groups.values()
			.stream()
			.sorted(Comparator.comparing((Builder each) -> each.cost.abs())
				.reversed()
				.thenComparing(Comparator.comparingLong((Builder each) -> each.rows).reversed())
				.thenComparing(each -> each.reason.explanation()))
			.limit(limit)
			.toList();
		LocalDate end = to.plusDays(1);
		return ranked.stream().map(each -> each.build(examples(each, from.withDayOfMonth(1), end))).toList();
	}

	/**
	 * A few of the group's source rows (upload and row), the first rows of its uploads.
	 */
	private List<SourceRow> examples(Builder group, LocalDate from, LocalDate end) {
		return this.jdbc.sql("""
				select job_id, source_row from activity_line
				where job_id = any(?) and dimension_id = any(?) and period_start >= ? and period_start < ?
				limit ?""")
			.params(group.jobs.toArray(UUID[]::new), group.dimensions.toArray(Long[]::new), Date.valueOf(from),
					Date.valueOf(end), EXAMPLES)
			.query((rs, row) -> new SourceRow(rs.getObject("job_id", UUID.class), rs.getLong("source_row")))
			.list()
			.stream()
			.sorted(Comparator.comparing(SourceRow::job).thenComparingLong(SourceRow::row))
			.toList();
	}

	/** Why billed rows have no footprint. */
	public enum Kind {

		/** The service or instance type is not mapped to usage. */
		UNMAPPED_SERVICE,

		/** A factor (power, spend) the calculation needs is missing. */
		MISSING_FACTOR

	}

	/** A row of an upload. */
	public record SourceRow(UUID job, long row) {
	}

	/**
	 * Billed rows without a footprint of one kind, provider, service and unit (or
	 * instance type, provider or region).
	 *
	 * @param unit the billed unit of a service without a usage mapping, or null
	 * @param subject the instance type, provider or region the issue is about, or null
	 * @param explanation why the rows have no footprint, in the user's words
	 * @param months the months the rows fall in
	 * @param examples a few of the rows
	 * @param serviceFactor whether an energy factor per unit of the service (in a factor
	 * set) would give the rows a footprint: the service and unit are known
	 */
	public record Group(Kind kind, @Nullable String provider, @Nullable String service, @Nullable String unit,
			@Nullable String subject, String explanation, long rows, BigDecimal billedCost, String currency,
			List<YearMonth> months, List<SourceRow> examples, boolean serviceFactor) {
	}

	private static final class Builder {

		final Kind kind;

		final @Nullable String provider;

		final @Nullable String service;

		final CostOnlyReason reason;

		final String currency;

		long rows;

		BigDecimal cost = BigDecimal.ZERO;

		final Set<YearMonth> months = new java.util.TreeSet<>();

		final Set<Long> dimensions = new LinkedHashSet<>();

		final Set<UUID> jobs = new LinkedHashSet<>();

		Builder(Kind kind, @Nullable String provider, @Nullable String service, CostOnlyReason reason,
				String currency) {
			this.kind = kind;
			this.provider = provider;
			this.service = service;
			this.reason = reason;
			this.currency = currency;
		}

		Group build(List<SourceRow> examples) {
			boolean serviceFactor = this.reason.unit() != null
					&& ServiceKeys.of(this.provider, this.reason.unit(), this.service) != null;
			return new Group(this.kind, this.provider, this.service, this.reason.unit(), this.reason.subject(),
					this.reason.explanation(), this.rows, this.cost, this.currency, List.copyOf(this.months), examples,
					serviceFactor);
		}

	}

}
