package org.greenledger.core.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.greenledger.core.billing.CollectedRows;
import org.greenledger.core.billing.ParquetOpener;
import org.greenledger.core.source.FormatKind;
import org.greenledger.core.table.InputFiles;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.ParquetLimits;
import org.greenledger.core.table.ParquetTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingReadersTests {

	private static final ParquetOpener PARQUET = content -> ParquetTable.open(content, Path.of("target/parquet-work"),
			ParquetLimits.DEFAULTS);

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures");

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					focus-spec-examples/saas_examples__spend_agreements__saas_spend_agreements_b2.csv | FOCUS 1.2                          | 14
					aws-cur/cur-legacy.csv                                                            | AWS CUR                            | 19
					aws-cur/cur-legacy.csv.gz                                                         | AWS CUR                            | 19
					aws-cur/cur2.csv                                                                  | AWS CUR 2.0                        | 8
					gcp/gcp-billing.csv                                                               | Google Cloud billing export        | 12
					gcp/gcp-billing.jsonl                                                             | Google Cloud billing export (JSON) | 6
					azure/azure-ea-actual.csv                                                         | Azure cost details (EA)            | 10
					azure/azure-mca-actual.csv                                                        | Azure cost details (MCA)           | 8
					azure/azure-mca-amortized.csv                                                     | Azure cost details (MCA, amortized) | 5
					""")
	void theFormatIsDetectedFromTheContent(String fixture, String label, int rows) throws IOException {
		CollectedRows collected = new CollectedRows();
		assertThat(read(fixture, null, collected)).isEqualTo(label);
		assertThat(collected.rows()).isEqualTo(rows);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			aws-cur/cur-legacy.csv    | aws_cur
			aws-cur/cur2.csv          | AWS-CUR
			aws-cur/cur2.csv          | cur 2.0
			gcp/gcp-billing.jsonl     | google
			gcp/gcp-billing.csv       | GCP
			azure/azure-ea-actual.csv | Azure
			""")
	void aRequestedFormatThatMatchesTheContentIsAcceptedWhateverItsSpelling(String fixture, String requested)
			throws IOException {
		CollectedRows collected = new CollectedRows();
		read(fixture, requested, collected);
		assertThat(collected.rejectedRows).isEmpty();
		assertThat(collected.accepted).isNotEmpty();
	}

	@Test
	void aRequestedFormatThatContradictsTheContentIsRefused() {
		assertThatThrownBy(() -> read("aws-cur/cur-legacy.csv", "AZURE", new CollectedRows()))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("aws-cur/cur-legacy.csv: AZURE was requested, but the file is an AWS Cost and Usage Report"
					+ " (legacy CUR); send it without a format to have it detected, or with format AWS_CUR");
		assertThatThrownBy(() -> read("aws-cur/cur-legacy.csv", "AWS_CUR2", new CollectedRows()))
			.hasMessageContaining("AWS_CUR2 was requested, but the file is an AWS Cost and Usage Report (legacy CUR)");
		assertThatThrownBy(() -> read("gcp/gcp-billing.jsonl", "FOCUS", new CollectedRows()))
			.hasMessageContaining("FOCUS was requested, but the file is a Google Cloud billing export");
		assertThatThrownBy(() -> read("azure/azure-mca-actual.csv", "gcp", new CollectedRows()))
			.hasMessageContaining("GCP was requested, but the file is an Azure cost details export");
		assertThatThrownBy(() -> read("gcp/gcp-billing.csv", "ORACLE", new CollectedRows()))
			.hasMessage("gcp/gcp-billing.csv: the requested format 'ORACLE' is not one of FOCUS, AWS_CUR, AWS_CUR2,"
					+ " GCP, AZURE");
	}

	@Test
	void otherFormatsHeadersAreNamedAndIncompleteOnesGetTheirReadersMessage() {
		assertThatThrownBy(() -> readText("x.csv", "identity/LineItemId,lineItem/UnblendedCost\nx,1\n", null))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith("x.csv: not an AWS Cost and Usage Report, or an incomplete one: the mandatory"
					+ " columns lineItem/LineItemType or line_item_line_item_type");
		assertThatThrownBy(() -> readText("x.csv", "line_item_line_item_type,x\nUsage,1\n", null))
			.hasMessageContaining("lineItem/UsageStartDate or line_item_usage_start_date");
		assertThatThrownBy(
				() -> readText("x.csv", "Date,MeterCategory,Quantity,CostInBillingCurrency\n01/01/2024,VM,1,2\n", null))
			.hasMessage("x.csv: not an Azure cost details export, or an incomplete one: the mandatory column"
					+ " UnitOfMeasure is missing");
		assertThatThrownBy(() -> readText("x.csv", "ChargePeriodStart,BilledCost\nx,1\n", null))
			.hasMessageStartingWith("x.csv: not a FOCUS file, or an incomplete one");
		assertThatThrownBy(() -> readText("x.csv", "Something,Else\nx,1\n", "AZURE"))
			.as("the requested format's reader names what is missing")
			.hasMessageStartingWith("x.csv: not an Azure cost details export, or an incomplete one");
	}

	@Test
	void contentOfNoKnownFormatIsRefusedWithTheReason() {
		assertThatThrownBy(() -> readText("other.csv", "Something,Else\nx,1\n", null))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith("other.csv: not a billing export GreenLedger reads: the header has none of the"
					+ " columns of FOCUS (ChargePeriodStart, ChargePeriodEnd, ChargeCategory, BilledCost)");
		assertThatThrownBy(() -> readText("empty.csv", "", null)).hasMessage("empty.csv: the file is empty");
		assertThatThrownBy(() -> readText("array.json", "  [{\"cost\": 1}]", null))
			.hasMessageStartingWith("array.json: a JSON array is not read");
		assertThatThrownBy(() -> readText("bill.parquet", "PAR1\u0015\u0004binary", null))
			.hasMessageStartingWith("bill.parquet: ");
	}

	@Test
	void parquetIsRecognisedByItsMagicBytesAndReadByTheFormatsReader() throws IOException {
		CollectedRows rows = new CollectedRows();
		Path parquet = Path.of("../src/test/resources/fixtures/focus/saas_spend_agreements_b2.parquet");
		try (InputStream content = Files.newInputStream(parquet)) {
			assertThat(BillingReaders.read("saas.parquet", content, null, PARQUET, rows)).startsWith("FOCUS 1.");
		}
		assertThat(rows.rows()).isPositive();
		assertThat(rows.rejectedRows).isEmpty();
	}

	@Test
	void aByteOrderMarkBeforeJsonLinesIsSkipped() {
		CollectedRows rows = new CollectedRows();
		String json = "\uFEFF{\"usage_start_time\":\"2024-03-01 00:00:00 UTC\",\"usage_end_time\":"
				+ "\"2024-03-01 01:00:00 UTC\",\"cost\":1.25,\"currency\":\"USD\"}\n";
		assertThat(BillingReaders.read("bom.jsonl", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
				null, PARQUET, rows))
			.isEqualTo("Google Cloud billing export (JSON)");
		assertThat(rows.billedByCurrency().get("USD")).isEqualByComparingTo("1.25");
	}

	@Test
	void requestedFormatNamesAreLenient() {
		assertThat(named("focus 1.2")).contains("FOCUS");
		assertThat(named(" Aws-Cur ")).contains("AWS_CUR");
		assertThat(named("aws_cur2")).contains("AWS_CUR2");
		assertThat(named("Google Cloud")).contains("GCP");
		assertThat(named("azure")).contains("AZURE");
		assertThat(named("oracle")).isEmpty();
		assertThat(SourceFormats.names(FormatKind.BILLING)).containsExactly("FOCUS", "AWS_CUR", "AWS_CUR2", "GCP",
				"AZURE");
	}

	@Test
	void aZipArchiveIsRefusedWithWhatToSendInstead() throws IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("report-00001.csv"));
			zip.write(Files.readAllBytes(FIXTURES.resolve("aws-cur/cur-legacy.csv")));
		}
		assertThatThrownBy(() -> BillingReaders.read("report-00001.csv.zip",
				new ByteArrayInputStream(bytes.toByteArray()), null, PARQUET, new CollectedRows()))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("report-00001.csv.zip: a ZIP archive is not read; unzip it and send the CSV inside"
					+ " (gzip-compressed or plain), or choose GZIP compression for the export");
	}

	@Test
	void anOracleCostReportIsNotMistakenForAnIncompleteCur() {
		assertThatThrownBy(() -> readText("reports_cost-csv_0001.csv",
				"lineItem/referenceNo,lineItem/tenantId,lineItem/intervalUsageStart,lineItem/intervalUsageEnd,"
						+ "product/service,usage/billedQuantity,cost/myCost,cost/currencyCode\n"
						+ "7108a1f8,ocid1.tenancy.oc1..aaa,2023-11-13T10:00Z,2023-11-13T11:00:00Z,DATABASE,0.08,0.012,USD",
				null))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith(
					"reports_cost-csv_0001.csv: an Oracle Cloud (OCI) cost report in Oracle's own layout");
	}

	private static String read(String fixture, @Nullable String requested, CollectedRows rows) throws IOException {
		try (InputStream content = InputFiles.decompressed(Files.newInputStream(FIXTURES.resolve(fixture)))) {
			return BillingReaders.read(fixture, content, requested, PARQUET, rows);
		}
	}

	private static String readText(String name, String content, @Nullable String requested) {
		return BillingReaders.read(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), requested,
				PARQUET, new CollectedRows());
	}

	private static java.util.Optional<String> named(String requested) {
		return SourceFormats.parse(requested, SourceFormats.ofKind(FormatKind.BILLING))
			.map(named -> named.name().name());
	}

}
