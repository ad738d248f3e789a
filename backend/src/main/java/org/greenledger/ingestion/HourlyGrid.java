package org.greenledger.ingestion;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.footprint.CarbonIntensity;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.Factor;
import org.greenledger.core.footprint.FactorReference;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imported hourly grid intensity (life-cycle, gCO2e/kWh) of zones, read one zone-month at
 * a time. A period's intensity is the time-weighted mean of the hours it touches, and
 * only when every one of them was imported; otherwise the yearly average applies.
 */
final class HourlyGrid {

	private static final long HOUR = 3_600_000L;

	private final JdbcClient jdbc;

	private final Map<String, double[]> months = new HashMap<>();

	HourlyGrid(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The mean intensity over {@code [start, end)} in the zone, weighted by time, when
	 * every hour of it was imported.
	 */
	Optional<Factor<CarbonIntensity>> intensity(String zone, long startMillis, long endMillis) {
		if (endMillis <= startMillis) {
			return Optional.empty();
		}
		double weighted = 0;
		long firstHour = Math.floorDiv(startMillis, HOUR);
		long lastHour = Math.floorDiv(endMillis - 1, HOUR);
		if (lastHour - firstHour > 24 * 62) {
			return Optional.empty();
		}
		for (long hour = firstHour; hour <= lastHour; hour++) {
			double value = hour(zone, hour);
			if (Double.isNaN(value)) {
				return Optional.empty();
			}
			long from = Math.max(startMillis, hour * HOUR);
			long to = Math.min(endMillis, (hour + 1) * HOUR);
			weighted += value * (to - from);
		}
		double mean = weighted / (endMillis - startMillis);
		String hours = Instant.ofEpochMilli(firstHour * HOUR) + ".." + Instant.ofEpochMilli((lastHour + 1) * HOUR);
		return Optional.of(new Factor<>(CarbonIntensity.ofGramsPerKilowattHour(mean),
				new FactorReference(FactorKind.GRID_INTENSITY.name(), zone, mean, FactorKind.GRID_INTENSITY.unit(),
						"hourly-grid-intensity", "imported", hours, "Hourly life-cycle intensity imported for zone "
								+ zone + ", time-weighted over " + (lastHour - firstHour + 1) + " hour(s)",
						DataQuality.METERED)));
	}

	private double hour(String zone, long hour) {
		ZonedDateTime at = Instant.ofEpochMilli(hour * HOUR).atZone(ZoneOffset.UTC);
		ZonedDateTime monthStart = at.withDayOfMonth(1).withHour(0);
		double[] values = this.months.computeIfAbsent(zone + "|" + monthStart.toLocalDate(),
				key -> load(zone, monthStart));
		return values[(int) ((hour * HOUR - monthStart.toInstant().toEpochMilli()) / HOUR)];
	}

	private double[] load(String zone, ZonedDateTime monthStart) {
		ZonedDateTime next = monthStart.plusMonths(1);
		double[] values = new double[31 * 24];
		Arrays.fill(values, Double.NaN);
		long base = monthStart.toInstant().toEpochMilli();
		this.jdbc.sql("""
				select hour, lifecycle_g_per_kwh from grid_intensity_hour
				where zone = ? and hour >= ? and hour < ?""")
			.params(zone, Timestamp.from(monthStart.toInstant()), Timestamp.from(next.toInstant()))
			.query(rs -> {
				values[(int) ((rs.getTimestamp(1).getTime() - base) / HOUR)] = rs.getDouble(2);
			});
		return values;
	}

}
