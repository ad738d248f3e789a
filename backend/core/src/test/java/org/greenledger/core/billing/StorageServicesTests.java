package org.greenledger.core.billing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.factors.TestFactorLibraries;
import org.greenledger.core.footprint.Factor;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.StorageType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage service of a bill's storage row, from the shipped rules
 * ({@code catalog/storage-services.csv}), with service names, usage types, meters, SKU
 * and charge descriptions as they appear in the billing corpus ({@code corpus/billing/})
 * and the Google Cloud fixture.
 */
class StorageServicesTests {

	private final StorageServices services = StorageServices.shipped();

	@ParameterizedTest(name = "{0} {1}: {2} -> {3}")
	@CsvSource(delimiter = ';',
			textBlock = """
					# AWS CUR (aws-cur-legacy/sample-anonymous-aws-export-dataset.csv): lineItem/UsageType
					aws; Amazon Simple Storage Service; USW2-TimedStorage-ByteHrs; aws:s3
					aws; Amazon Simple Storage Service; USW2-TimedStorage-GlacierByteHrs; aws:s3
					aws; Amazon Simple Storage Service; USW2-EarlyDelete-ByteHrs; aws:s3
					aws; Amazon Elastic File System; USE2-TimedStorage-ByteHrs; aws:efs
					aws; AmazonCloudWatch; CAN1-TimedStorage-ByteHrs; NONE
					# FOCUS 1.0 (focus-1.0/focus_sample.csv): ChargeDescription
					aws; Amazon Simple Storage Service; $0.023 per GB - first 50 TB / month of storage used; aws:s3
					aws; Amazon Elastic Compute Cloud; USD0.0595 per GB-Mo for EBS:SnapshotUsage in Africa (Cape Town); aws:ebs-snapshot
					aws; Amazon Elastic Compute Cloud; $0.05 per GB-Month of snapshot data stored - US West (Oregon); aws:ebs-snapshot
					aws; Amazon Elastic Compute Cloud; $0.10 per GB-month of General Purpose SSD (gp2) provisioned storage - US West (Oregon); aws:ebs
					aws; Amazon Elastic Compute Cloud; $0.05 per GB-month of Magnetic provisioned storage - US West (Oregon); aws:ebs
					aws; Amazon Elastic File System; USD $0.02 per GB-Mo for Infrequent Access storage with Elastic Throughput (APS1); aws:efs
					aws; Amazon Relational Database Service; $0.10 per GB-month of consumed storage (Aurora PostgreSQL); aws:rds-aurora
					aws; Amazon DynamoDB; $0.00 per GB-Month of storage for first 25 free GB-Months; aws:dynamodb
					aws; Amazon EC2 Container Registry (ECR); USD 0.1 per GB-Mo for TimedStorage-ByteHrs in EU (Stockholm); aws:ecr-storage
					aws; Amazon EC2 Container Registry (ECR); $0.10 per GB-month of data storage; aws:ecr-storage
					aws; AmazonCloudWatch; $0.03 per GB-mo of log storage - US West (Oregon); NONE
					azure; Storage Accounts; Tables - LRS Data Stored; azure:storage-lrs
					azure; Storage Accounts; Tiered Block Blob - Hot LRS - Data Stored - US West; azure:storage-lrs
					azure; Azure DB for MySQL; Azure Database for MySQL Single Server General Purpose - Storage - Data Stored - US East; azure:database-mysql
					# Azure cost details (azure-ea, azure-payg): MeterCategory Storage, MeterName
					azure; Storage; GRS List and Create Container Operations; azure:storage-grs
					azure; Storage; Premium SSD Managed Disks P4 LRS Disk; azure:managed-disks
					# Google Cloud billing export (fixtures/gcp/gcp-billing.csv): sku.description
					gcp; Cloud Storage; Standard Storage US Multi-region; gcp:cloud-storage-multi-region
					gcp; Compute Engine; SSD backed PD Capacity; NONE
					gcp; Compute Engine; Storage PD Capacity; NONE
					""")
	void realServiceNamesAndUsageTextsNameTheirStorageService(String provider, String service, String usage,
			String expected) {
		Optional<StorageServices.Found> found = this.services.of(provider, service, List.of(usage));
		assertThat(found.map(StorageServices.Found::key).orElse("NONE")).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} {1}: {2} -> {3}")
	@CsvSource(delimiter = ';', textBlock = """
			# usage texts Cloud Carbon Footprint's rules name, not in the corpus
			aws; AmazonS3; USE1-TimedStorage-ZIA-ByteHrs; aws:s3-one-zone-reduced-redundancy
			aws; AmazonEC2; USE1-EBS:VolumeUsage.gp2; aws:ebs
			aws; AmazonEFS; USE1-TimedStorage-ZIA-ByteHrs; aws:efs-one-zone
			aws; AmazonRDS; USE1-RDS:Multi-AZ-GP2-Storage; aws:rds-multi-az
			azure; Storage; Hot RA-GZRS Data Stored; azure:storage-gzrs
			azure; Storage; Hot ZRS Data Stored; azure:storage-zrs
			gcp; Cloud Storage; Standard Storage Dual-region; gcp:cloud-storage-dual-region
			gcp; Cloud Storage; Standard Storage Belgium; gcp:cloud-storage-single-region
			gcp; Compute Engine; Regional Storage PD Capacity; gcp:compute-engine-regional-disks
			""")
	void theUsageTextsOfCloudCarbonFootprintsRulesNameTheSameServices(String provider, String service, String usage,
			String expected) {
		assertThat(this.services.of(provider, service, List.of(usage)).map(StorageServices.Found::key))
			.contains(expected);
	}

	@Test
	void aServiceOfAnotherProviderOrWithoutAServiceNameIsNotNamed() {
		assertThat(this.services.of("gcp", "Amazon Simple Storage Service", List.of("USW2-TimedStorage-ByteHrs")))
			.isEmpty();
		assertThat(this.services.of("aws", null, List.of("USW2-TimedStorage-ByteHrs"))).isEmpty();
	}

	@Test
	void everyKeyTheRulesGiveHasItsOwnReplicationFactorInTheLibrary() {
		LibraryFactorLookup lookup = new LibraryFactorLookup(TestFactorLibraries.shipped());
		assertThat(this.services.keys()).hasSizeGreaterThanOrEqualTo(25);
		for (String key : this.services.keys()) {
			String provider = key.substring(0, key.indexOf(':'));
			Factor<Double> factor = lookup.storageReplicationFactor(new Location.CloudRegion(provider, "any"),
					StorageType.HDD, key);
			assertThat(factor.reference().key()).as(key).isEqualTo(key);
			assertThat(factor.value()).as(key).isGreaterThan(1.0);
		}
	}

	@Test
	void aRuleWhoseKeyIsOfAnotherProviderIsRefused() {
		String csv = "provider,service_name,usage_contains,replication_key,source\n"
				+ "aws,Amazon Simple Storage Service,,gcp:cloud-storage-single-region,a source\n";
		assertThatThrownBy(() -> StorageServices.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
			.hasMessageContaining("row 2")
			.hasMessageContaining("replication_key must start with 'aws:'");
	}

	@Test
	void aRuleWithoutASourceIsRefused() throws IOException {
		String csv = "provider,service_name,usage_contains,replication_key,source\n"
				+ "aws,Amazon Simple Storage Service,,aws:s3,\n";
		assertThatThrownBy(() -> StorageServices.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
			.hasMessageContaining("source is empty");
	}

}
