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

}
