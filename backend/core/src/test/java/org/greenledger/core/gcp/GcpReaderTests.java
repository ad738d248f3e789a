package org.greenledger.core.gcp;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.CollectedRows;
import org.greenledger.core.billing.MappedLines;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.InputFiles;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class GcpReaderTests {

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures/gcp");

	@Test
	void everyRowOfACsvExportIsAcceptedAndCostPlusCreditsReconcilesToTheCent() throws IOException {
		CollectedRows rows = new CollectedRows();
		assertThat(readCsv("gcp-billing.csv", rows)).isEqualTo("Google Cloud billing export");

		assertThat(rows.rows()).isEqualTo(12);
		assertThat(rows.rejectedRows).isEmpty();
		assertThat(rows.billedByCurrency()).containsOnlyKeys("USD");
		assertThat(rows.billedByCurrency().get("USD")).as("sum(cost) 0.9332 + sum(credits) -0.1634")
			.isEqualByComparingTo("0.7698");
		assertThat(rows.row(1).billedCost()).isEqualByComparingTo("0.203");
		assertThat(rows.row(12).billedCost()).as("fully covered by a free tier credit").isEqualByComparingTo("0");
	}

	@Test
	void costTypesBecomeChargeCategories() throws IOException {
		CollectedRows rows = new CollectedRows();
		readCsv("gcp-billing.csv", rows);

		assertThat(rows.accepted).extracting(BillingRow::chargeCategory)
			.containsExactly("Usage", "Usage", "Usage", "Usage", "Usage", "Usage", "Tax", "Adjustment", "Adjustment",
					"Purchase", "Usage", "Usage");
	}

	@Test
	void unitsAreConvertedAndTheMachineTypeCarriedByTheCoreRow() throws IOException {
		CollectedRows rows = new CollectedRows();
		readCsv("gcp-billing.csv", rows);

		BillingRow core = rows.row(1);
		assertThat(core.provider()).isEqualTo("Google Cloud");
		assertThat(core.serviceName()).isEqualTo("Compute Engine");
		assertThat(core.subAccountId()).isEqualTo("ml-prod");
		assertThat(core.regionId()).isEqualTo("us-central1");
		assertThat(core.resourceId()).isEqualTo("trainer-1");
		assertThat(core.consumedQuantity()).as("28800 vCPU-seconds / 8 vCPUs").isEqualByComparingTo("1");
		assertThat(core.consumedUnit()).isEqualTo("Hours");
		assertThat(core.skuPriceDetails()).containsEntry("MachineType", "n2-standard-8");
		assertThat(core.tags()).containsExactly(Map.entry("team", "ml"));
		assertThat(core.chargePeriodStart()).as("BigQuery's ' UTC' suffix")
			.isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
		assertThat(rows.row(2).consumedUnit()).as("memory is counted with the core row").isEqualTo("byte-seconds");
		assertThat(rows.row(3).consumedQuantity()).isEqualByComparingTo("100");
		assertThat(rows.row(3).consumedUnit()).isEqualTo("GB-Hours");
		assertThat(rows.row(4).consumedQuantity()).isEqualByComparingTo("50");
		assertThat(rows.row(5).consumedQuantity()).isEqualByComparingTo("5");
		assertThat(rows.row(5).consumedUnit()).isEqualTo("GB");
		assertThat(rows.row(5).serviceCategory()).isEqualTo("Networking");
		assertThat(rows.row(5).chargePeriodEnd()).isEqualTo(Instant.parse("2024-03-01T01:00:00Z"));
		assertThat(rows.row(6).regionId()).as("multi-region: location.location").isEqualTo("US");
		assertThat(rows.row(6).chargePeriodStart()).as("ISO without Z")
			.isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
		assertThat(rows.row(11).consumedQuantity()).as("literal NULL").isNull();
		assertThat(rows.row(11).tags()).as("labels as a JSON object").containsExactly(Map.entry("env", "prod"));
	}

	@Test
	void rowsBecomeComputeStorageAndNetworkUsageThroughTheMapper() throws IOException {
		CollectedRows rows = new CollectedRows();
		readCsv("gcp-billing.csv", rows);

		assertThat(MappedLines.usages(rows.row(1))).containsExactly(
				new Usage.VcpuHours(new TimeSpan(8), "Cascade Lake", null,
						new org.greenledger.core.footprint.CloudInstance("gcp", "n2-standard-8", 8, 128, 32, 0)),
				new Usage.MemoryHours(DataSize.ofGigabytes(32), new TimeSpan(1)));
		assertThat(MappedLines.costOnlyReason(rows.row(2))).as("the VM's memory row: no double counting")
			.startsWith("usage counted with the vCPU row of the same VM");
		assertThat(((Usage.StorageHours) MappedLines.usages(rows.row(3)).get(0)).type()).isEqualTo(StorageType.HDD);
		assertThat(((Usage.StorageHours) MappedLines.usages(rows.row(4)).get(0)).type()).isEqualTo(StorageType.SSD);
		assertThat(MappedLines.usages(rows.row(5))).containsExactly(new Usage.NetworkTransfer(DataSize.ofGigabytes(5)));
		assertThat(MappedLines.usages(rows.row(6))).as("unknown region 'US': a spend-based estimate")
			.singleElement()
			.isInstanceOf(Usage.Spend.class);
		assertThat(MappedLines.costOnlyReason(rows.row(10))).isEqualTo("Purchase charge");
	}

	@Test
	void newlineDelimitedJsonIsReadFromTheNestedObjects() throws IOException {
		CollectedRows rows = new CollectedRows();
		try (Reader reader = InputFiles.open(FIXTURES.resolve("gcp-billing.jsonl"))) {
			assertThat(GcpReader.readJsonLines("gcp-billing.jsonl", reader, rows))
				.isEqualTo("Google Cloud billing export (JSON)");
		}

		assertThat(rows.rows()).as("the blank line is not a row").isEqualTo(6);
		assertThat(rows.rejectedRows).isEmpty();
		assertThat(rows.billedByCurrency()).containsOnlyKeys("EUR");
		assertThat(rows.billedByCurrency().get("EUR")).as("sum(cost) 2.7169 + sum(credits) -0.0453")
			.isEqualByComparingTo("2.6716");
		BillingRow core = rows.row(1);
		assertThat(core.consumedQuantity()).as("14400 vCPU-seconds / 4 vCPUs").isEqualByComparingTo("1");
		assertThat(core.skuPriceDetails()).containsEntry("MachineType", "n1-standard-4");
		assertThat(core.tags()).containsExactly(Map.entry("team", "web"), Map.entry("env", "prod"));
		assertThat(core.regionId()).isEqualTo("europe-west1");
		assertThat(MappedLines.usages(core)).hasSize(2);
		assertThat(MappedLines.usages(rows.row(3))).as("a GPU attached to an N1 VM: a spend-based estimate")
			.singleElement()
			.isInstanceOf(Usage.Spend.class);
		assertThat(rows.row(4).billedCost()).as("a quoted number").isEqualByComparingTo("0.0184");
		assertThat(rows.row(5).chargeCategory()).isEqualTo("Tax");
		assertThat(rows.row(6).billedCost()).isEqualByComparingTo("0");
	}

	@Test
	void badCellsRejectTheirRowNamingRowColumnAndReason() throws IOException {
		CollectedRows rows = new CollectedRows();
		readCsv("gcp-billing-bad-rows.csv", rows);

		assertThat(rows.accepted).extracting(BillingRow::row).containsExactly(1L);
		assertThat(rows.errors).extracting(RowError::row, RowError::column, RowError::message)
			.containsExactly(
					tuple(2L, "cost_type", "'discount' is not one of regular, tax, adjustment, rounding_error"),
					tuple(3L, "credits", "is not a JSON list of credits with amounts"),
					tuple(4L, "usage_start_time",
							"'2024-13-01 00:00:00' is not a date or timestamp (expected ISO 8601, yyyy-MM-dd HH:mm:ss or MM/dd/yyyy)"),
					tuple(5L, "labels", "is not a JSON object or a list of key/value pairs"),
					tuple(6L, "cost", "is empty"));
		assertThat(rows.billedByCurrency().get("USD")).isEqualByComparingTo("0.50");
		assertThat(rows.rejectedBilled).as("rows 2, 4 and 5; row 3's credits cannot be read")
			.isEqualByComparingTo("1.35");
	}

	@Test
	void badJsonLinesAreRejectedRows() throws IOException {
		CollectedRows rows = new CollectedRows();
		try (Reader reader = InputFiles.open(FIXTURES.resolve("gcp-billing-bad-rows.jsonl"))) {
			GcpReader.readJsonLines("bad.jsonl", reader, rows);
		}

		assertThat(rows.accepted).extracting(BillingRow::row).containsExactly(1L);
		assertThat(rows.errors).extracting(RowError::row, RowError::column, RowError::message)
			.containsExactly(tuple(2L, "*",
					"is not valid JSON (at character 62): '{\"usage_start_time\": \"2024-03-01 00:00:00 UTC\", \"cost\": 1...'"),
					tuple(3L, "cost", "'abc' is not an amount"),
					tuple(3L, "cost_type", "'promotion' is not one of regular, tax, adjustment, rounding_error"));
	}

	@Test
	void filesWithoutTheMandatoryColumnsOrFieldsAreRefusedNamingThem() {
		assertThatThrownBy(() -> readCsv("gcp-billing-missing-columns.csv", new CollectedRows()))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("gcp-billing-missing-columns.csv: not a Google Cloud billing export, or an incomplete one:"
					+ " the mandatory columns usage_end_time, cost are missing");
		assertThatThrownBy(() -> GcpReader.readJsonLines("x.jsonl",
				new StringReader("{\"usage_start_time\": \"2024-03-01 00:00:00 UTC\", \"currency\": \"USD\"}\n"),
				new CollectedRows()))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("x.jsonl: not a Google Cloud billing export, or an incomplete one: the first row has no"
					+ " usage_end_time, cost (mandatory: usage_start_time, usage_end_time, cost)");
	}

	@Test
	void aLineLongerThanTheLimitStopsTheFileInsteadOfFillingTheMemory() {
		String huge = "{\"usage_start_time\": \"" + "x".repeat(JsonLines.MAX_LINE_CHARS) + "\"}\n";
		assertThatThrownBy(() -> GcpReader.readJsonLines("huge.jsonl", new StringReader(huge), new CollectedRows()))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith("huge.jsonl: line 1 is longer than 4 M characters: newline-delimited JSON");
	}

	@Test
	void columnNamesMatchWithDotsUnderscoresOrSpaces() {
		CollectedRows rows = new CollectedRows();
		String csv = "Usage Start Time,usage_end_time,Cost,Currency,Project ID,usage_amount,Usage Unit\n"
				+ "2024-03-01 00:00:00 UTC,2024-03-01 01:00:00 UTC,1.5,USD,p1,7200,seconds\n";
		try (Table table = CsvTable.open(new StringReader(csv))) {
			GcpReader.read("spaced.csv", table, rows);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(rows.row(1).subAccountId()).isEqualTo("p1");
		assertThat(rows.row(1).consumedQuantity()).isEqualByComparingTo("2");
	}

	private static String readCsv(String fixture, CollectedRows rows) throws IOException {
		try (Reader reader = InputFiles.open(FIXTURES.resolve(fixture)); Table table = CsvTable.open(reader)) {
			return GcpReader.read(fixture, table, rows);
		}
	}

}
