package org.greenledger.disclosure;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
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

import org.greenledger.PdfUa;
import org.greenledger.HttpTestClient;
import org.greenledger.TestMonths;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestOrgUnits;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reports end to end: a GHG inventory of a period whose PDF (text extraction) and XLSX
 * (re-opened with POI) carry the footprint API's numbers; formula injection neutralized
 * in the activity lines; a locked period refusing a new report; a restatement's
 * differences; the evidence pack's hashes.
 */
@IntegrationTest
class ReportTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads api;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	@Test
	void aGhgInventoryCarriesTheFootprintNumbersInEveryRenderingAndIsRestatedWithItsDifferences() throws Exception {
		LocalDate month = TestMonths.unusedMonth(this.http).atDay(1);
		LocalDate end = month.plusMonths(1).minusDays(1);
		String nonce = UUID.randomUUID().toString();
		// 2,000 hours of a p4d.24xlarge: a few tonnes, so the rounded figures mean
		// something
		TestOrgUnits.register(this.http, "ml-" + nonce);
		TestOrgUnits.register(this.http, "other-" + nonce);
		DocumentContext job = this.api.upload("bill.csv",
				focus(month, nonce, "=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")", 2000)
					.getBytes(StandardCharsets.UTF_8),
				Map.of("orgUnit", "ml-" + nonce));
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		DocumentContext footprint = this.api
			.getJson("/api/v1/footprint?from=" + month + "&to=" + end + "&groupBy=scope");
		double scope3Kg = footprint.read("$.groups[?(@.key == 'SCOPE_3_CATEGORY_1')].co2eKg.locationBased", List.class)
			.stream()
			.mapToDouble(value -> ((Number) value).doubleValue())
			.sum();
		assertThat(scope3Kg).isGreaterThan(100);

		String name = "R-" + nonce.substring(0, 8);
		String periodId = this.api.postJson("/api/v1/periods", """
				{"name": "%s", "start": "%s", "end": "%s"}""".formatted(name, month, end)).read("$.id", String.class);
		DocumentContext report = this.api.postJson("/api/v1/reports", """
				{"type": "GHG_INVENTORY", "periodId": "%s"}""".formatted(periodId));
		String id = report.read("$.id", String.class);
		sample("ghg-inventory", report(id, "pdf"));
		assertThat(report.read("$.figures['Scope 3 category 1 location-based (t CO2e)']", Double.class))
			.isCloseTo(scope3Kg / 1000, within(1e-9));
		assertThat(report.read("$.contents.pdf", String.class)).hasSize(64);
		// the same inventory for the org unit the file was uploaded for, and for
		// another one
		DocumentContext ours = this.api.postJson("/api/v1/reports", """
				{"type": "GHG_INVENTORY", "from": "%s", "to": "%s", "orgUnit": "ml-%s"}""".formatted(month, end,
				nonce));
		assertThat(ours.read("$.figures['Scope 3 category 1 location-based (t CO2e)']", Double.class))
			.isCloseTo(scope3Kg / 1000, within(1e-9));
		DocumentContext theirs = this.api.postJson("/api/v1/reports", """
				{"type": "GHG_INVENTORY", "from": "%s", "to": "%s", "orgUnit": "other-%s"}""".formatted(month, end,
				nonce));
		assertThat(theirs.read("$.figures['Scope 3 category 1 location-based (t CO2e)']", Double.class)).isZero();

		// the PDF shows the figure as the footprint API has it, with three significant
		// digits (the documents' precision rule), and names the document, not its code
		byte[] pdf = this.http.get("/api/v1/reports/" + id + "/content?format=pdf", MeasuredUploads.admin())
			.body()
			.getBytes(StandardCharsets.ISO_8859_1);
		String text = pdfText(report(id, "pdf"));
		PdfUa.assertAccessible("GHG inventory", report(id, "pdf"));
		assertThat(text).contains(printed(scope3Kg / 1000))
			.contains("GHG inventory", name, "GREENHOUSE GAS INVENTORY")
			.doesNotContain("GHG_INVENTORY");

		// the workbook re-opened with POI: the same number as a numeric cell, no
		// formula anywhere
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report(id, "xlsx")))) {
			assertThat(numericCells(workbook))
				.anySatisfy(value -> assertThat(value).isCloseTo(scope3Kg / 1000, within(1e-9)));
			for (String sheet : List.of("Summary", "By scope", "Activity lines", "Factors used", "Data quality",
					"Changes since the last version")) {
				assertThat(workbook.getSheet(sheet)).as(sheet).isNotNull();
			}
			Sheet lines = workbook.getSheet("Activity lines");
			assertThat(lines.getRow(1).getCell(0).getStringCellValue()).isEqualTo("bill.csv");
			// the line names its file and factors by key; the texts are in the Source
			// files and Factors used sheets, once each
			assertThat(lines.getRow(0).getCell(27).getStringCellValue()).isEqualTo("Factor keys");
			Map<String, String> factorKinds = new java.util.HashMap<>();
			for (Row row : workbook.getSheet("Factors used")) {
				factorKinds.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
			}
			assertThat(lines.getRow(1).getCell(27).getStringCellValue().split(" "))
				.allSatisfy(key -> assertThat(factorKinds).containsKey(key))
				.anySatisfy(key -> assertThat(factorKinds.get(key)).isEqualTo("GRID_INTENSITY"));
			String sourceKey = lines.getRow(1).getCell(1).getStringCellValue();
			assertThat(sourceKey).matches("[0-9a-f]{12}");
			assertThat(workbook.getSheet("Source files"))
				.anySatisfy(row -> assertThat(row.getCell(0).getStringCellValue() + " "
						+ row.getCell(1).getStringCellValue() + " " + row.getCell(2).getStringCellValue())
					.matches(sourceKey + " bill.csv " + sourceKey + "[0-9a-f]{52}"));
			boolean found = false;
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING
								&& cell.getStringCellValue().startsWith("=HYPERLINK")) {
							found = true;
						}
					}
				}
			}
			assertThat(found).as("the service name from the input is in the workbook, as text").isTrue();
		}
		assertThat(new String(report(id, "html"), StandardCharsets.UTF_8))
			.contains(name, "Emissions by scope", "Greenhouse gas inventory", printed(scope3Kg / 1000))
			.doesNotContain("GHG_INVENTORY");

		// approved: the period's report cannot be produced again
		move(periodId, "IN_REVIEW");
		move(periodId, "APPROVED");
		HttpResponse<String> again = this.http.post("/api/v1/reports", "application/json",
				"{\"type\": \"GHG_INVENTORY\", \"periodId\": \"" + periodId + "\"}", MeasuredUploads.admin());
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("approved and locked", id);

		// restated with a late bill: the new report shows the differences from the
		// approved one
		String restated = this.api
			.postJson("/api/v1/periods/" + periodId + "/restatements", "{\"reason\": \"A late bill for the month\"}")
			.read("$.id", String.class);
		DocumentContext late = this.api.upload("late.csv",
				focus(month, UUID.randomUUID().toString(), "EC2", 1000).getBytes(StandardCharsets.UTF_8),
				Map.of("overlap", "APPEND"));
		assertThat(late.read("$.status", String.class)).as(late.jsonString()).isEqualTo("COMPLETED");
		DocumentContext second = this.api.postJson("/api/v1/reports", """
				{"type": "GHG_INVENTORY", "periodId": "%s"}""".formatted(restated));
		assertThat(second.read("$.previousId", String.class)).isEqualTo(id);
		double before = report.read("$.figures['Total location-based (t CO2e)']", Double.class);
		double after = second.read("$.figures['Total location-based (t CO2e)']", Double.class);
		assertThat(after).isCloseTo(before * 1.5, within(before * 1e-6));
		String restatedText = pdfText(report(second.read("$.id", String.class), "pdf"));
		assertThat(restatedText).contains("Changes since the last version", "A late bill for the month",
				printed(after - before));

		// the evidence pack: every file listed in the manifest with its SHA-256
		byte[] zip = this.http.getBytes("/api/v1/reports/" + id + "/evidence", MeasuredUploads.admin()).body();
		Map<String, byte[]> files = unzip(zip);
		assertThat(files).containsKeys("manifest.json", "report.pdf", "report.xlsx", "report.html", "source-files.json",
				"factor-datasets.json", "audit-events.json");
		DocumentContext manifest = JsonPath.parse(new String(files.get("manifest.json"), StandardCharsets.UTF_8));
		assertThat(manifest.read("$.files[?(@.name == 'report.pdf')].sha256", List.class))
			.containsExactly(report.read("$.contents.pdf", String.class));
		assertThat(new String(files.get("source-files.json"), StandardCharsets.UTF_8))
			.contains(job.read("$.sha256", String.class));
	}

	@Test
	void theReportsPageListsReportsAndAuditorsDownloadButDoNotGenerate() throws Exception {
		// an own data centre with a month of meter readings, so that the documents
		// have figures
		String site = "D" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Data hall", "kind": "OWN", "gridZone": "DE"}""".formatted(site));
		String meters = """
				meter,site,role,start,end,quantity,unit
				F1,%1$s,facility total,2032-06-01T00:00:00Z,2032-07-01T00:00:00Z,412.5,MWh
				IT1,%1$s,IT load,2032-06-01T00:00:00Z,2032-07-01T00:00:00Z,300,MWh
				W1,%1$s,water intake,2032-06-01T00:00:00Z,2032-07-01T00:00:00Z,950,m3
				G1,%1$s,generator fuel,2032-06-01T00:00:00Z,2032-07-01T00:00:00Z,1200,L
				""".formatted(site);
		assertThat(this.api.upload("meters.csv", meters.getBytes(StandardCharsets.UTF_8), Map.of())
			.read("$.status", String.class)).isEqualTo("COMPLETED");
		DocumentContext report = this.api.postJson("/api/v1/reports",
				"{\"type\": \"EED_DATACENTRE\", \"from\": \"2032-06-01\", \"to\": \"2032-06-30\"}");
		// PUE = EDC / EIT, EDC counting the generator fuel at its energy content (10.6841
		// kWh/L diesel)
		assertThat(report.read("$.figures['" + site + " PUE']", Double.class))
			.isCloseTo((412_500 + 1200 * 10.6841) / 300_000, within(1e-6));
		String id = report.read("$.id", String.class);
		sample("eed-datacentre", report(id, "pdf"));
		String esrs = this.api
			.postJson("/api/v1/reports", "{\"type\": \"ESRS\", \"from\": \"2032-06-01\", \"to\": \"2032-06-30\"}")
			.read("$.id", String.class);
		sample("esrs", report(esrs, "pdf"));
		String workload = this.api
			.postJson("/api/v1/workloads",
					"{\"name\": \"card-" + UUID.randomUUID() + "\", \"kind\": \"MODEL\", \"model\": \"sample\"}")
			.read("$.id", String.class);
		String card = this.api
			.postJson("/api/v1/reports",
					"{\"type\": \"AI_MODEL_CARD\", \"from\": \"2031-01-01\", \"to\":"
							+ " \"2031-12-31\", \"modelId\": \"" + workload + "\"}")
			.read("$.id", String.class);
		sample("ai-model-card", report(card, "pdf"));
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/users", """
				{"username": "%s", "password": "auditor-password-1", "roles": ["AUDITOR"]}""".formatted(auditor));
		HttpTestClient browser = new HttpTestClient(this.port);
		browser.signIn(auditor, "auditor-password-1");
		String page = browser.get("/reports").body();
		assertThat(page).contains("EU EED data-centre report").doesNotContain("Generate report");
		HttpResponse<byte[]> pdf = browser.getBytes("/reports/" + id + "/content?format=pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("X-Content-SHA256")).contains(report.read("$.contents.pdf", String.class));
		assertThat(browser.getBytes("/reports/" + id + "/evidence").statusCode()).isEqualTo(200);
		assertThat(this.http
			.post("/api/v1/reports", "application/json",
					"{\"type\": \"ESRS\", \"from\": \"2031-01-01\"," + " \"to\": \"2031-01-31\"}",
					HttpTestClient.basic(auditor, "auditor-password-1"))
			.statusCode()).isEqualTo(403);
	}

	/**
	 * Keeps a rendered document in target/report-samples, for the page images in docs/.
	 */
	private static void sample(String name, byte[] pdf) throws Exception {
		java.nio.file.Path directory = java.nio.file.Path.of("target/report-samples");
		java.nio.file.Files.createDirectories(directory);
		java.nio.file.Files.write(directory.resolve(name + ".pdf"), pdf);
	}

	/**
	 * A figure as the documents print it, worked out here independently: three
	 * significant digits, every digit from 100 up, at most six decimals.
	 */
	private static String printed(double value) {
		double magnitude = Math.abs(value);
		int decimals = (magnitude == 0 || magnitude >= 100) ? 0 : (magnitude >= 10) ? 1
				: (magnitude >= 1) ? 2 : Math.min(6, 2 - (int) Math.floor(Math.log10(magnitude)));
		return String.format(java.util.Locale.ROOT, "%,." + decimals + "f", value);
	}

	private byte[] report(String id, String format) throws Exception {
		HttpResponse<byte[]> response = this.http.getBytes("/api/v1/reports/" + id + "/content?format=" + format,
				MeasuredUploads.admin());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private void move(String periodId, String status) {
		this.api.postJson("/api/v1/periods/" + periodId + "/transitions", "{\"status\": \"" + status + "\"}");
	}

	private static String pdfText(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static List<Double> numericCells(XSSFWorkbook workbook) {
		List<Double> values = new java.util.ArrayList<>();
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.NUMERIC) {
						values.add(cell.getNumericCellValue());
					}
				}
			}
		}
		return values;
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
		Map<String, byte[]> files = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), in.readAllBytes());
			}
		}
		return files;
	}

	private static String focus(LocalDate month, String nonce, String service, int hours) {
		String start = month + "T00:00:00Z";
		String end = month + "T01:00:00Z";
		return "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,ProviderName,"
				+ "ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,ConsumedUnit,SkuPriceDetails,Tags\n"
				+ start + "," + end + ",Usage,32.77,USD,AWS,Compute,\"" + service + "\",us-east-1,acct-" + nonce + ","
				+ hours + ",Hours,\"{\"\"InstanceType\"\":\"\"p4d.24xlarge\"\"}\",\n";
	}

}
