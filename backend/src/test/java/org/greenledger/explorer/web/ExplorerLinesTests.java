package org.greenledger.explorer.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.FocusFiles;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.ledger.ActivityLineExport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The explorer's list of lines sorts on the server (by CO2e, cost or date, stable across
 * pages), selects lines with a footprint, cost-only lines or one tier, exports what it
 * selects as CSV and XLSX with the auditor workbook's columns (formulas from the input
 * neutralised), and each line's lineage shows the row's cells as read from the stored
 * file, what was mapped from them, a factor of another year than the row, and the way
 * back.
 */
@IntegrationTest
class ExplorerLinesTests {

	private static final Pattern LINE_LINK = Pattern.compile("href=\"(/explorer/lines/([0-9a-f-]{36})/(\\d+)[^\"]*)\"");

	private static final Pattern NEXT = Pattern.compile("href=\"(/explorer/lines\\?[^\"]*after=[^\"]*)\"");

	private static final String FOCUS_HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,"
			+ "BillingCurrency,ProviderName,ServiceCategory,ServiceName,RegionId,ConsumedQuantity,ConsumedUnit,"
			+ "SkuPriceDetails,Tags";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient http;

	MeasuredUploads uploads;

	YearMonth month;

	UUID job;

	/** The billed cost of each EC2 row, by source row (rows 3 to 62). */
	final Map<Long, Double> costs = new java.util.HashMap<>();

	@BeforeEach
	void ingest() {
		this.http = new HttpTestClient(this.port);
		this.uploads = new MeasuredUploads(this.http);
		this.month = YearMonth.of(TestMonths.unusedYear(this.http), 3);
		// row 1 Cloud Storage, row 2 an unknown instance type (cost-only, the highest
		// cost), rows 3 to 62 EC2 with 1 to 60 instance-hours and costs in a shuffled
		// order
		FocusFiles file = new FocusFiles().gcpStorage(this.month, "2.30").unknownInstance(this.month, "9.00");
		for (int i = 0; i < 60; i++) {
			double cost = ((i * 37) % 60 + 1) / 100.0;
			file.ec2(this.month, 1 + i, String.format(java.util.Locale.ROOT, "%.2f", cost));
			this.costs.put(3L + i, cost);
		}
		this.job = UUID.fromString(this.uploads.upload("sorted.csv", file.bytes(), Map.of()).read("$.id"));
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void sortsByCostOnTheServerAndPagesWithoutLosingOrRepeatingALine() {
		List<Long> rows = allRows("provider=aws&sort=cost-desc");
		List<Long> expected = new ArrayList<>(this.costs.keySet());
		expected.sort(java.util.Comparator.comparing((Long row) -> this.costs.get(row)).reversed());
		expected.add(0, 2L);
		assertThat(rows).containsExactlyElementsOf(expected);
		List<Long> ascending = allRows("provider=aws&sort=cost-asc");
		assertThat(ascending).containsExactlyElementsOf(expected.reversed());
	}

	@Test
	void sortsByCo2eWithTheLinesWithoutAFootprintLastAndByDateStably() {
		// CO2e grows with the instance-hours: row 62 (60 hours) first, row 3 (1 hour)
		// last of the EC2 lines, then the cost-only line
		List<Long> rows = allRows("provider=aws&sort=co2e-desc");
		assertThat(rows).hasSize(61);
		assertThat(rows.subList(0, 3)).containsExactly(62L, 61L, 60L);
		assertThat(rows.get(59)).isEqualTo(3L);
		assertThat(rows.get(60)).isEqualTo(2L);
		assertThat(allRows("provider=aws&sort=co2e-asc").subList(0, 2)).containsExactly(3L, 4L);
		// every line starts at the same hour: the order falls back to job and row
		List<Long> byDate = allRows("provider=aws&sort=date-desc");
		assertThat(byDate).hasSize(61).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void listsOnlyTheLinesWithAFootprintOrOnlyTheCostOnlyOnesOrOneTier() {
		String footprint = page("/explorer/lines?" + months() + "&show=footprint&sort=co2e-desc");
		assertThat(footprint).doesNotContain(">cost only<");
		assertThat(rows(footprint)).hasSize(50).doesNotContain(2L);
		assertThat(footprint).contains("aria-current=\"true\"");
		assertThat(allRows("show=footprint")).hasSize(61).doesNotContain(2L);
		assertThat(allRows("show=cost-only")).containsExactly(2L);
		assertThat(allRows("provider=aws&tier=3")).hasSize(60).doesNotContain(1L, 2L);
		assertThat(page("/explorer/lines?" + months() + "&tier=1")).contains("No lines match this selection");
		assertThat(page("/explorer/lines?" + months() + "&sort=colour")).contains("The query is not valid")
			.contains("cost-desc");
	}

	@Test
	void theGroupsLinkToTheLinesPageAndTheOldAddressStillLeadsThere() {
		assertThat(page("/explorer?" + months() + "&provider=aws&groupBy=service"))
			.contains("href=\"/explorer/lines?" + months().replace("&", "&amp;") + "&amp;provider=aws");
		HttpResponse<String> old = this.http.get("/explorer?" + months() + "&provider=aws&lines=true");
		assertThat(old.statusCode()).isEqualTo(302);
		assertThat(old.headers().firstValue("Location").orElseThrow()).contains("/explorer/lines?")
			.contains("provider=aws")
			.doesNotContain("lines=true");
	}

	@Test
	void exportsTheSelectedLinesAsCsvInTheirOrderWithTheWorkbooksColumns() throws IOException {
		HttpResponse<byte[]> csv = this.http
			.getBytes("/explorer/lines.csv?" + months() + "&show=footprint&sort=co2e-desc");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains(".csv");
		List<CSVRecord> records = CSVFormat.RFC4180
			.parse(new InputStreamReader(new ByteArrayInputStream(csv.body()), StandardCharsets.UTF_8))
			.getRecords();
		assertThat(records.get(0).toList()).containsExactlyElementsOf(ActivityLineExport.HEADERS);
		List<CSVRecord> lines = records.subList(1, records.size());
		assertThat(lines).hasSize(61);
		int co2e = ActivityLineExport.HEADERS.indexOf("CO2e location kg");
		int factors = ActivityLineExport.HEADERS.indexOf("Factors (dataset, version)");
		double previous = Double.MAX_VALUE;
		for (CSVRecord line : lines) {
			double value = Double.parseDouble(line.get(co2e));
			assertThat(value).isLessThanOrEqualTo(previous);
			previous = value;
			assertThat(line.get(factors)).isNotBlank();
			assertThat(line.get(0)).isEqualTo("sorted.csv");
		}
		// the top line is row 62 with 60 instance-hours; its figure is the page's
		int row = ActivityLineExport.HEADERS.indexOf("Row");
		assertThat(lines.get(0).get(row)).isEqualTo("62");
		Double pageValue = this.jdbc
			.sql("select co2e_location_kg from activity_line where job_id = ? and source_row = 62")
			.param(this.job)
			.query(Double.class)
			.single();
		assertThat(Double.parseDouble(lines.get(0).get(co2e))).isCloseTo(pageValue, within(1e-9 * pageValue));
	}

	@Test
	void exportsNeutraliseCellsThatASpreadsheetWouldRunAsFormulas() throws IOException {
		String hostile = FOCUS_HEADER + "\n" + this.month.atDay(2) + "T00:00:00Z," + this.month.atDay(2)
				+ "T01:00:00Z,Usage,3.00,USD,AWS,Compute,\"=HYPERLINK(\"\"x\"\")\",us-east-1,1,Hours,,\n";
		this.uploads.upload("hostile.csv", hostile.getBytes(StandardCharsets.UTF_8), Map.of());
		String query = months() + "&service=" + java.net.URLEncoder.encode("=HYPERLINK(\"x\")", StandardCharsets.UTF_8);
		byte[] csv = this.http.getBytes("/explorer/lines.csv?" + query).body();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).contains("\"'=HYPERLINK(\"\"x\"\")\"").doesNotContain(",\"=HYPERLINK");
		HttpResponse<byte[]> xlsx = this.http.getBytes("/explorer/lines.xlsx?" + query);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Source file");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			int service = ActivityLineExport.HEADERS.indexOf("Service");
			assertThat(sheet.getRow(1).getCell(service).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(1).getCell(service).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
			int cost = ActivityLineExport.HEADERS.indexOf("Billed cost");
			assertThat(sheet.getRow(1).getCell(cost).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(sheet.getRow(1).getCell(cost).getNumericCellValue()).isCloseTo(3.0, within(1e-12));
		}
	}

	@Test
	void aLineageShowsTheSourceCellsWhatWasMappedTheFactorsYearAndTheWayBack() {
		String list = page("/explorer/lines?" + months() + "&provider=aws&show=footprint&sort=co2e-desc");
		Matcher link = LINE_LINK.matcher(list);
		assertThat(link.find()).isTrue();
		assertThat(link.group(3)).isEqualTo("62");
		String lineage = page(link.group(1).replace("&amp;", "&"));
		assertThat(lineage).contains("Instance type</dt><dd>m5.xlarge</dd>");
		// the row's cells as the file holds them
		assertThat(lineage).contains("<code>SkuPriceDetails</code>")
			.contains("<code>{&quot;InstanceType&quot;:&quot;m5.xlarge&quot;}</code>")
			.contains("<code>ConsumedQuantity</code></th>\n                        <td><code>60</code>");
		// the test year lies beyond every factor's validity: the page says so
		assertThat(lineage).contains("id=\"lineage-factor-years\"")
			.contains("but this row is from " + this.month.getYear() + ":");
		// back to the same list: months, filter, selection and order
		Matcher back = Pattern.compile("id=\"lineage-back\" href=\"([^\"]*)\"").matcher(lineage);
		assertThat(back.find()).isTrue();
		assertThat(back.group(1)).startsWith("/explorer/lines?")
			.contains("provider=aws", "show=footprint", "sort=co2e-desc", "from=" + this.month);
	}

	@Test
	void aRealCurLinesSourceCellsAreReadAgainFromTheStoredCompressedFile() throws IOException {
		byte[] gz;
		try (InputStream in = resource("aws-cur-legacy/sample-anonymous-aws-export-dataset.csv.gz")) {
			gz = in.readAllBytes();
		}
		DocumentContext upload = this.uploads.upload("sample-anonymous-aws-export-dataset.csv.gz", gz,
				Map.of("overlap", "APPEND"));
		String original = upload.read("$.duplicateOf", String.class);
		UUID id = UUID.fromString((original != null) ? original : upload.read("$.id", String.class));
		long row = this.jdbc.sql("select max(source_row) from activity_line where job_id = ? and quality is not null")
			.param(id)
			.query(Long.class)
			.single();
		CSVRecord expected;
		try (InputStream in = resource("aws-cur-legacy/sample-anonymous-aws-export-dataset.csv")) {
			List<CSVRecord> records = CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new InputStreamReader(in, StandardCharsets.UTF_8))
				.getRecords();
			expected = records.get((int) row - 1);
		}
		String lineage = page("/explorer/lines/" + id + "/" + row);
		assertThat(lineage).contains("<code>identity/LineItemId</code></th>\n                        <td><code>"
				+ expected.get("identity/LineItemId") + "</code>");
		assertThat(lineage).contains("Usage type</dt><dd>" + expected.get("lineItem/UsageType") + "</dd>");
		assertThat(lineage).contains("<code>lineItem/UnblendedCost</code></th>\n                        <td><code>"
				+ expected.get("lineItem/UnblendedCost") + "</code>");
	}

	/** The rows of every page of the list, following its next links. */
	private List<Long> allRows(String query) {
		List<Long> rows = new ArrayList<>();
		String page = page("/explorer/lines?" + months() + "&" + query);
		for (int pages = 0; pages < 10; pages++) {
			rows.addAll(rows(page));
			Matcher next = NEXT.matcher(page);
			if (!next.find()) {
				return rows;
			}
			page = page(next.group(1).replace("&amp;", "&"));
		}
		throw new AssertionError("more than 10 pages");
	}

	private static List<Long> rows(String page) {
		return LINE_LINK.matcher(page).results().map(match -> Long.valueOf(match.group(3))).toList();
	}

	private String months() {
		return "from=" + this.month + "&to=" + this.month;
	}

	private String page(String path) {
		HttpResponse<String> response = this.http.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static InputStream resource(String name) throws IOException {
		InputStream in = ExplorerLinesTests.class.getResourceAsStream("/corpus/billing/" + name);
		if (in == null) {
			throw new IOException("no corpus file " + name);
		}
		return in;
	}

}
