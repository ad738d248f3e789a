package org.greenledger.core.factors;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Stored data is counted as many times as the named service keeps it (methodology section
 * 1, "x the service's replication factor"); the shipped library's factors, hand computed:
 * HDD 0.65 Wh per TB-hour and SSD 1.2 (CCF), aws:s3 3 and aws:ebs 2 (CCF), aws:us-east-1
 * PUE 1.15 for 2024 (AWS), US-MIDA-PJM 403 g/kWh for 2024 (Electricity Maps).
 */
class StorageReplicationTests {

	private static final LocalDate DAY = LocalDate.of(2024, 1, 1);

	private static final Location US_EAST_1 = new Location.CloudRegion("aws", "us-east-1");

	private final FootprintEngine engine = new FootprintEngine(new LibraryFactorLookup(TestFactorLibraries.shipped()));

	@Test
	void oneTerabyteMonthInS3IsCountedThreeTimes() {
		ImpactLine line = this.engine.calculate(activity(storage(1, 730, StorageType.HDD, null, "aws:s3")));

		// 1 TB x 730 h x 0.65 Wh/TBh x 3 = 1423.5 Wh
		assertThat(line.itEnergy().kilowattHours()).isCloseTo(1.4235, within(1e-9));
		// x PUE 1.15 = 1.637025 kWh; x 403 g/kWh = 659.721075 g
		assertThat(line.facilityEnergy().kilowattHours()).isCloseTo(1.637025, within(1e-9));
		assertThat(line.locationBased().kilograms()).isCloseTo(0.659721075, within(1e-9));
		FactorReference replication = factor(line, "REPLICATION_FACTOR");
		assertThat(replication.key()).isEqualTo("aws:s3");
		assertThat(replication.value()).isEqualTo(3.0);
		assertThat(replication.dataset()).isEqualTo("ccf-coefficients");
	}

	@Test
	void halfATerabyteOfEbsForAHundredHoursIsCountedTwice() {
		ImpactLine line = this.engine.calculate(activity(storage(0.5, 100, StorageType.SSD, null, "aws:ebs")));

		// 0.5 TB x 100 h x 1.2 Wh/TBh x 2 = 120 Wh
		assertThat(line.itEnergy().kilowattHours()).isCloseTo(0.120, within(1e-9));
		assertThat(line.locationBased().kilograms()).isCloseTo(0.120 * 1.15 * 403 / 1000, within(1e-9));
		assertThat(factor(line, "REPLICATION_FACTOR").key()).isEqualTo("aws:ebs");
	}

	@Test
	void aServiceWithoutItsOwnFactorTakesTheProvidersDefaultAndTheLineageSaysSo() {
		for (String service : new String[] { "aws:cloudwatch-logs", "gcp:cloud-storage-multi-region" }) {
			ImpactLine line = this.engine.calculate(activity(storage(1, 730, StorageType.HDD, null, service)));
			// 1 TB x 730 h x 0.65 Wh/TBh x 1 = 474.5 Wh
			assertThat(line.itEnergy().kilowattHours()).as(service).isCloseTo(0.4745, within(1e-9));
			assertThat(factor(line, "REPLICATION_FACTOR").key()).as(service).isEqualTo("aws:default");
			assertThat(factor(line, "REPLICATION_FACTOR").value()).as(service).isEqualTo(1.0);
		}
		ImpactLine unnamed = this.engine.calculate(activity(storage(1, 730, StorageType.HDD, null, null)));
		assertThat(unnamed.itEnergy().kilowattHours()).isCloseTo(0.4745, within(1e-9));
		assertThat(factor(unnamed, "REPLICATION_FACTOR").key()).isEqualTo("aws:default");
	}

	@Test
	void aStatedReplicationFactorIsUsedAsGiven() {
		ImpactLine line = this.engine.calculate(activity(storage(1, 730, StorageType.HDD, 2.0, "aws:s3")));
		// 1 TB x 730 h x 0.65 Wh/TBh x 2 = 949 Wh
		assertThat(line.itEnergy().kilowattHours()).isCloseTo(0.949, within(1e-9));
		assertThat(line.factors()).noneMatch(f -> f.kind().equals("REPLICATION_FACTOR"));
	}

	private static Usage.StorageHours storage(double terabytes, double hours, StorageType type, Double replication,
			String service) {
		return new Usage.StorageHours(DataSize.ofTerabytes(terabytes), TimeSpan.ofHours(hours), type, replication,
				service);
	}

	private static ActivityRecord activity(Usage usage) {
		return new ActivityRecord(usage, DAY, DAY.plusDays(30), US_EAST_1, Scope.SCOPE_3_CATEGORY_1,
				Map.of("team", "storage"), null);
	}

	private static FactorReference factor(ImpactLine line, String kind) {
		return line.factors()
			.stream()
			.filter(f -> f.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + kind + " among " + line.factors()));
	}

}
