package org.greenledger.core.awscur;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.CollectedRows;
import org.greenledger.core.billing.MappedLines;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.InputFiles;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CurReaderTests {

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures/aws-cur");

	@Test
	void everyRowOfALegacyCurIsAcceptedAndTheUnblendedCostReconcilesToTheCent() throws IOException {
		Read read = read("cur-legacy.csv");

		assertThat(read.label()).isEqualTo("AWS CUR");
		assertThat(read.rows().rows()).isEqualTo(19);
		assertThat(read.rows().rejectedRows).isEmpty();
		assertThat(read.rows().billedByCurrency()).containsOnlyKeys("USD");
		assertThat(read.rows().billedByCurrency().get("USD")).isEqualByComparingTo("57.9240");
	}

	@Test
	void lineItemTypesBecomeChargeCategoriesWithTheEffectiveCostWhereTheCurStatesIt() throws IOException {
		CollectedRows rows = read("cur-legacy.csv").rows();

		assertThat(rows.accepted).extracting(BillingRow::chargeCategory)
			.containsExactly("Usage", "Usage", "Usage", "Adjustment", "Purchase", "Purchase", "Usage", "Usage", "Usage",
					"Usage", "Tax", "Credit", "Credit", "Adjustment", "Adjustment", "Purchase", "Usage", "Usage",
					"Usage");
		assertThat(rows.row(2).billedCost()).isEqualByComparingTo("0");
		assertThat(rows.row(2).effectiveCost()).isEqualByComparingTo("0.215");
		assertThat(rows.row(3).effectiveCost()).isEqualByComparingTo("21.3022");
		assertThat(rows.row(4).effectiveCost()).isEqualByComparingTo("0");
		assertThat(rows.row(5).effectiveCost()).isNull();
		assertThat(rows.row(1).effectiveCost()).isEqualByComparingTo("0.192");
	}

	@Test
	void instanceTypesRegionsTagsUnitsAndStorageHintsAreRead() throws IOException {
		CollectedRows rows = read("cur-legacy.csv").rows();

		BillingRow first = rows.row(1);
		assertThat(first.provider()).isEqualTo("AWS");
		assertThat(first.serviceName()).isEqualTo("Amazon Elastic Compute Cloud");
		assertThat(first.serviceCategory()).isEqualTo("Compute");
		assertThat(first.hints()).containsEntry("product/instanceType", "m5.xlarge");
		assertThat(first.regionId()).isEqualTo("us-east-1");
		assertThat(first.subAccountId()).isEqualTo("444455556666");
		assertThat(first.resourceId()).isEqualTo("i-0abc1234def567890");
		assertThat(first.consumedQuantity()).isEqualByComparingTo("1");
		assertThat(first.consumedUnit()).isEqualTo("Hrs");
		assertThat(first.tags()).containsExactly(Map.entry("team", "ml"),
				Map.entry("aws:createdBy", "IAMUser:AIDAEXAMPLE:alice"));

		assertThat(rows.row(3).regionId()).as("from the display name in product/location").isEqualTo("us-west-2");
		assertThat(rows.row(9).regionId()).as("from the pre-2022 name EU (Ireland)").isEqualTo("eu-west-1");
		assertThat(rows.row(19).regionId()).as("from a display name in product/region").isEqualTo("eu-central-1");
		assertThat(rows.row(7).skuPriceDetails()).containsEntry("StorageClass", "gp3 / General Purpose");
		assertThat(rows.row(8).skuPriceDetails()).containsEntry("StorageClass", "st1 / Throughput Optimized HDD");
		assertThat(rows.row(9).serviceSubcategory()).isEqualTo("Object Storage");
		assertThat(rows.row(10).serviceCategory()).isEqualTo("Networking");
		assertThat(rows.row(17).consumedQuantity()).as("literal NULL").isNull();
		assertThat(rows.row(18).tags()).as("empty and NULL tag cells").isEmpty();
		assertThat(rows.row(10).chargePeriodStart()).as("ISO without Z")
			.isEqualTo(Instant.parse("2024-03-01T05:00:00Z"));
		assertThat(rows.row(18).chargePeriodStart()).as("yyyy-MM-dd HH:mm:ss")
			.isEqualTo(Instant.parse("2024-03-01T02:00:00Z"));
	}

	@Test
	void rowsBecomeComputeStorageAndNetworkUsageThroughTheMapper() throws IOException {
		CollectedRows rows = read("cur-legacy.csv").rows();

		assertThat(MappedLines.usages(rows.row(1))).hasSize(2)
			.first()
			.isEqualTo(new Usage.VcpuHours(new org.greenledger.core.footprint.TimeSpan(4), "Skylake", null,
					new org.greenledger.core.footprint.CloudInstance("aws", "m5.xlarge", 4, 96, 16, 0)));
		assertThat(MappedLines.usages(rows.row(3))).hasSize(3).last().isInstanceOf(Usage.AcceleratorHours.class);
		assertThat(storageType(rows.row(7))).isEqualTo(StorageType.SSD);
		assertThat(storageType(rows.row(8))).isEqualTo(StorageType.HDD);
		assertThat(storageType(rows.row(9))).isEqualTo(StorageType.HDD);
		assertThat(MappedLines.usages(rows.row(10))).singleElement()
			.isEqualTo(new Usage.NetworkTransfer(org.greenledger.core.footprint.DataSize.ofGigabytes(45)));
		assertThat(MappedLines.costOnlyReason(rows.row(4))).isEqualTo("Adjustment charge");
		assertThat(MappedLines.costOnlyReason(rows.row(17))).isEqualTo("no consumed quantity");
	}

	@Test
	void aGzippedCurIsReadLikeThePlainOne() throws IOException {
		CollectedRows rows = new CollectedRows();
		try (Table table = CsvTable.open(InputFiles.open(FIXTURES.resolve("cur-legacy.csv.gz")))) {
			assertThat(CurReader.read("cur-legacy.csv.gz", table, rows)).isEqualTo("AWS CUR");
		}
		assertThat(rows.accepted).hasSize(19);
		assertThat(rows.billedByCurrency().get("USD")).isEqualByComparingTo("57.9240");
	}

	@Test
	void aCur2ExportReadsProductAndTagMapsFromJsonCells() throws IOException {
		Read read = read("cur2.csv");
		CollectedRows rows = read.rows();

		assertThat(read.label()).isEqualTo("AWS CUR 2.0");
		assertThat(rows.rows()).isEqualTo(8);
		assertThat(rows.rejectedRows).isEmpty();
		assertThat(rows.billedByCurrency().get("USD")).isEqualByComparingTo("5.2549");
		assertThat(rows.row(1).tags()).containsExactly(Map.entry("team", "search"), Map.entry("cost_center", "cc-42"));
		assertThat(rows.row(1).serviceName()).as("from the product map").isEqualTo("Amazon Elastic Compute Cloud");
		assertThat(rows.row(1).hints()).containsEntry("product_instance_type", "m6i.large");
		assertThat(rows.row(2).skuPriceDetails()).containsEntry("StorageClass", "sc1 / Cold HDD");
		assertThat(rows.row(2).chargePeriodEnd()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
		assertThat(rows.row(3).serviceCategory()).isEqualTo("Networking");
		assertThat(rows.row(4).effectiveCost()).isEqualByComparingTo("0.704");
		assertThat(rows.row(5).chargeCategory()).isEqualTo("Adjustment");
		assertThat(rows.row(7).tags()).isEmpty();
		assertThat(rows.row(8).regionId()).as("from the product map").isEqualTo("ap-southeast-2");
		assertThat(rows.row(8).serviceSubcategory()).isEqualTo("Object Storage");
		assertThat(storageType(rows.row(2))).isEqualTo(StorageType.HDD);
		assertThat(MappedLines.usages(rows.row(4))).hasSize(3);
	}

	@Test
	void badCellsRejectTheirRowNamingRowColumnAndReasonAndKeepTheReadableCost() throws IOException {
		CollectedRows rows = read("cur-legacy-bad-rows.csv").rows();

		assertThat(rows.accepted).extracting(BillingRow::row).containsExactly(1L, 6L);
		assertThat(rows.rejectedRows).containsExactly(2L, 3L, 4L, 5L);
		assertThat(rows.errors).extracting(RowError::row, RowError::column, RowError::message)
			.containsExactly(tuple(2L, "lineItem/LineItemType",
					"'Surcharge' is not a known line item type (Usage, DiscountedUsage, SavingsPlanCoveredUsage, Tax,"
							+ " Credit, Refund, Fee, RIFee, SavingsPlanRecurringFee, SavingsPlanUpfrontFee,"
							+ " SavingsPlanNegation, *Discount)"),
					tuple(3L, "lineItem/UsageStartDate",
							"'03/32/2024' is not a date or timestamp (expected ISO 8601, yyyy-MM-dd HH:mm:ss or MM/dd/yyyy)"),
					tuple(3L, "lineItem/UnblendedCost", "'abc' is not an amount"),
					tuple(4L, "lineItem/UsageEndDate", "ends before lineItem/UsageStartDate"),
					tuple(4L, "lineItem/UsageAmount", "'lots' is not a number"),
					tuple(5L, "lineItem/LineItemType", "is empty"), tuple(5L, "lineItem/UnblendedCost", "is empty"));
		assertThat(rows.billedByCurrency().get("USD")).isEqualByComparingTo("1.10");
		assertThat(rows.rejectedBilled).isEqualByComparingTo("2.50");
	}

	@Test
	void aCurWithoutTheMandatoryColumnsIsRefusedNamingThem() {
		assertThatThrownBy(() -> read("cur-legacy-missing-columns.csv")).isInstanceOf(InvalidFileException.class)
			.hasMessage("cur-legacy-missing-columns.csv: not an AWS Cost and Usage Report, or an incomplete one:"
					+ " the mandatory columns lineItem/UsageEndDate or line_item_usage_end_date,"
					+ " lineItem/UnblendedCost or line_item_unblended_cost are missing (legacy CUR and CUR 2.0 names"
					+ " are accepted)");
	}

	@Test
	void lineItemTypesOutsideTheKnownOnesAreNamedDiscountsIncluded() {
		assertThat(List.of("Usage", "discountedusage", "SavingsPlanCoveredUsage", "Tax", "Credit", "Refund", "Fee",
				"RIFee", "SavingsPlanRecurringFee", "SavingsPlanUpfrontFee", "SavingsPlanNegation", "BundledDiscount",
				"EdpDiscount", "PrivateRateDiscount", "DistributorDiscount", "Discount"))
			.extracting(CurValues::chargeCategory)
			.containsExactly("Usage", "Usage", "Usage", "Tax", "Credit", "Credit", "Purchase", "Purchase", "Purchase",
					"Purchase", "Adjustment", "Adjustment", "Adjustment", "Adjustment", "Adjustment", "Adjustment");
		assertThat(CurValues.chargeCategory("Surcharge")).isNull();
		assertThat(CurValues.tagKey("user:cost-center")).isEqualTo("cost-center");
		assertThat(CurValues.tagKey("aws:createdBy")).isEqualTo("aws:createdBy");
		assertThat(Tuple.tuple(CurValues.region(null, "us-gov-west-1", null, null),
				CurValues.region(null, null, "Asia Pacific (Tokyo)", null),
				CurValues.region(null, null, "Moon Base (One)", null)))
			.isEqualTo(Tuple.tuple("us-gov-west-1", "ap-northeast-1", "Moon Base (One)"));
	}

	private static StorageType storageType(BillingRow record) {
		return ((Usage.StorageHours) MappedLines.usages(record).get(0)).type();
	}

	private static Read read(String fixture) throws IOException {
		CollectedRows rows = new CollectedRows();
		try (Reader reader = InputFiles.open(FIXTURES.resolve(fixture)); Table table = CsvTable.open(reader)) {
			return new Read(CurReader.read(fixture, table, rows), rows);
		}
	}

	private record Read(String label, CollectedRows rows) {
	}

}
