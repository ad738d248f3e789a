package org.greenledger.providercarbon;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.DocumentContext;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reports with the providers' figures: the GHG inventory's reconciliation section and
 * methodology (choice of figure), the auditor workbook's reconciliation sheet (numbers as
 * numbers, input text never a formula), and the ESRS document's methodology.
 */
@IntegrationTest
class ProviderCarbonReportTests {

	private static final String EVIL = "=HYPERLINK(\"http://evil.example\",\"x\")";

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads api;

	YearMonth month;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
		this.month = TestMonths.unusedMonth(this.http);
		String account = "7" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
		DocumentContext billed = this.api.upload("focus.csv",
				ChoiceFixtures.bill(this.month, account).getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(billed.read("$.status", String.class)).as(billed.jsonString()).isEqualTo("COMPLETED");
		// the billed account: 81 kg location-based, 21 kg market-based; an account only
		// the provider reports, named like a formula: 162 kg and 52 kg
		String quoted = "\"" + EVIL.replace("\"", "\"\"") + "\"";
		DocumentContext reported = ProviderCarbonFiles.upload(this.http, "carbon.csv.gz",
				ProviderCarbonFiles.uniquelyGzipped(ChoiceFixtures
					.export(ChoiceFixtures.row(account, this.month, "0.001", "0.05", "0.0", "0.03", "0.02"),
							ChoiceFixtures.row(quoted, this.month, "0.002", "0.1", "0.0", "0.06", "0.05"))
					.getBytes(StandardCharsets.UTF_8)));
		assertThat(reported.read("$.status", String.class)).as(reported.jsonString()).isEqualTo("COMPLETED");
		HttpResponse<String> chosen = this.http.put("/api/v1/provider-carbon/choices", "application/json", """
				{"provider": "aws", "from": "%s", "to": "%s", "figure": "PROVIDER"}""".formatted(this.month,
				this.month), MeasuredUploads.admin());
		assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
	}

	@Test
	void theGhgInventoryReportsTheProvidersFigureAndReconcilesItWithGreenLedgers() throws Exception {
		JsonNode ledger = ProviderCarbonFiles.group(ProviderCarbonFiles.get(this.http, "/api/v1/footprint?from="
				+ this.month.atDay(1) + "&to=" + this.month.atEndOfMonth() + "&groupBy=provider"), "aws");
		double estimate = ledger.path("co2eKg").path("locationBased").asDouble()
				+ ledger.path("co2eKg").path("embodied").asDouble();

		DocumentContext report = this.api.postJson("/api/v1/reports", """
				{"type": "GHG_INVENTORY", "from": "%s", "to": "%s"}""".formatted(this.month.atDay(1),
				this.month.atEndOfMonth()));

		assertThat(report.read("$.figures['Total location-based (t CO2e)']", Double.class)).isCloseTo(0.243,
				within(1e-9));
		assertThat(report.read("$.figures['Total market-based (t CO2e)']", Double.class)).isCloseTo(0.073,
				within(1e-9));
		String id = report.read("$.id", String.class);
		String text = pdfText(content(id, "pdf")).replaceAll("\\s+", " ");
		// the causes table: AWS's market instruments (243 - 73 kg) on the market-based
		// basis only (a long name may wrap in its cell)
		assertThat(text.replace(" ", "")).contains("PROVIDER_MARKET_INSTRUMENTS-0.170");
		assertThat(text).contains("Provider-reported figures and GreenLedger", "SCOPE_3_BOUNDARY", "Choice of figure",
				"AWS " + this.month + ": the provider's own figures (model v3.0.0)",
				"Reconciliation with the providers' figures");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content(id, "xlsx")))) {
			Sheet sheet = workbook.getSheet("Reconciliation");
			assertThat(sheet).isNotNull();
			Row monthRow = row(sheet, "month", this.month.toString());
			assertThat(monthRow.getCell(3).getNumericCellValue()).isCloseTo(243, within(1e-9));
			assertThat(monthRow.getCell(4).getNumericCellValue()).isCloseTo(73, within(1e-9));
			assertThat(monthRow.getCell(5).getNumericCellValue()).as("GreenLedger's estimate, not the chosen figure")
				.isCloseTo(estimate, within(1e-6));
			// market-based: AWS's instruments, location- minus market-based (243 - 73
			// kg), and the same unexplained rest as on the location-based basis
			assertThat(monthRow.getCell(12).getStringCellValue()).contains("PROVIDER_MARKET_INSTRUMENTS: -170.000");
			assertThat(monthRow.getCell(13).getNumericCellValue()).isCloseTo(monthRow.getCell(11).getNumericCellValue(),
					within(1e-9));
			Row evil = row(sheet, "account", EVIL);
			assertThat(evil.getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertThat(evil.getCell(10).getStringCellValue()).contains("ACCOUNT_ONLY_IN_PROVIDER_FIGURES: 162.000");
			for (Sheet each : workbook) {
				for (Row row : each) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).as(each.getSheetName()).isNotEqualTo(CellType.FORMULA);
					}
				}
			}
		}
	}

	@Test
	void theEsrsDocumentStatesTheChoiceOfFigure() throws Exception {
		DocumentContext report = this.api.postJson("/api/v1/reports", """
				{"type": "ESRS", "from": "%s", "to": "%s", "esrsVersion": "2023"}""".formatted(this.month.atDay(1),
				this.month.atEndOfMonth()));

		String text = pdfText(content(report.read("$.id", String.class), "pdf")).replaceAll("\\s+", " ");
		assertThat(text).contains("Choice of figure", "AWS " + this.month + ": the provider's own figures",
				"replace GreenLedger's estimate");
		assertThat(report.read("$.figures['E1-6 total location-based (t CO2e)']", Double.class)).isCloseTo(0.243,
				within(1e-9));
	}

	private static Row row(Sheet sheet, String grouping, String key) {
		List<String> seen = new ArrayList<>();
		for (Row row : sheet) {
			Cell first = row.getCell(0);
			Cell second = row.getCell(1);
			if (first != null && second != null && first.getCellType() == CellType.STRING
					&& second.getCellType() == CellType.STRING) {
				seen.add(first.getStringCellValue() + "|" + second.getStringCellValue());
				if (first.getStringCellValue().equals(grouping) && second.getStringCellValue().equals(key)) {
					return row;
				}
			}
		}
		throw new AssertionError("No row " + grouping + " " + key + " in " + seen);
	}

	private byte[] content(String id, String format) {
		HttpResponse<byte[]> response = this.http.getBytes("/api/v1/reports/" + id + "/content?format=" + format,
				MeasuredUploads.admin());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static String pdfText(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
