package org.greenledger.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The activity lines behind a figure, a page at a time, and one line with its lineage:
 * the source file and row, the usage and the factors (with dataset and version) it was
 * calculated with.
 * <p>
 * Lines are stored in one partition per ingestion job without indexes (loads stay fast),
 * so a page first reads from the monthly sums which jobs hold lines of the selected
 * attribute combinations, then reads only those jobs' partitions, in upload order and row
 * order.
 */
@Service
public class ActivityLines {

	private static final String COLUMNS = """
			l.job_id, l.source_row, l.period_start, l.period_end, l.dimension_id, l.tags_id, l.lineage_id, l.quality,
			l.vcpu_hours, l.memory_gb_hours, l.accelerator_hours, l.storage_tb_hours, l.network_gb, l.energy_kwh,
			l.it_kwh, l.facility_kwh, l.co2e_location_kg, l.co2e_market_kg, l.co2e_embodied_kg, l.water_onsite_l,
			l.water_offsite_l, l.billed_cost""";

	private final JdbcClient jdbc;

	private final SourceFiles files;

	ActivityLines(JdbcClient jdbc, SourceFiles files) {
		this.jdbc = jdbc;
		this.files = files;
	}

	/**
	 * Up to {@code size} lines whose period starts from {@code from} to {@code to} (UTC,
	 * inclusive) and that the filter selects, after {@code after} (null for the first
	 * page), in file order.
	 */
	public Page page(LocalDate from, LocalDate to, LedgerFilter filter, @Nullable Position after, int size) {
		return page(from, to, filter, LineSelection.ALL, after, size);
	}

	/**
	 * Up to {@code size} lines whose period starts from {@code from} to {@code to} (UTC,
	 * inclusive) and that the filter and the selection select, in the selection's order,
	 * after {@code after} (null for the first page; a position of another order starts
	 * again from the first).
	 */
	public Page page(LocalDate from, LocalDate to, LedgerFilter filter, LineSelection selection,
			@Nullable Position after, int size) {
		List<Object> params = new ArrayList<>(List.of(Date.valueOf(from.withDayOfMonth(1)), Date.valueOf(to)));
		String condition = filter.condition(params);
		Map<UUID, Long[]> dimensions = new HashMap<>();
		this.jdbc.sql("""
				select r.job_id, array_agg(distinct r.dimension_id) dimensions
				from footprint_rollup_month r
				join activity_dimension d on d.id = r.dimension_id
				where r.month >= ? and r.month <= ? and %s and %s
				group by r.job_id""".formatted(condition, selection.sumCondition())).params(params).query(rs -> {
			dimensions.put(rs.getObject(1, UUID.class), (Long[]) rs.getArray(2).getArray());
		});
		// in upload order (a UUID's text sorts as PostgreSQL sorts the UUID)
		Map<UUID, SourceFiles.SourceFile> files = this.files.of(dimensions.keySet());
		Map<UUID, Long[]> jobs = new LinkedHashMap<>();
		dimensions.keySet()
			.stream()
			.filter(files::containsKey)
			.sorted(Comparator.comparing((UUID job) -> files.get(job).uploadedAt()).thenComparing(UUID::toString))
			.forEach(job -> jobs.put(job, dimensions.get(job)));
		Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		if (selection.order() != LineSelection.Order.FILE) {
			boolean sameOrder = after != null && after.key() != null && selection.order().accepts(after.key());
			return sorted(jobs, files, start, end, selection, sameOrder ? after : null, size);
		}
		if (after != null && after.key() != null) {
			after = null;
		}
		List<Line> lines = new ArrayList<>();
		boolean reached = (after == null);
		for (Map.Entry<UUID, Long[]> job : jobs.entrySet()) {
			if (!reached) {
				reached = job.getKey().equals(after.jobId());
				if (!reached) {
					continue;
				}
			}
			long afterRow = (after != null && job.getKey().equals(after.jobId())) ? after.row() : Long.MIN_VALUE;
			// every value is written into the statement (all are numbers, a UUID and
			// instants), so that each page is planned for its own partition, rows and
			// limit rather than with a generic plan
			String fileName = files.get(job.getKey()).name();
			lines.addAll(this.jdbc.sql("""
					select l.*, d.*
					from (select %s from activity_line l
					      where l.job_id = '%s' and l.dimension_id = any('{%s}'::bigint[])
					        and l.period_start >= '%s'::timestamptz and l.period_start < '%s'::timestamptz
					        and l.source_row > %d and %s
					      order by l.source_row limit %d) l
					join activity_dimension d on d.id = l.dimension_id
					order by l.source_row""".formatted(COLUMNS, job.getKey(), ids(job.getValue()), start.toInstant(),
					end.toInstant(), afterRow, selection.lineCondition(), size + 1 - lines.size()))
				.query((rs, n) -> line(rs, fileName))
				.list());
			if (lines.size() > size) {
				break;
			}
		}
		if (lines.size() > size) {
			Line last = lines.get(size - 1);
			return new Page(List.copyOf(lines.subList(0, size)), new Position(last.jobId(), last.row()));
		}
		return new Page(lines, null);
	}

	/**
	 * A page in a sorted order: one statement over the jobs' partitions, sorted by the
	 * order's key, then job and row, continuing after the position's key, job and row.
	 */
	private Page sorted(Map<UUID, Long[]> jobs, Map<UUID, SourceFiles.SourceFile> files, Timestamp start, Timestamp end,
			LineSelection selection, @Nullable Position after, int size) {
		if (jobs.isEmpty()) {
			return new Page(List.of(), null);
		}
		LineSelection.Order order = selection.order();
		String key = order.key();
		List<Object> params = new ArrayList<>();
		params.add(jobs.keySet().stream().map(UUID::toString).toArray(String[]::new));
		params.add(jobs.values().stream().flatMap(java.util.Arrays::stream).distinct().toArray(Long[]::new));
		params.add(start);
		params.add(end);
		String keyset = "";
		if (after != null) {
			keyset = " and (%s, l.job_id, l.source_row) %s (?::%s, ?::uuid, ?)".formatted(key,
					order.descending() ? "<" : ">", order.cast());
			params.add(after.key());
			params.add(after.jobId().toString());
			params.add(after.row());
		}
		params.add(size + 1);
		List<Line> lines = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		this.jdbc
			.sql("""
					select l.*, d.*
					from (select %s, %s sort_key, %s sort_text from activity_line l
					      where l.job_id = any(?::uuid[]) and l.dimension_id = any(?::bigint[])
					        and l.period_start >= ? and l.period_start < ? and %s%s
					      order by %s limit ?) l
					join activity_dimension d on d.id = l.dimension_id
					order by %s""".formatted(COLUMNS, key, order.text(), selection.lineCondition(), keyset,
					order.orderBy(), order.orderBy()))
			.params(params)
			.query(rs -> {
				UUID job = rs.getObject("job_id", UUID.class);
				lines.add(line(rs, files.get(job).name()));
				keys.add(rs.getString("sort_text"));
			});
		if (lines.size() > size) {
			Line last = lines.get(size - 1);
			return new Page(List.copyOf(lines.subList(0, size)),
					new Position(last.jobId(), last.row(), keys.get(size - 1)));
		}
		return new Page(lines, null);
	}

	private static String ids(Long[] ids) {
		return java.util.Arrays.stream(ids).map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
	}

	/** The line of a job's source row, with its tags and its calculation's lineage. */
	public Optional<Detail> line(UUID jobId, long row) {
		SourceFiles.SourceFile file = this.files.of(List.of(jobId)).get(jobId);
		if (file == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select %s, d.*, t.tags::text tags, c.method_version, c.lines::text lineage
				from activity_line l
				join activity_dimension d on d.id = l.dimension_id
				left join activity_tags t on t.id = l.tags_id
				left join calculation_lineage c on c.id = l.lineage_id
				where l.job_id = '%s' and l.source_row = ?""".formatted(COLUMNS, jobId))
			.params(row)
			.query((rs, n) -> detail(rs, file))
			.optional();
	}

	private static Detail detail(ResultSet rs, SourceFiles.SourceFile file) throws SQLException {
		String tags = rs.getString("tags");
		String lineage = rs.getString("lineage");
		return new Detail(line(rs, file.name()), file.sha256(), file.format(), file.uploadedBy(), file.uploadedAt(),
				(tags != null) ? LedgerJson.MAPPER.readValue(tags, new TypeReference<Map<String, String>>() {
				}) : Map.of(), usage(rs), rs.getString("method_version"),
				(lineage != null) ? calculations(lineage) : List.of());
	}

	private static Line line(ResultSet rs, String fileName) throws SQLException {
		int quality = rs.getInt("quality");
		Integer tier = rs.wasNull() ? null : quality;
		return new Line(rs.getObject("job_id", UUID.class), fileName, rs.getLong("source_row"),
				rs.getTimestamp("period_start").toInstant(), rs.getTimestamp("period_end").toInstant(),
				rs.getString("provider"), rs.getString("account_id"), rs.getString("region"), rs.getString("service"),
				rs.getString("charge_category"), rs.getString("org_unit"), rs.getString("scope"),
				rs.getString("cost_only_reason"), tier, number(rs, "facility_kwh"), number(rs, "co2e_location_kg"),
				number(rs, "co2e_market_kg"), number(rs, "co2e_embodied_kg"), number(rs, "water_onsite_l"),
				number(rs, "water_offsite_l"), rs.getBigDecimal("billed_cost"), rs.getString("currency"));
	}

	private static Map<String, Double> usage(ResultSet rs) throws SQLException {
		Map<String, Double> usage = new LinkedHashMap<>();
		for (String column : List.of("vcpu_hours", "memory_gb_hours", "accelerator_hours", "storage_tb_hours",
				"network_gb", "energy_kwh", "it_kwh", "facility_kwh")) {
			Double value = number(rs, column);
			if (value != null) {
				usage.put(column, value);
			}
		}
		return usage;
	}

	private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	static List<Calculation> calculations(String lineageJson) {
		List<Map<String, Object>> lines = LedgerJson.MAPPER.readValue(lineageJson,
				new TypeReference<List<Map<String, Object>>>() {
				});
		List<Calculation> calculations = new ArrayList<>();
		for (Map<String, Object> line : lines) {
			List<Map<String, Object>> factors = new ArrayList<>();
			if (line.get("factors") instanceof List<?> list) {
				for (Object factor : list) {
					if (factor instanceof Map<?, ?> map) {
						Map<String, Object> copy = new LinkedHashMap<>();
						map.forEach((key, value) -> copy.put(String.valueOf(key), value));
						factors.add(copy);
					}
				}
			}
			Object source = line.get("source");
			calculations.add(new Calculation(String.valueOf(line.get("usage")), String.valueOf(line.get("unit")),
					factors, (source != null) ? String.valueOf(source) : null));
		}
		return calculations;
	}

	/**
	 * Where a page ends: the job and the source row of its last line, and in a sorted
	 * order its sort key (as text).
	 */
	public record Position(UUID jobId, long row, @Nullable String key) {

		public Position(UUID jobId, long row) {
			this(jobId, row, null);
		}

		/**
		 * {@code <job>:<row>} or {@code <job>:<row>:<key>}, as {@link #toString()} writes
		 * it; empty for bad text.
		 */
		public static Optional<Position> parse(@Nullable String text) {
			if (text == null) {
				return Optional.empty();
			}
			String[] parts = text.split(":", 3);
			if (parts.length < 2) {
				return Optional.empty();
			}
			try {
				return Optional.of(new Position(UUID.fromString(parts[0]), Long.parseLong(parts[1]),
						(parts.length == 3) ? parts[2] : null));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}

		@Override
		public String toString() {
			return this.jobId + ":" + this.row + ((this.key != null) ? ":" + this.key : "");
		}

	}

	/** A page of lines; {@code next} is null on the last page. */
	public record Page(List<Line> lines, @Nullable Position next) {
	}

	/**
	 * An activity line: its source, attributes and impacts (null for a cost-only line).
	 */
	public record Line(UUID jobId, String fileName, long row, Instant periodStart, Instant periodEnd,
			@Nullable String provider, @Nullable String account, @Nullable String region, @Nullable String service,
			String chargeCategory, @Nullable String orgUnit, @Nullable String scope, @Nullable String costOnlyReason,
			@Nullable Integer qualityTier, @Nullable Double facilityKwh, @Nullable Double co2eLocationKg,
			@Nullable Double co2eMarketKg, @Nullable Double co2eEmbodiedKg, @Nullable Double waterOnSiteLitres,
			@Nullable Double waterOffSiteLitres, BigDecimal billedCost, @Nullable String currency) {
	}

	/**
	 * A line with its source file's hash and format, who uploaded it, its tags, the usage
	 * quantities, and the calculation: method version and, per usage, the factors.
	 */
	public record Detail(Line line, String sha256, @Nullable String format, String uploadedBy, Instant uploadedAt,
			Map<String, String> tags, Map<String, Double> usage, @Nullable String methodVersion,
			List<Calculation> calculations) {
	}

	/**
	 * One usage of a line (e.g. vCPU hours) and the factors it was calculated with: kind,
	 * key, value, unit, dataset, version, validity, source and quality.
	 *
	 * @param source where in the source row the usage was read when it took more than a
	 * column (for example "instance type c5.2xlarge from ChargeDescription"), or null
	 */
	public record Calculation(String usage, String unit, List<Map<String, Object>> factors, @Nullable String source) {

		public Calculation(String usage, String unit, List<Map<String, Object>> factors) {
			this(usage, unit, factors, null);
		}

	}

}
