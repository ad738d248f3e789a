package org.greenledger.ingestion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The imported hourly grid intensities of a zone, for modules that look ahead or back in
 * time (the carbon-aware signal, time-shift opportunities).
 */
@Service
public class GridHours {

	/** The most hours answered at once (62 days). */
	public static final int MAX_HOURS = 62 * 24;

	private final JdbcClient jdbc;

	GridHours(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The zone's imported hours starting in {@code [from, to)}, in time order (at most
	 * {@link #MAX_HOURS}).
	 */
	public List<Hour> hours(String zone, Instant from, Instant to) {
		return this.jdbc.sql("""
				select hour, lifecycle_g_per_kwh, estimated, job_id, source_row from grid_intensity_hour
				where zone = ? and hour >= ? and hour < ? order by hour limit ?""")
			.params(zone, Timestamp.from(from), Timestamp.from(to), MAX_HOURS)
			.query((rs, row) -> new Hour(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getBoolean(3),
					rs.getObject(4, java.util.UUID.class), rs.getLong(5)))
			.list();
	}

	/**
	 * One imported hour.
	 *
	 * @param start the hour's start (UTC)
	 * @param gramsPerKwh life-cycle intensity in g CO2e/kWh
	 * @param estimated whether the source marked it as estimated
	 * @param job the upload it came from
	 * @param row its row in that file
	 */
	public record Hour(Instant start, double gramsPerKwh, boolean estimated, java.util.UUID job, long row) {
	}

}
