package org.greenledger.dashboard.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.ledger.DataCoverage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboard on a real AWS CUR of June 2022 (the four Parquet parts of a public
 * sample): the period list offers 2022 and its months with data, the months without data
 * say "no data" (never 0), the coverage grid names the bill's account, and the exports
 * carry the same figures as the page and the footprint API.
 */
@IntegrationTest
class DashboardPeriodsWithDataTests {

	private static final String PERIOD_2022 = "2022-01:2022-12";

	@LocalServerPort
	int port;

	@Autowired
	DataCoverage coverage;

	HttpTestClient http;

	MeasuredUploads uploads;

	@BeforeEach
	void uploadTheRealCurOf2022() throws IOException {
		this.http = new HttpTestClient(this.port);
		this.uploads = new MeasuredUploads(this.http);
		for (int part = 1; part <= 4; part++) {
			String name = "lambda-cost-reports_cur-part" + part + "of4.snappy.parquet";
			byte[] content;
			try (InputStream in = getClass().getResourceAsStream("/corpus/billing/aws-cur-parquet/" + name)) {
				content = in.readAllBytes();
			}
			// the suite's database outlives a run: the same content is then answered by
			// the job that read it first
			DocumentContext job = this.uploads.upload(name, content, Map.of("overlap", "APPEND"));
			String original = job.read("$.duplicateOf", String.class);
			if (original != null) {
				job = this.uploads.getJson("/api/v1/ingestions/" + original);
			}
			assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		}
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void thePeriodListOffersTheYearsAndMonthsThatHoldData() {
		String page = this.http.get("/").body();
		String select = page.substring(page.indexOf("<select id=\"period\""), page.indexOf("</select>"));
		assertThat(select).contains("value=\"" + PERIOD_2022 + "\"")
			.containsPattern("2022 \\(\\d+ months? with data\\)");
		SortedSet<YearMonth> months = this.coverage.months(Set.of());
		assertThat(months.stream().filter(month -> month.getYear() == 2022)).isNotEmpty();
		assertThat(page).as("a free month range").contains("type=\"month\" id=\"range-from\"");
		assertThat(this.http.get("/?from=2022-03&to=2022-05").body()).contains("From 2022-03 to 2022-05");
	}

	@Test
	void monthsWithoutDataSayNoDataAndNeverZero() {
		String trend = table(this.http.get("/?period=" + PERIOD_2022).body(), "id=\"trend\"");
		Set<String> cloudMonths = new java.util.HashSet<>(
				this.uploads.getJson("/api/v1/footprint?from=2022-01-01&to=2022-12-31&groupBy=month")
					.read("$.groups[*].key", List.class));
		SortedSet<YearMonth> withData = this.coverage.months(Set.of());
		int noData = 0;
		for (int month = 1; month <= 12; month++) {
			YearMonth each = YearMonth.of(2022, month);
			String row = row(trend, each.toString());
			if (cloudMonths.contains(each.toString())) {
				assertThat(row).as("%s holds cloud lines", each).doesNotContain("no data");
			}
			if (!withData.contains(each)) {
				assertThat(row).as("%s holds nothing", each).contains("no data").doesNotContain(">0<");
				noData++;
			}
		}
		assertThat(cloudMonths).isNotEmpty();
		assertThat(noData).as("the sample covers some months of 2022 only").isPositive();
		assertThat(table(this.http.get("/?period=" + PERIOD_2022).body(), "id=\"coverage-grid\""))
			.contains("Cloud bill")
			.contains("aws");
	}

	@Test
	void theExportsCarryTheSameFiguresAsThePageAndTheApi() throws IOException {
		DocumentContext api = this.uploads.getJson("/api/v1/footprint?from=2022-01-01&to=2022-12-31&groupBy=provider");
		Map<String, Double> expected = new HashMap<>();
		List<Map<String, Object>> groups = api.read("$.groups");
		for (Map<String, Object> group : groups) {
			Map<?, ?> co2e = (Map<?, ?>) group.get("co2eKg");
			double kg = ((Number) co2e.get("locationBased")).doubleValue()
					+ ((Number) co2e.get("embodied")).doubleValue();
			if (kg != 0) {
				expected.put((String) group.get("key"), kg);
			}
		}
		assertThat(expected).containsKey("aws");

		var csv = this.http.getBytes("/dashboard/export?table=provider&format=csv&period=" + PERIOD_2022);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains(".csv");
		Map<String, Double> fromCsv = new HashMap<>();
		String[] lines = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).startsWith("from,to,provider,");
		for (int i = 1; i < lines.length; i++) {
			String[] cells = lines[i].split(",");
			fromCsv.put(cells[2], Double.parseDouble(cells[3]));
		}
		assertThat(fromCsv.keySet()).isEqualTo(expected.keySet());
		expected.forEach((key, kg) -> assertThat(fromCsv.get(key)).isCloseTo(kg, within(1e-9 * Math.abs(kg) + 1e-12)));

		var xlsx = this.http.getBytes("/dashboard/export?table=provider&format=xlsx&period=" + PERIOD_2022);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("provider");
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				Row row = sheet.getRow(i);
				assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat(row.getCell(3).getNumericCellValue())
					.isCloseTo(expected.get(row.getCell(2).getStringCellValue()), within(1e-9));
			}
		}

		String trend = new String(
				this.http.getBytes("/dashboard/export?table=trend&format=csv&period=" + PERIOD_2022).body(),
				java.nio.charset.StandardCharsets.UTF_8);
		for (int number = 1; number <= 12; number++) {
			YearMonth month = YearMonth.of(2022, number);
			String line = trend.lines().filter(each -> each.startsWith(month + ",")).findFirst().orElseThrow();
			if (!this.coverage.months(Set.of()).contains(month)) {
				assertThat(line).contains(",no data,no data,").doesNotContain(",0,").doesNotContain(",0.0,");
			}
		}
		assertThat(this.http.getBytes("/dashboard/export?table=nothing&format=csv").statusCode()).isEqualTo(400);
		assertThat(this.http.getBytes("/dashboard/export?table=trend&format=pdf").statusCode()).isEqualTo(400);
	}

	@Test
	void theExplorerExportsItsGroupsWithTheApisFigures() {
		DocumentContext api = this.uploads.getJson("/api/v1/footprint?from=2022-01-01&to=2022-12-31&groupBy=provider");
		double aws = api.read("$.groups[?(@.key == 'aws')].co2eKg.locationBased", List.class)
			.stream()
			.mapToDouble(value -> ((Number) value).doubleValue())
			.sum();
		String csv = new String(
				this.http.getBytes("/explorer/export?from=2022-01&to=2022-12&groupBy=provider&format=csv").body(),
				java.nio.charset.StandardCharsets.UTF_8);
		String header = csv.lines().findFirst().orElseThrow();
		List<String> columns = List.of(header.split(","));
		int location = columns.indexOf("CO2e location-based (kg)");
		String line = csv.lines().filter(each -> each.contains(",provider,aws,")).findFirst().orElseThrow();
		assertThat(Double.parseDouble(line.split(",")[location])).isCloseTo(aws, within(1e-9 * aws + 1e-12));
		assertThat(line).contains("/explorer/lines?from=2022-01&to=2022-12");
		String page = this.http.get("/explorer?from=2022-01&to=2022-12&groupBy=provider").body();
		assertThat(page).contains("id=\"explorerChart\"").contains("/explorer/export?");
	}

	private static String table(String page, String marker) {
		int start = page.indexOf(marker);
		assertThat(start).as("%s on the page", marker).isPositive();
		return page.substring(start, page.indexOf("</table>", start));
	}

	private static String row(String table, String month) {
		Matcher matcher = Pattern
			.compile("<tr[^>]*>\\s*<th scope=\"row\"><a[^>]*>" + month + "</a></th>(.*?)</tr>", Pattern.DOTALL)
			.matcher(table);
		assertThat(matcher.find()).as("row %s", month).isTrue();
		return matcher.group(1);
	}

}
