package org.greenledger.core.azure;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
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

class AzureReaderTests {

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures/azure");

	@Test
	void everyRowOfAnEnterpriseAgreementExportIsAcceptedAndTheCostReconcilesToTheCent() throws IOException {
		CollectedRows rows = new CollectedRows();
		assertThat(read("azure-ea-actual.csv", rows)).isEqualTo("Azure cost details (EA)");

		assertThat(rows.rows()).isEqualTo(10);
		assertThat(rows.rejectedRows).isEmpty();
		assertThat(rows.billedByCurrency()).containsOnlyKeys("USD");
		assertThat(rows.billedByCurrency().get("USD")).isEqualByComparingTo("138.7035");
		assertThat(rows.accepted).extracting(BillingRow::chargeCategory)
			.containsExactly("Usage", "Usage", "Usage", "Usage", "Usage", "Usage", "Purchase", "Credit", "Usage",
					"Usage");
	}

	@Test
	void enterpriseAgreementColumnsUnitsRegionsTagsAndVmSizesAreRead() throws IOException {
		CollectedRows rows = new CollectedRows();
		read("azure-ea-actual.csv", rows);

		BillingRow vm = rows.row(1);
		assertThat(vm.provider()).isEqualTo("Microsoft");
		assertThat(vm.serviceName()).isEqualTo("Virtual Machines");
		assertThat(vm.serviceCategory()).isEqualTo("Compute");
		assertThat(vm.subAccountId()).as("SubscriptionGuid").isEqualTo("8f3e2a1b-4c5d-4e6f-9a0b-1c2d3e4f5a6b");
		assertThat(vm.resourceId()).as("InstanceId").endsWith("/virtualMachines/web-01");
		assertThat(vm.currency()).as("BillingCurrencyCode").isEqualTo("USD");
		assertThat(vm.regionId()).as("ResourceLocation EastUS").isEqualTo("eastus");
		assertThat(vm.chargePeriodStart()).as("MM/dd/yyyy").isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
		assertThat(vm.chargePeriodEnd()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
		assertThat(vm.consumedQuantity()).isEqualByComparingTo("24");
		assertThat(vm.consumedUnit()).isEqualTo("Hours");
		assertThat(vm.hints()).containsEntry("AdditionalInfo.ServiceType", "Standard_D2s_v3");
		assertThat(vm.tags()).as("tags without braces")
			.containsExactly(Map.entry("env", "prod"), Map.entry("team", "web"));

		assertThat(rows.row(2).consumedQuantity()).as("2.4 x '10 Hours'").isEqualByComparingTo("24");
		assertThat(rows.row(2).regionId()).as("legacy name US East").isEqualTo("eastus");
		assertThat(rows.row(3).consumedUnit()).isEqualTo("GB-Month");
		assertThat(rows.row(4).consumedQuantity()).as("4.5 x '10K'").isEqualByComparingTo("45000");
		assertThat(rows.row(4).consumedUnit()).isEqualTo("Units");
		assertThat(rows.row(5).regionId()).as("resource location before meter region Zone 1").isEqualTo("westeurope");
		assertThat(rows.row(5).serviceCategory()).isEqualTo("Networking");
		assertThat(rows.row(9).consumedUnit()).isEqualTo("Month");
		assertThat(rows.row(10).chargePeriodStart()).as("M/d/yyyy").isEqualTo(Instant.parse("2024-03-03T00:00:00Z"));
		assertThat(rows.row(10).regionId()).as("display name West Europe").isEqualTo("westeurope");
		assertThat(rows.row(10).billedCost()).as("quoted number").isEqualByComparingTo("0.50");
		assertThat(rows.row(10).tags()).containsExactly(Map.entry("env", "dev"));
	}

	@Test
	void rowsBecomeComputeStorageAndNetworkUsageThroughTheMapper() throws IOException {
		CollectedRows rows = new CollectedRows();
		read("azure-ea-actual.csv", rows);

		assertThat(MappedLines.usages(rows.row(1))).containsExactly(
				new Usage.VcpuHours(new TimeSpan(48), "Cascade Lake", null,
						new org.greenledger.core.footprint.CloudInstance("azure", "Standard_D2s_v3", 2, 64, 8, 0)),
				new Usage.MemoryHours(DataSize.ofGigabytes(8), new TimeSpan(24)));
		assertThat(MappedLines.usages(rows.row(2))).hasSize(2);
		assertThat(((Usage.StorageHours) MappedLines.usages(rows.row(3)).get(0)).type()).isEqualTo(StorageType.HDD);
		assertThat(MappedLines.usages(rows.row(5)))
			.containsExactly(new Usage.NetworkTransfer(DataSize.ofGigabytes(12.5)));
		assertThat(MappedLines.usages(rows.row(6))).as("reserved VM: it ran, at zero actual cost").hasSize(2);
		assertThat(MappedLines.usages(rows.row(4))).as("no usage mapping: a spend-based estimate")
			.singleElement()
			.isInstanceOf(Usage.Spend.class);
		assertThat(MappedLines.costOnlyReason(rows.row(7))).isEqualTo("Purchase charge");
		assertThat(MappedLines.usages(rows.row(9))).singleElement().isInstanceOf(Usage.Spend.class);
	}

	@Test
	void aCustomerAgreementExportReconcilesPerCurrency() throws IOException {
		CollectedRows rows = new CollectedRows();
		assertThat(read("azure-mca-actual.csv", rows)).isEqualTo("Azure cost details (MCA)");

		assertThat(rows.rows()).isEqualTo(8);
		assertThat(rows.rejectedRows).isEmpty();
		assertThat(rows.billedByCurrency()).containsOnlyKeys("EUR", "USD");
		assertThat(rows.billedByCurrency().get("EUR")).isEqualByComparingTo("509.77");
		assertThat(rows.billedByCurrency().get("USD")).isEqualByComparingTo("96.304");
		assertThat(rows.accepted).extracting(BillingRow::chargeCategory)
			.containsExactly("Usage", "Usage", "Usage", "Purchase", "Adjustment", "Usage", "Credit", "Usage");
		assertThat(rows.row(1).tags()).containsExactly(Map.entry("team", "data"));
		assertThat(rows.row(2).chargePeriodStart()).as("ISO date").isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
		assertThat(rows.row(6).regionId()).isEqualTo("eastus2");
		assertThat(MappedLines.usages(rows.row(6))).hasSize(2);
		assertThat(MappedLines.usages(rows.row(3)))
			.containsExactly(new Usage.NetworkTransfer(DataSize.ofGigabytes(100)));
	}

	@Test
	void anAmortizedExportIsLabelledAndItsUnusedCommitmentsAreCostOnly() throws IOException {
		CollectedRows rows = new CollectedRows();
		assertThat(read("azure-mca-amortized.csv", rows)).isEqualTo("Azure cost details (MCA, amortized)");

		assertThat(rows.rows()).isEqualTo(5);
		assertThat(rows.billedByCurrency().get("USD")).isEqualByComparingTo("7.136");
		assertThat(rows.accepted).extracting(BillingRow::chargeCategory)
			.containsExactly("Usage", "Purchase", "Purchase", "Usage", "Usage");
		assertThat(MappedLines.usages(rows.row(1))).hasSize(2);
		assertThat(MappedLines.costOnlyReason(rows.row(2))).as("unused reservation: nothing ran")
			.isEqualTo("Purchase charge");
		assertThat(rows.row(1).effectiveCost()).isNull();
	}

	@Test
	void badCellsRejectTheirRowNamingRowColumnAndReason() throws IOException {
		CollectedRows rows = new CollectedRows();
		read("azure-bad-rows.csv", rows);

		assertThat(rows.accepted).extracting(BillingRow::row).containsExactly(1L);
		assertThat(rows.errors).extracting(RowError::row, RowError::column, RowError::message)
			.containsExactly(tuple(2L, "Date",
					"'13/45/2024' is not a date or timestamp (expected ISO 8601, yyyy-MM-dd HH:mm:ss or MM/dd/yyyy)"),
					tuple(3L, "Quantity", "'twenty' is not a number"),
					tuple(4L, "ChargeType",
							"'Bonus' is not a known charge type (Usage, Purchase, Refund, UnusedReservation,"
									+ " UnusedSavingsPlan, Tax, RoundingAdjustment)"),
					tuple(5L, "AdditionalInfo", "is not a JSON object or a list of key/value pairs"),
					tuple(6L, "CostInBillingCurrency", "is empty"),
					tuple(7L, "Tags", "is not a JSON object or a list of key/value pairs"));
		assertThat(rows.billedByCurrency().get("USD")).isEqualByComparingTo("2.304");
		assertThat(rows.rejectedBilled).isEqualByComparingTo("1.90");
	}

	@Test
	void anExportWithoutTheMandatoryColumnsIsRefusedNamingThem() {
		assertThatThrownBy(() -> read("azure-missing-columns.csv", new CollectedRows()))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("azure-missing-columns.csv: not an Azure cost details export, or an incomplete one: the"
					+ " mandatory columns CostInBillingCurrency or Cost or PreTaxCost, UnitOfMeasure are missing");
	}

	@Test
	void unitsOfMeasureMultiplyTheQuantity() {
		assertThat(AzureValues.measure(new BigDecimal("0.24"), "100 Hours"))
			.isEqualTo(new AzureValues.Measure(new BigDecimal("24.00"), "Hours"));
		assertThat(AzureValues.measure(new BigDecimal("2"), "1,000 GB/Month").amount()).isEqualByComparingTo("2000");
		assertThat(AzureValues.measure(new BigDecimal("3"), "10K Transactions"))
			.isEqualTo(new AzureValues.Measure(new BigDecimal("30000"), "Transactions"));
		assertThat(AzureValues.measure(new BigDecimal("5"), "1 MB").unit()).isEqualTo("MB");
		assertThat(AzureValues.measure(new BigDecimal("5"), "GB"))
			.isEqualTo(new AzureValues.Measure(new BigDecimal("5"), "GB"));
		assertThat(AzureValues.region("Global", "EU North")).isEqualTo("northeurope");
		assertThat(AzureValues.region(null, "Intercontinental")).isNull();
	}

	@Test
	void localizedHeadersAreReadByTheEnglishNameInParentheses() throws IOException {
		// as a German pay-as-you-go download writes them (OpenCost's German header set)
		String csv = String.join("\n",
				"Abonnement-GUID (SubscriptionGuid),Ressourcenstandort (ResourceLocation),UsageDateTime (UsageDateTime),"
						+ "Kategorie der Verbrauchseinheit (MeterCategory),Name der Verbrauchseinheit (MeterName),"
						+ "UsageQuantity (UsageQuantity),PreTaxCost (PreTaxCost),Currency,Maßeinheit (UnitOfMeasure)",
				"11111111-12ab-34dc-56ef-123456abcdef,US East,2021-02-02,Load Balancer,Included LB Rules,3,0.075,USD,"
						+ "100 Hours");
		CollectedRows rows = new CollectedRows();
		try (Table table = CsvTable.open(new java.io.StringReader(csv))) {
			assertThat(AzureReader.recognises(table.header())).isTrue();
			assertThat(AzureReader.read("german.csv", table, rows)).isEqualTo("Azure cost details (EA)");
		}
		assertThat(rows.rejectedRows).isEmpty();
		BillingRow row = rows.accepted.get(0);
		assertThat(row.regionId()).isEqualTo("eastus");
		assertThat(row.serviceName()).isEqualTo("Load Balancer");
		assertThat(row.consumedQuantity()).isEqualByComparingTo("300");
		assertThat(row.billedCost()).isEqualByComparingTo("0.075");
		assertThat(AzureColumns.canonical("Maßeinheit (UnitOfMeasure)")).isEqualTo("unitofmeasure");
		assertThat(AzureColumns.canonical("CostInBillingCurrency")).isEqualTo("costinbillingcurrency");
	}

	private static String read(String fixture, CollectedRows rows) throws IOException {
		try (Reader reader = InputFiles.open(FIXTURES.resolve(fixture)); Table table = CsvTable.open(reader)) {
			return AzureReader.read(fixture, table, rows);
		}
	}

}
