package org.greenledger.providercarbon;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.IngestionJob;
import org.greenledger.ingestion.IngestionJobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The provider-reported lines behind one group of a reconciliation, each with the file
 * and row it was read from (the drill-down to the provider's side).
 */
@Component
public class ProviderLines {

	private static final Map<String, String> COLUMNS = Map.of("month", "to_char(month, 'YYYY-MM')", "account",
			"account", "service", "service", "region", "region");

	private final JdbcClient jdbc;

	private final IngestionJobs jobs;

	ProviderLines(JdbcClient jdbc, IngestionJobs jobs) {
		this.jdbc = jdbc;
		this.jobs = jobs;
	}

	/**
	 * One figure of a provider's row, with its source.
	 *
	 * @param jobId the ingestion job that read it
	 * @param fileName the file's name as uploaded
	 * @param row the 1-based row or record number in the file
	 */
	public record Line(UUID jobId, String fileName, long row, String format, YearMonth month, @Nullable String account,
			@Nullable String service, @Nullable String region, String scope, Basis basis, BigDecimal kgCo2e,
			@Nullable String modelVersion) {
	}

	/** The lines of a group and whether more exist than {@code limit}. */
	public record Lines(List<Line> lines, boolean more) {
	}

	/**
	 * The provider's lines of the months from {@code first} to {@code last} whose
	 * {@code groupBy} attribute is {@code key} ({@link ProviderCarbonQuery#NONE} for
	 * none; every line of the provider for the grouping {@code provider}), in file and
	 * row order.
	 */
	public Lines lines(Provider provider, LocalDate first, LocalDate last, String groupBy, String key, int limit) {
		List<Object> params = new ArrayList<>(
				List.of(provider.label(), Date.valueOf(first.withDayOfMonth(1)), Date.valueOf(last)));
		String condition = "";
		String column = COLUMNS.get(groupBy);
		if (column != null) {
			if (ProviderCarbonQuery.NONE.equals(key)) {
				condition = " and " + column + " is null";
			}
			else {
				condition = " and " + column + " = ?";
				params.add(key);
			}
		}
		else if (!groupBy.equals("provider")) {
			throw new IllegalArgumentException("Unknown grouping " + groupBy);
		}
		params.add(limit + 1);
		record Row(UUID job, long row, String format, YearMonth month, @Nullable String account,
				@Nullable String service, @Nullable String region, String scope, Basis basis, BigDecimal kg,
				@Nullable String version) {
		}
		List<Row> rows = this.jdbc.sql("""
				select job_id, row_number, format, month, account, service, region, scope, basis, kg_co2e, model_version
				from provider_carbon_line
				where provider = ? and month >= ? and month <= ?%s
				order by job_id, row_number, scope, basis limit ?""".formatted(condition))
			.params(params)
			.query((rs, row) -> new Row(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
					YearMonth.from(rs.getDate(4).toLocalDate()), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8), Basis.valueOf(rs.getString(9)), rs.getBigDecimal(10), rs.getString(11)))
			.list();
		Map<UUID, String> names = new HashMap<>();
		for (UUID job : Set.copyOf(rows.stream().map(Row::job).toList())) {
			names.put(job, this.jobs.find(job).map(IngestionJob::fileName).orElse("(job " + job + ")"));
		}
		List<Line> lines = rows.stream()
			.limit(limit)
			.map(row -> new Line(row.job(), names.get(row.job()), row.row(), row.format(), row.month(), row.account(),
					row.service(), row.region(), row.scope(), row.basis(), row.kg(), row.version()))
			.toList();
		return new Lines(lines, rows.size() > limit);
	}

}
