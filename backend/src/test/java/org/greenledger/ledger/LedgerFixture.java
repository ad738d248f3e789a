package org.greenledger.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.SourceLine;
import org.greenledger.core.footprint.CarbonMass;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.footprint.WaterVolume;

/**
 * Writes activity lines straight through the ledger's {@link ActivityLineWriter}, as one
 * job's partition committed in one transaction, so that tests of the modules that read
 * the ledger (dashboard, explorer, inventory, disclosure) get their data without
 * uploading a file and waiting for a job. The lines carry the impacts the test gives
 * them; nothing is calculated here, so a test knows every figure it asserts.
 * <p>
 * The job id is random and has no {@code ingestion_job} row: what needs the upload itself
 * (its file name, the jobs list, lineage back to a file) still comes from uploads.
 */
public final class LedgerFixture {

	private final DataSource dataSource;

	public LedgerFixture(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * One day's vCPU usage of a cloud region with the impacts given (Scope 3 category 1,
	 * usage estimate), its billed cost in USD on the line.
	 */
	public static Row cloud(long row, LocalDate day, String provider, String region, String service, double vcpuHours,
			Impacts impacts, String billedUsd) {
		return usage(row, day, provider, region, service,
				new Usage.VcpuHours(TimeSpan.ofHours(vcpuHours), "unknown", null), "vCPU-hours", "Compute", impacts,
				billedUsd);
	}

	/**
	 * One day's storage (GB stored for 24 hours, SSD) of a cloud region, as
	 * {@link #cloud}.
	 */
	public static Row storage(long row, LocalDate day, String provider, String region, String service, double gigabytes,
			Impacts impacts, String billedUsd) {
		return usage(row, day, provider, region, service,
				new Usage.StorageHours(DataSize.ofGigabytes(gigabytes), TimeSpan.ofHours(24), StorageType.SSD, null),
				"GB-hours", "Storage", impacts, billedUsd);
	}

	private static Row usage(long row, LocalDate day, String provider, String region, String service, Usage usage,
			String unit, String serviceCategory, Impacts impacts, String billedUsd) {
		SourceLine line = new SourceLine(row, 0, usage, unit, new Location.CloudRegion(provider, region), null,
				start(day), start(day.plusDays(1)), provider, "fixture-account", region, service, serviceCategory,
				"Usage", new BigDecimal(billedUsd), new BigDecimal(billedUsd), "USD", Map.of());
		return new Row(List.of(line), List.of(impacts.line()));
	}

	/** A cost-only line (no usage, no impacts) with the reason GreenLedger gives. */
	public static Row costOnly(long row, LocalDate day, String provider, String service, String reason,
			String billedUsd) {
		SourceLine line = new SourceLine(row, 0, null, null, null, reason, start(day), start(day.plusDays(1)), provider,
				"fixture-account", null, service, "Other", "Usage", new BigDecimal(billedUsd),
				new BigDecimal(billedUsd), "USD", Map.of());
		return new Row(List.of(line), List.of());
	}

	/** Writes the rows as one job's lines, committed; returns the job's id. */
	public UUID write(@Nullable String orgUnit, List<Row> rows) {
		UUID job = UUID.randomUUID();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (ActivityLineWriter writer = new ActivityLineWriter(connection, job, orgUnit)) {
				for (Row row : rows) {
					writer.write(row.lines(), row.impacts());
				}
				writer.finish();
				writer.attach();
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The fixture's lines were not written", ex);
		}
		return job;
	}

	/** Writes the rows as one job's lines of no org unit. */
	public UUID write(Row... rows) {
		return write(null, List.of(rows));
	}

	/**
	 * Hourly energy readings of one site meter (kWh per hour, no impacts), written with
	 * the ledger's {@link MeasuredLineWriter} and summed into the monthly rollups.
	 * Measured lines reference their job (a foreign key to ingestion's jobs), so the
	 * fixture records a completed job for them, as an upload would.
	 * @return the job's id
	 */
	public UUID meterReadings(MeasuredRollups rollups, UUID site, UUID meter, Instant start, int hours,
			double kwhPerHour) {
		UUID job = UUID.randomUUID();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var insert = connection.prepareStatement("""
					insert into ingestion_job (id, status, format, file_name, sha256, bytes, progress, created_by,
					                           created_at, finished_at)
					values (?, 'COMPLETED', 'meter-csv', 'ledger-fixture.csv', ?, 0, 1, 'fixture', now(), now())""")) {
				insert.setObject(1, job);
				insert.setString(2,
						(job.toString().replace("-", "") + job.toString().replace("-", "")).substring(0, 64));
				insert.executeUpdate();
			}
			MeasuredLineWriter writer = new MeasuredLineWriter(connection, job);
			Map<String, String> labels = Map.of("meter", meter.toString());
			MeasuredLineWriter.Series series = new MeasuredLineWriter.Series(
					ContentIds.of("fixture|meter|energy|" + meter), "meter", "energy", "ENERGY", labels, site, meter);
			for (int hour = 0; hour < hours; hour++) {
				long from = start.plusSeconds(3600L * hour).toEpochMilli();
				writer.accept(series, new MeasuredLineWriter.Line(from, from + 3_600_000, kwhPerHour, 1, hour + 1,
						hour + 1, null, false, 0, null));
			}
			writer.finish();
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The fixture's readings were not written", ex);
		}
		rollups.refresh(job, List.of());
		return job;
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** One input row: its lines and their impacts (none for a cost-only row). */
	public record Row(List<SourceLine> lines, List<ImpactLine> impacts) {

		public Row {
			lines = List.copyOf(lines);
			impacts = List.copyOf(impacts);
		}

	}

	/**
	 * The impacts of a usage line.
	 *
	 * @param itKwh IT energy
	 * @param facilityKwh IT energy with facility overhead
	 * @param locationKg operational CO2e, location-based
	 * @param marketKg operational CO2e, market-based
	 * @param embodiedKg amortized embodied CO2e
	 * @param waterLitres on-site water
	 */
	public record Impacts(double itKwh, double facilityKwh, double locationKg, double marketKg, double embodiedKg,
			double waterLitres) {

		ImpactLine line() {
			return new ImpactLine(Energy.ofKilowattHours(this.itKwh), Energy.ofKilowattHours(this.facilityKwh),
					CarbonMass.ofKilograms(this.locationKg), CarbonMass.ofKilograms(this.marketKg), false,
					CarbonMass.ofKilograms(this.embodiedKg), WaterVolume.ofLiters(this.waterLitres), WaterVolume.ZERO,
					Scope.SCOPE_3_CATEGORY_1, DataQuality.USAGE_ESTIMATE, List.of(), FootprintEngine.METHOD_VERSION);
		}

	}

}
