package org.greenledger.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The meter readings behind a site's figures, a page at a time, and one reading line with
 * its lineage: the source file and rows, the meter, the amount and the factors its
 * impacts were calculated with. A line is one series' clock hour (samples and short
 * intervals summed) or one longer meter interval; lines are chosen as the site's monthly
 * figures choose them, by overlap with the months.
 */
@Service
public class MeterLines {

	private static final String COLUMNS = """
			l.job_id, l.series_id, l.first_row, l.last_row, l.period_start, l.period_end, s.meter_id, s.quantity,
			l.amount, l.samples, l.facility_kwh, l.co2e_location_kg, l.water_onsite_l, l.intensity_basis,
			l.quality""";

	private final JdbcClient jdbc;

	private final SourceFiles files;

	private final SiteMeters meters;

	MeterLines(JdbcClient jdbc, SourceFiles files, SiteMeters meters) {
		this.jdbc = jdbc;
		this.files = files;
		this.meters = meters;
	}

	/**
	 * Up to {@code size} readings of the site's meters that overlap {@code from} to
	 * {@code to} (UTC days, inclusive), skipping the first {@code offset}, in time and
	 * meter order; {@code more} tells whether others follow.
	 */
	public Page page(UUID siteId, LocalDate from, LocalDate to, long offset, int size) {
		Map<UUID, SiteMeters.Meter> meters = this.meters.of(siteId);
		List<Map<String, String>> known = new ArrayList<>();
		meters.forEach((id, meter) -> known.add(Map.of("id", id.toString(), "code", meter.code())));
		List<Row> rows = this.jdbc.sql("""
				select %s
				from measured_line l
				join measured_series s on s.id = l.series_id
				join jsonb_to_recordset(?::jsonb) as m(id uuid, code text) on m.id = s.meter_id
				where s.site_id = ? and l.period_start < ? and l.period_end > ?
				order by l.period_start, m.code, l.job_id, l.first_row
				offset ? limit ?""".formatted(COLUMNS))
			.params(LedgerJson.MAPPER.writeValueAsString(known), siteId, start(to.plusDays(1)), start(from), offset,
					size + 1)
			.query(MeterLines::row)
			.list();
		Map<UUID, SourceFiles.SourceFile> files = this.files.of(rows.stream().map(row -> row.jobId).toList());
		List<Line> lines = rows.stream()
			.filter(row -> files.containsKey(row.jobId))
			.map(row -> row.line(files.get(row.jobId).name(), meters.get(row.meterId)))
			.toList();
		return new Page(lines.subList(0, Math.min(size, lines.size())), lines.size() > size);
	}

	/**
	 * The reading line of a job that starts at {@code firstRow} of a series, with its
	 * source and calculation; empty when there is none (or it is not a meter's).
	 */
	public Optional<Detail> line(UUID jobId, long seriesId, long firstRow) {
		SourceFiles.SourceFile file = this.files.of(List.of(jobId)).get(jobId);
		if (file == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select %s, s.site_id, s.source, s.metric, s.labels::text labels, c.method_version,
				       c.lines::text lineage
				from measured_line l
				join measured_series s on s.id = l.series_id
				left join calculation_lineage c on c.id = l.lineage_id
				where l.job_id = ? and l.series_id = ? and l.first_row = ?
				  and s.site_id is not null and s.meter_id is not null""".formatted(COLUMNS))
			.params(jobId, seriesId, firstRow)
			.query((rs, n) -> {
				UUID siteId = rs.getObject("site_id", UUID.class);
				SiteMeters.Meter meter = this.meters.of(siteId).get(rs.getObject("meter_id", UUID.class));
				if (meter == null) {
					return null;
				}
				String lineage = rs.getString("lineage");
				return new Detail(row(rs, n).line(file.name(), meter), siteId, rs.getString("source"),
						rs.getString("metric"),
						LedgerJson.MAPPER.readValue(rs.getString("labels"), new TypeReference<Map<String, String>>() {
						}), file.sha256(), file.format(), file.uploadedBy(), file.uploadedAt(),
						rs.getString("method_version"),
						(lineage != null) ? ActivityLines.calculations(lineage) : List.of());
			})
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	private static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		int quality = rs.getInt("quality");
		Integer tier = rs.wasNull() ? null : quality;
		return new Row(rs.getObject("job_id", UUID.class), rs.getLong("series_id"), rs.getLong("first_row"),
				rs.getLong("last_row"), rs.getTimestamp("period_start").toInstant(),
				rs.getTimestamp("period_end").toInstant(), rs.getObject("meter_id", UUID.class),
				rs.getString("quantity"), rs.getDouble("amount"), rs.getInt("samples"), number(rs, "facility_kwh"),
				number(rs, "co2e_location_kg"), number(rs, "water_onsite_l"), rs.getString("intensity_basis"), tier);
	}

	/** A reading line as stored, before its file and meter are named. */
	private record Row(UUID jobId, long seriesId, long firstRow, long lastRow, Instant periodStart, Instant periodEnd,
			UUID meterId, String quantity, double amount, int samples, @Nullable Double facilityKwh,
			@Nullable Double co2eLocationKg, @Nullable Double waterOnSiteLitres, @Nullable String intensityBasis,
			@Nullable Integer qualityTier) {

		Line line(String fileName, SiteMeters.Meter meter) {
			return new Line(this.jobId, fileName, this.seriesId, this.firstRow, this.lastRow, this.periodStart,
					this.periodEnd, meter.code(), meter.role(), this.quantity, this.amount, this.samples,
					this.facilityKwh, this.co2eLocationKg, this.waterOnSiteLitres, this.intensityBasis,
					this.qualityTier);
		}

	}

	private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	/** A page of reading lines; {@code more} when others follow. */
	public record Page(List<Line> lines, boolean more) {
	}

	/**
	 * A meter's reading line: its file and rows, period, meter and role, the amount in
	 * the quantity's unit (kWh for energy, L for water and fuel), how many readings it
	 * sums, and the impacts stored with it (location-based CO2e for electricity, with the
	 * basis of its grid intensity: HOURLY or YEARLY).
	 */
	public record Line(UUID jobId, String fileName, long seriesId, long firstRow, long lastRow, Instant periodStart,
			Instant periodEnd, String meter, String role, String quantity, double amount, int samples,
			@Nullable Double facilityKwh, @Nullable Double co2eLocationKg, @Nullable Double waterOnSiteLitres,
			@Nullable String intensityBasis, @Nullable Integer qualityTier) {

		/** The unit of {@link #amount()}. */
		public String unit() {
			return "ENERGY".equals(this.quantity) ? "kWh" : "L";
		}

	}

	/**
	 * A reading line with its site, its series (source, metric, labels), its file's hash
	 * and format, who uploaded it and when, and its calculation: method version and
	 * factors.
	 */
	public record Detail(Line line, UUID siteId, String source, String metric, Map<String, String> labels,
			String sha256, @Nullable String format, String uploadedBy, Instant uploadedAt,
			@Nullable String methodVersion, List<ActivityLines.Calculation> calculations) {
	}

}
