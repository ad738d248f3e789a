package org.greenledger.reduction;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;
import org.greenledger.TestMonths;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.CarbonMass;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.WaterVolume;
import org.greenledger.ledger.ContentIds;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.MeasuredLineWriter;
import org.greenledger.security.OrgUnitScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code IDLE_ACCELERATORS}: a month of GPU telemetry at 80 W per A100 (idle 46 W,
 * maximum 400 W in the factor library) is about 10% utilization; the same work on GPUs
 * kept at 70% needs a seventh of the GPU-hours, and the rest of the energy is the saving.
 */
@IntegrationTest
class IdleAcceleratorTests {

	private static final double TOLERANCE = 1e-6;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FootprintQuery footprint;

	@Autowired
	LibraryFactorLookup factors;

	@Autowired
	Opportunities opportunities;

	@Test
	void aMonthOfMostlyIdleGpusIsQuantifiedAsConsolidation() throws SQLException {
		YearMonth month = TestMonths.unusedMonth(this.footprint);
		String model = "A100-SXM4-40GB idle-" + UUID.randomUUID().toString().substring(0, 8);
		int hours = month.lengthOfMonth() * 24;
		writeGpuHours(month, model, hours, 0.080);
		assertThat(this.factors.acceleratorIdlePower("A100-40GB").value().watts()).isEqualTo(46);
		assertThat(this.factors.acceleratorMaxPower("A100-40GB").value().watts()).isEqualTo(400);

		List<Opportunity> found = this.opportunities
			.find(new OpportunityQuery(month.atDay(1), month.atEndOfMonth(), java.util.Set.of(),
					OrgUnitScope.UNRESTRICTED))
			.stream()
			.filter(each -> each.kind() == OpportunityKind.IDLE_ACCELERATORS && each.subject().name().equals(model))
			.toList();

		assertThat(found).hasSize(1);
		Opportunity idle = found.getFirst();
		double utilization = (80.0 - 46) / (400 - 46);
		double energy = hours * 0.080;
		double needed = hours * utilization / 0.7;
		double savedKwh = energy - needed * (0.046 + 0.7 * 0.354);
		// the lines carry 0.6 kg per measured kWh
		assertThat(idle.currentKgCo2e()).isCloseTo(energy * 0.6, within(TOLERANCE));
		assertThat(idle.savingKgCo2e()).isCloseTo(savedKwh * 0.6, within(TOLERANCE));
		assertThat(idle.savingKgCo2e() / idle.currentKgCo2e()).isCloseTo(0.496, within(0.001));
		assertThat(idle.evidence().figures().get("estimatedUtilization")).isCloseTo(utilization, within(TOLERANCE));
		assertThat(idle.evidence().figures().get("gpuHours")).isCloseTo(hours, within(TOLERANCE));
		assertThat(idle.savingRange().lowKgCo2e()).isLessThan(idle.savingKgCo2e());
		assertThat(idle.savingRange().highKgCo2e()).isGreaterThan(idle.savingKgCo2e());
		assertThat(idle.evidence().factors()).extracting(reference -> reference.kind())
			.containsExactly("ACCELERATOR_POWER_IDLE", "ACCELERATOR_POWER_MAX");
		assertThat(this.opportunities
			.find(new OpportunityQuery(month.atDay(1), month.atEndOfMonth(), java.util.Set.of("research"),
					OrgUnitScope.UNRESTRICTED))
			.stream()
			.filter(each -> each.kind() == OpportunityKind.IDLE_ACCELERATORS)).as("measured series have no org unit")
			.isEmpty();
	}

	/** One GPU's hourly energy lines, as the GPU telemetry reader writes them. */
	private void writeGpuHours(YearMonth month, String model, int hours, double kwhPerHour) throws SQLException {
		UUID job = UUID.randomUUID();
		ReductionFixtures.registerUpload(this.jdbc, job);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			MeasuredLineWriter writer = new MeasuredLineWriter(connection, job);
			Map<String, String> labels = Map.of("model", model, "gpu_uuid", "GPU-" + job);
			MeasuredLineWriter.Series series = new MeasuredLineWriter.Series(ContentIds.of("reduction|gpu|" + job),
					"gpu", "energy", "ENERGY", labels, null, null);
			long start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
			for (int hour = 0; hour < hours; hour++) {
				long from = start + 3_600_000L * hour;
				ImpactLine impacts = new ImpactLine(Energy.ofKilowattHours(kwhPerHour),
						Energy.ofKilowattHours(kwhPerHour * 1.2), CarbonMass.ofKilograms(kwhPerHour * 0.6),
						CarbonMass.ofKilograms(kwhPerHour * 0.6), true, CarbonMass.ZERO, WaterVolume.ZERO,
						WaterVolume.ZERO, Scope.SCOPE_3_CATEGORY_1, DataQuality.METERED, List.of(),
						FootprintEngine.METHOD_VERSION);
				writer.accept(series, new MeasuredLineWriter.Line(from, from + 3_600_000, kwhPerHour, 60, hour + 1,
						hour + 1, impacts, true, 1.0, null));
			}
			writer.finish();
			connection.commit();
		}
	}

}
