package org.greenledger.ingestion;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.greenledger.core.table.RowErrors;
import org.greenledger.core.table.RowError;
import org.greenledger.database.BinaryCopyEncoder;
import org.greenledger.core.measured.GridIntensitySink;
import org.greenledger.core.measured.HourlyIntensity;

/**
 * Loads an hourly grid intensity file: its hours are copied into a temporary table and
 * merged into {@code grid_intensity_hour}; an hour imported before is replaced by the new
 * file's value (counted, so the job says how many). Lines calculated earlier keep the
 * factor they were calculated with.
 */
final class GridIntensityStore implements GridIntensitySink {

	private final Connection connection;

	private final UUID job;

	private final RowErrors errors;

	private final Map<String, long[]> zones = new LinkedHashMap<>();

	private BinaryCopyEncoder rows = new BinaryCopyEncoder(1 << 16);

	private long read;

	private long accepted;

	private long rejected;

	private int buffered;

	GridIntensityStore(Connection connection, UUID job, RowErrors errors) throws SQLException {
		this.connection = connection;
		this.job = job;
		this.errors = errors;
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table file_grid_hour (like grid_intensity_hour) on commit drop");
		}
	}

	@Override
	public void hour(HourlyIntensity hour) {
		this.read++;
		this.accepted++;
		this.zones.computeIfAbsent(hour.zone(), zone -> new long[] { Long.MAX_VALUE, Long.MIN_VALUE, 0 });
		long[] span = this.zones.get(hour.zone());
		long at = hour.hour().toEpochMilli();
		span[0] = Math.min(span[0], at);
		span[1] = Math.max(span[1], at);
		span[2]++;
		BinaryCopyEncoder out = this.rows;
		out.startTuple(11);
		out.putText(hour.zone());
		out.putTimestamp(hour.hour());
		out.putFloat8(hour.lifecycleGramsPerKwh());
		out.putFloat8((hour.directGramsPerKwh() != null) ? hour.directGramsPerKwh() : Double.NaN);
		out.putFloat8((hour.carbonFreePercent() != null) ? hour.carbonFreePercent() : Double.NaN);
		out.putFloat8((hour.renewablePercent() != null) ? hour.renewablePercent() : Double.NaN);
		out.putText(hour.dataSource());
		out.putBool(hour.estimated());
		out.putText(hour.estimationMethod());
		out.putUuid(this.job);
		out.putInt8(hour.row());
		if (++this.buffered >= 50_000) {
			flush();
		}
	}

	@Override
	public void rejected(long row, List<RowError> rowErrors) {
		this.read++;
		this.rejected++;
		for (RowError error : rowErrors) {
			this.errors.add(error);
		}
	}

	long read() {
		return this.read;
	}

	long accepted() {
		return this.accepted;
	}

	long rejected() {
		return this.rejected;
	}

	List<RowError> errors() {
		return this.errors.kept();
	}

	private void flush() {
		try {
			this.rows.copyTo(this.connection, "file_grid_hour");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the hourly intensities: " + ex.getMessage(), ex);
		}
		this.rows = new BinaryCopyEncoder(1 << 16);
		this.buffered = 0;
	}

	/**
	 * Merges the file's hours.
	 * @return per zone: hours, first and last hour, and how many replaced earlier imports
	 */
	List<Map<String, Object>> finish() throws SQLException {
		flush();
		Map<String, Long> replaced = new LinkedHashMap<>();
		try (Statement statement = this.connection.createStatement()) {
			try (var result = statement.executeQuery("""
					select f.zone, count(*) from file_grid_hour f
					join grid_intensity_hour g on g.zone = f.zone and g.hour = f.hour group by f.zone""")) {
				while (result.next()) {
					replaced.put(result.getString(1), result.getLong(2));
				}
			}
			statement.execute(
					"""
							insert into grid_intensity_hour select * from file_grid_hour
							on conflict (zone, hour) do update set lifecycle_g_per_kwh = excluded.lifecycle_g_per_kwh,
							    direct_g_per_kwh = excluded.direct_g_per_kwh, carbon_free_percent = excluded.carbon_free_percent,
							    renewable_percent = excluded.renewable_percent, data_source = excluded.data_source,
							    estimated = excluded.estimated, estimation_method = excluded.estimation_method,
							    job_id = excluded.job_id, source_row = excluded.source_row""");
		}
		List<Map<String, Object>> summary = new ArrayList<>();
		this.zones.forEach((zone, span) -> {
			Map<String, Object> each = new LinkedHashMap<>();
			each.put("zone", zone);
			each.put("hours", span[2]);
			each.put("from", java.time.Instant.ofEpochMilli(span[0]).toString());
			each.put("to", java.time.Instant.ofEpochMilli(span[1]).plusSeconds(3600).toString());
			each.put("replacedEarlierHours", replaced.getOrDefault(zone, 0L));
			summary.add(each);
		});
		return summary;
	}

}
