package org.greenledger.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.database.BinaryCopyEncoder;

/**
 * Stores a measured file's lines, each with the impacts the pipeline calculated for it,
 * sent to {@code measured_line} by binary COPY in batches, then the file's series and
 * factor lineages by content id, all in the job's transaction.
 */
public final class MeasuredLineWriter {

	private static final String COLUMNS = "measured_line (job_id, series_id, period_start, period_end, amount, samples,"
			+ " first_row, last_row, it_kwh, facility_kwh, co2e_location_kg, co2e_market_kg, co2e_embodied_kg,"
			+ " water_onsite_l, water_offsite_l, intensity_basis, quality, lineage_id, accelerator_hours, cpu_kwh,"
			+ " gpu_kwh, ram_kwh, reported_co2e_kg, reported_water_l, duration_s, run)";

	private static final int BATCH = 20_000;

	private final Connection connection;

	private final UUID job;

	private final Map<Long, Series> used = new LinkedHashMap<>();

	private final Map<String, ContentIds> lineages = new LinkedHashMap<>();

	private final Map<Long, String> lineageContent = new LinkedHashMap<>();

	private BinaryCopyEncoder rows = new BinaryCopyEncoder(1 << 16);

	private int buffered;

	public MeasuredLineWriter(Connection connection, UUID job) {
		this.connection = connection;
		this.job = job;
	}

	/**
	 * A series as stored: its content id (of its source, metric and labels), what it
	 * measures, and the site and meter it was resolved to.
	 *
	 * @param quantity the name of the quantity measured (ENERGY, WATER, FUEL)
	 */
	public record Series(ContentIds ids, String source, String metric, String quantity, Map<String, String> labels,
			@Nullable UUID site, @Nullable UUID meter) {
	}

	/**
	 * What a CodeCarbon run line keeps of the run beside GreenLedger's figures.
	 *
	 * @param json the whole run, as JSON
	 */
	public record Run(double cpuKwh, double gpuKwh, double ramKwh, double reportedCo2eKg, @Nullable Double waterLitres,
			double durationSeconds, String json) {
	}

	/**
	 * One line of a series: an amount over a period (an hour, or a longer meter interval
	 * or run) with its impacts.
	 *
	 * @param impacts the calculated impacts, or null when the line's quantity has none
	 * @param hourly whether the hour's own grid intensity was used (else a yearly one)
	 * @param acceleratorHours GPU-hours the line stands for (0 for none)
	 */
	public record Line(long startMillis, long endMillis, double amount, int samples, long firstRow, long lastRow,
			@Nullable ImpactLine impacts, boolean hourly, double acceleratorHours, @Nullable Run run) {
	}

	/** Adds one line of the series (stored with the series at {@link #finish()}). */
	public void accept(Series series, Line line) {
		this.used.putIfAbsent(series.ids().id(), series);
		ImpactLine impact = line.impacts();
		Run run = line.run();
		BinaryCopyEncoder out = this.rows;
		out.startTuple(26);
		out.putUuid(this.job);
		out.putInt8(series.ids().id());
		out.putTimestamp(Instant.ofEpochMilli(line.startMillis()));
		out.putTimestamp(Instant.ofEpochMilli(line.endMillis()));
		out.putFloat8(line.amount());
		out.putInt4(line.samples());
		out.putInt8(line.firstRow());
		out.putInt8(line.lastRow());
		if (impact != null) {
			out.putFloat8(impact.itEnergy().kilowattHours());
			out.putFloat8(impact.facilityEnergy().kilowattHours());
			out.putFloat8(impact.locationBased().kilograms());
			out.putFloat8(impact.marketBased().kilograms());
			out.putFloat8(impact.embodied().kilograms());
			out.putFloat8(impact.waterOnSite().liters());
			out.putFloat8(impact.waterOffSite().liters());
			out.putText(line.hourly() ? "HOURLY" : "YEARLY");
			out.putInt2(impact.quality().tier());
			out.putInt8(lineage(impact));
		}
		else {
			for (int i = 0; i < 10; i++) {
				out.putNull();
			}
		}
		out.putFloat8((line.acceleratorHours() > 0) ? line.acceleratorHours() : Double.NaN);
		if (run != null) {
			out.putFloat8(run.cpuKwh());
			out.putFloat8(run.gpuKwh());
			out.putFloat8(run.ramKwh());
			out.putFloat8(run.reportedCo2eKg());
			out.putFloat8((run.waterLitres() != null) ? run.waterLitres() : Double.NaN);
			out.putFloat8(run.durationSeconds());
			out.putJsonb(run.json());
		}
		else {
			for (int i = 0; i < 7; i++) {
				out.putNull();
			}
		}
		if (++this.buffered >= BATCH) {
			flush();
		}
	}

	private long lineage(ImpactLine impact) {
		String json = LedgerJson.MAPPER.writeValueAsString(
				List.of(Map.of("usage", "MEASURED_ENERGY", "unit", "kWh", "factors", impact.factors())));
		ContentIds ids = this.lineages.computeIfAbsent(json, key -> ContentIds.of(impact.methodVersion() + "|" + key));
		this.lineageContent.putIfAbsent(ids.id(), json);
		return ids.id();
	}

	private void flush() {
		if (this.buffered == 0) {
			return;
		}
		try {
			this.rows.copyTo(this.connection, COLUMNS);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the measured lines: " + ex.getMessage(), ex);
		}
		this.rows = new BinaryCopyEncoder(1 << 16);
		this.buffered = 0;
	}

	/**
	 * Sends the last lines and stores the series and lineages they reference (new ones
	 * only; an id collision fails the job).
	 */
	public void finish() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("create temporary table file_series (like measured_series) on commit drop");
			statement.execute("create temporary table file_lineage (like calculation_lineage) on commit drop");
		}
		BinaryCopyEncoder series = new BinaryCopyEncoder(1 << 16);
		for (Series each : this.used.values()) {
			series.startTuple(8);
			series.putInt8(each.ids().id());
			series.putText(each.ids().hash());
			series.putText(each.source());
			series.putText(each.metric());
			series.putText(each.quantity());
			series.putJsonb(LedgerJson.MAPPER.writeValueAsString(each.labels()));
			if (each.site() != null) {
				series.putUuid(each.site());
			}
			else {
				series.putNull();
			}
			if (each.meter() != null) {
				series.putUuid(each.meter());
			}
			else {
				series.putNull();
			}
		}
		series.copyTo(this.connection, "file_series");
		BinaryCopyEncoder lineage = new BinaryCopyEncoder(1 << 16);
		this.lineages.values().forEach(ids -> {
			lineage.startTuple(4);
			lineage.putInt8(ids.id());
			lineage.putText(ids.hash());
			lineage.putText(FootprintEngine.METHOD_VERSION);
			lineage.putJsonb(this.lineageContent.get(ids.id()));
		});
		lineage.copyTo(this.connection, "file_lineage");
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("insert into measured_series select * from file_series on conflict (id) do nothing");
			statement.execute("insert into calculation_lineage select * from file_lineage on conflict (id) do nothing");
			try (var collisions = statement.executeQuery(
					"""
							select (select count(*) from file_series f join measured_series s using (id) where s.hash <> f.hash)
							     + (select count(*) from file_lineage f join calculation_lineage l using (id) where l.hash <> f.hash)""")) {
				collisions.next();
				if (collisions.getLong(1) > 0) {
					throw new IllegalStateException("Content id collision between different series or lineages"
							+ " (64-bit prefix of SHA-256); the file was not stored");
				}
			}
		}
		flush();
	}

}
