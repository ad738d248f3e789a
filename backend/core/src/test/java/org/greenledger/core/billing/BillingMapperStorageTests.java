package org.greenledger.core.billing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.greenledger.core.formats.BillingReaders;
import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.catalog.SpendCategories;
import org.greenledger.core.factors.TestFactorLibraries;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.table.ParquetLimits;
import org.greenledger.core.table.ParquetTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real bills read and mapped as ingestion does: each storage line names its storage
 * service (the key of its replication factor), and its lineage says how. Counts checked
 * independently against the files (storage rows by service and charge description).
 */
class BillingMapperStorageTests {

	private static final Path RESOURCES = Path.of("../src/test/resources");

	private final BillingMapper mapper = new BillingMapper(InstanceCatalog.shipped(), key -> true,
			InstanceHours.Hardware.of(TestFactorLibraries.shipped()), SpendCategories.shipped());

	@Test
	void theFocusSamplesStorageLinesNameTheirServices() throws IOException {
		List<SourceLine> lines = storageLines("corpus/billing/focus-1.0/focus_sample.csv");
		Map<String, Integer> byService = byService(lines);

		// EC2 rows in GB-months: 79 "... provisioned storage" (EBS volumes), 34 "...
		// snapshot data stored" or "EBS:SnapshotUsage" (EBS snapshots)
		assertThat(byService).containsEntry("aws:ebs", 79)
			.containsEntry("aws:ebs-snapshot", 34)
			.containsEntry("aws:s3", 2)
			.containsEntry("aws:dynamodb", 3)
			.containsEntry("aws:ecr-storage", 5)
			.containsEntry("aws:efs", 1)
			.containsEntry("aws:rds-aurora", 1)
			.containsEntry("azure:database-mysql", 1)
			.containsEntry("azure:storage-lrs", 4)
			// CloudWatch log storage: no replication factor of its own
			.containsEntry("none", 41);
		assertThat(lines).filteredOn(line -> service(line) != null)
			.allSatisfy(line -> assertThat(line.usageSource()).startsWith("storage service " + service(line)));
	}

	@Test
	void aCursStorageLinesNameTheirServicesFromTheUsageType() throws IOException {
		List<SourceLine> lines = storageLines("corpus/billing/aws-cur-legacy/sample-anonymous-aws-export-dataset.csv");

		// S3: TimedStorage-ByteHrs, TimedStorage-GlacierByteHrs, EarlyDelete-ByteHrs;
		// EFS;
		// CloudWatch (no factor of its own)
		assertThat(byService(lines)).isEqualTo(Map.of("aws:s3", 70, "aws:efs", 14, "none", 39));
	}

	@Test
	void aGoogleCloudStorageMultiRegionLineNamesItsLocationType() throws IOException {
		List<SourceLine> lines = storageLines("fixtures/gcp/gcp-billing.csv");

		// "Standard Storage US Multi-region"; persistent disk capacity is zonal
		assertThat(byService(lines)).isEqualTo(Map.of("gcp:cloud-storage-multi-region", 1, "none", 2));
		assertThat(lines).filteredOn(line -> service(line) != null)
			.singleElement()
			.satisfies(line -> assertThat(line.usageSource())
				.isEqualTo("storage service gcp:cloud-storage-multi-region (usage 'multi-region')"));
	}

	private List<SourceLine> storageLines(String file) throws IOException {
		CollectedRows rows = new CollectedRows();
		try (InputStream in = Files.newInputStream(RESOURCES.resolve(file))) {
			BillingReaders.read(Path.of(file).getFileName().toString(), in, null,
					content -> ParquetTable.open(content, Path.of("target/parquet-work"), ParquetLimits.DEFAULTS),
					rows);
		}
		List<SourceLine> lines = new ArrayList<>();
		for (BillingRow record : rows.accepted) {
			for (SourceLine line : this.mapper.map(record)) {
				if (line.usage() instanceof Usage.StorageHours) {
					lines.add(line);
				}
			}
		}
		return lines;
	}

	private static Map<String, Integer> byService(List<SourceLine> lines) {
		Map<String, Integer> counts = new TreeMap<>();
		for (SourceLine line : lines) {
			String service = service(line);
			counts.merge((service != null) ? service : "none", 1, Integer::sum);
		}
		return counts;
	}

	private static String service(SourceLine line) {
		return ((Usage.StorageHours) line.usage()).service();
	}

}
