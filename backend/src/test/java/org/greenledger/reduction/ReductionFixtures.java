package org.greenledger.reduction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.ledger.LedgerFixture;
import org.greenledger.core.billing.SourceLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;

/**
 * Ledger lines for the reduction tests, calculated with the real footprint engine and the
 * shipped factor library, as ingestion would calculate them.
 */
final class ReductionFixtures {

	private ReductionFixtures() {
	}

	/**
	 * One day of accelerator usage (GPU-hours of a model, utilization unknown) in a cloud
	 * region, billed as given.
	 */
	static LedgerFixture.Row gpuDay(LibraryFactorLookup factors, long row, LocalDate day, String provider,
			String region, String model, double gpuHours, String billedUsd) {
		Usage usage = new Usage.AcceleratorHours(TimeSpan.ofHours(gpuHours), model, null, null, true);
		Location location = new Location.CloudRegion(provider, region);
		ImpactLine impacts = new FootprintEngine(factors)
			.calculate(new ActivityRecord(usage, day, day, location, Scope.SCOPE_3_CATEGORY_1, Map.of(), null));
		SourceLine line = new SourceLine(row, 0, usage, "GPU-hours", location, null,
				day.atStartOfDay(ZoneOffset.UTC).toInstant(), day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
				provider, "gpu-account", region, "EC2", "Compute", "Usage", new BigDecimal(billedUsd),
				new BigDecimal(billedUsd), "USD", Map.of());
		return new LedgerFixture.Row(List.of(line), List.of(impacts));
	}

	/**
	 * Records a completed upload for a fixture job, so that its lines are listed with a
	 * file (the explorer and the opportunities' evidence list uploaded lines).
	 */
	static void registerUpload(JdbcClient jdbc, UUID job) {
		String hex = job.toString().replace("-", "");
		jdbc.sql("""
				insert into ingestion_job (id, status, format, file_name, sha256, bytes, progress, created_by,
				                           created_at, finished_at)
				values (?, 'COMPLETED', 'focus', 'reduction-fixture.csv', ?, 0, 1, 'fixture', now(), now())""")
			.params(job, hex + hex)
			.update();
	}

	/**
	 * One clock hour of a measured energy series.
	 *
	 * @param kwh measured (IT) and facility energy (PUE 1)
	 * @param zone the grid zone named by the line's GRID_INTENSITY factor
	 */
	record MeasuredHour(java.time.Instant start, double kwh, double locationKg, double embodiedKg, double gpuHours,
			String zone) {
	}

	/**
	 * Writes one measured energy series' hourly lines in a new job, as the measured
	 * readers write them.
	 */
	static UUID measured(javax.sql.DataSource dataSource, JdbcClient jdbc, String source, Map<String, String> labels,
			@Nullable UUID site, List<MeasuredHour> hours) throws java.sql.SQLException {
		UUID job = UUID.randomUUID();
		registerUpload(jdbc, job);
		try (java.sql.Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			org.greenledger.ledger.MeasuredLineWriter writer = new org.greenledger.ledger.MeasuredLineWriter(connection,
					job);
			org.greenledger.ledger.MeasuredLineWriter.Series series = new org.greenledger.ledger.MeasuredLineWriter.Series(
					org.greenledger.ledger.ContentIds.of("reduction|" + source + "|" + job), source, "energy", "ENERGY",
					labels, site, null);
			long row = 1;
			for (MeasuredHour hour : hours) {
				long from = hour.start().toEpochMilli();
				org.greenledger.core.footprint.FactorReference grid = new org.greenledger.core.footprint.FactorReference(
						"GRID_INTENSITY", hour.zone(), 1000 * hour.locationKg() / hour.kwh(), "gCO2e/kWh", "test", "1",
						"", "reduction fixture", org.greenledger.core.footprint.DataQuality.METERED);
				ImpactLine impacts = new ImpactLine(org.greenledger.core.footprint.Energy.ofKilowattHours(hour.kwh()),
						org.greenledger.core.footprint.Energy.ofKilowattHours(hour.kwh()),
						org.greenledger.core.footprint.CarbonMass.ofKilograms(hour.locationKg()),
						org.greenledger.core.footprint.CarbonMass.ofKilograms(hour.locationKg()), true,
						org.greenledger.core.footprint.CarbonMass.ofKilograms(hour.embodiedKg()),
						org.greenledger.core.footprint.WaterVolume.ZERO,
						org.greenledger.core.footprint.WaterVolume.ZERO, Scope.SCOPE_3_CATEGORY_1,
						org.greenledger.core.footprint.DataQuality.METERED, List.of(grid),
						FootprintEngine.METHOD_VERSION);
				writer.accept(series, new org.greenledger.ledger.MeasuredLineWriter.Line(from, from + 3_600_000,
						hour.kwh(), 60, row, row, impacts, true, hour.gpuHours(), null));
				row++;
			}
			writer.finish();
			connection.commit();
		}
		return job;
	}

	/**
	 * An imported hourly grid intensity of a zone (the latest import of an hour wins).
	 */
	static void gridHour(JdbcClient jdbc, String zone, java.time.Instant start, double grams, UUID job, long row) {
		jdbc.sql("""
				insert into grid_intensity_hour (zone, hour, lifecycle_g_per_kwh, estimated, job_id, source_row)
				values (?, ?, ?, false, ?, ?)
				on conflict (zone, hour) do update set lifecycle_g_per_kwh = excluded.lifecycle_g_per_kwh""")
			.params(zone, java.sql.Timestamp.from(start), grams, job, row)
			.update();
	}

}
