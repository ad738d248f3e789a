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

import org.greenledger.footprint.CarbonMass;
import org.greenledger.footprint.DataQuality;
import org.greenledger.footprint.Energy;
import org.greenledger.footprint.FootprintEngine;
import org.greenledger.footprint.ImpactLine;
import org.greenledger.footprint.Location;
import org.greenledger.footprint.Scope;
import org.greenledger.footprint.TimeSpan;
import org.greenledger.footprint.Usage;
import org.greenledger.footprint.WaterVolume;

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
		SourceLine line = new SourceLine(row, 0, new Usage.VcpuHours(TimeSpan.ofHours(vcpuHours), "unknown", null),
				"vCPU-hours", new Location.CloudRegion(provider, region), null, start(day), start(day.plusDays(1)),
				provider, "fixture-account", region, service, "Compute", "Usage", new BigDecimal(billedUsd),
				new BigDecimal(billedUsd), "USD", Map.of());
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
