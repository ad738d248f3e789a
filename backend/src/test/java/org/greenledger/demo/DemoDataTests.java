package org.greenledger.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.jayway.jsonpath.DocumentContext;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import org.greenledger.Browser;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LedgerFilter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo organisation loads through the normal upload path and services (the time it
 * takes is printed, not asserted: docs/performance.md), shows up in the ledger, the
 * sites, workloads, suppliers and periods, marks every page of the reports made
 * meanwhile, and one removal takes away exactly what it added: the ledger's sums over the
 * demo's months are what they were before, to the row.
 */
@IntegrationTest
class DemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	FootprintQuery footprint;

	HttpTestClient http;

	@BeforeEach
	void removeAnEarlierRunsDemo() throws Exception {
		this.http = new HttpTestClient(this.port);
		DemoStates.removeWhenPresent(this.http);
	}

	/** Whatever happens, the other tests' months and totals are left as they were. */
	@AfterEach
	void removeTheDemo() throws Exception {
		DemoStates.removeWhenPresent(this.http);
	}

	@Test
	void theDemoLoadsThroughTheUploadPathAndItsRemovalRestoresTheLedgerExactly() throws Exception {
		HttpTestClient http = this.http;
		MeasuredUploads api = new MeasuredUploads(http);
		assertThat(DemoStates.status(http).read("$.state", String.class)).as("no demo data before the test")
			.isEqualTo("ABSENT");
		LocalDate from = DemoOrganisation.firstDay();
		LocalDate to = DemoOrganisation.endDay().minusDays(1);
		Map<String, FootprintQuery.Group> before = byKey(this.footprint.query(from, to, Optional.of("account")));
		int sitesBefore = api.getJson("/api/v1/sites").read("$.length()", Integer.class);

		long started = System.nanoTime();
		var load = http.post("/api/v1/demo", "application/json", "", MeasuredUploads.admin());
		assertThat(load.statusCode()).as(load.body()).isEqualTo(202);
		DocumentContext loaded = DemoStates.awaitState(http, "LOADED", Duration.ofMinutes(3));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("Demo organisation loaded in %.1f s (%s holdings; %s)%n", took.toMillis() / 1000.0,
				loaded.read("$.holdings"), loaded.read("$.message"));
		assertThat(loaded.read("$.progress", Double.class)).isCloseTo(1.0, within(1e-9));

		Map<String, FootprintQuery.Group> withDemo = byKey(
				this.footprint.query(from, to, Optional.of("account"), LedgerFilter.ALL));
		FootprintQuery.Group aws = withDemo.get(DemoOrganisation.AWS_ACCOUNT);
		assertThat(aws).as("the demo's AWS account in the ledger: " + withDemo.keySet()).isNotNull();
		assertThat(aws.locationKg()).as("AWS location-based kg CO2e").isGreaterThan(1_000);
		assertThat(withDemo.get(DemoOrganisation.AZURE_SUBSCRIPTION).locationKg()).isGreaterThan(100);
		assertThat(withDemo.get(DemoOrganisation.GCP_PROJECT)).as(withDemo.keySet().toString()).isNotNull();
		assertThat(api.getJson("/api/v1/sites").read("$[*].code", List.class)).contains(DemoOrganisation.OWN_SITE,
				DemoOrganisation.COLOCATED_SITE);
		assertThat(api.getJson("/api/v1/periods").read("$[?(@.name == 'Demo FY2025')].status", List.class))
			.containsExactly("IN_REVIEW");
		assertThat(api.getJson("/api/v1/workloads").read("$[*].name", List.class)).contains(DemoOrganisation.WORKLOAD);
		assertThat(api.getJson("/api/v1/procurement/suppliers").read("$[*].name", List.class))
			.contains("Demo: Rheinland Colocation GmbH", "Demo: Example Server Works", "Demo: Nordic Cloud AB");
		assertThat(http.post("/api/v1/demo", "application/json", "", MeasuredUploads.admin()).statusCode())
			.as("a second load while the demo is present")
			.isEqualTo(409);

		String report = everyPageOfTheReportsSaysDemoData(api);
		walkTheDemoInTheBrowser(report);

		assertThat(DemoStates.remove(http).statusCode()).isEqualTo(202);
		DemoStates.awaitState(http, "ABSENT", Duration.ofMinutes(2));
		Map<String, FootprintQuery.Group> after = byKey(this.footprint.query(from, to, Optional.of("account")));
		assertThat(after.keySet()).isEqualTo(before.keySet());
		before.forEach((key, group) -> {
			assertThat(after.get(key).rows()).as(key).isEqualTo(group.rows());
			assertThat(after.get(key).locationKg()).as(key).isCloseTo(group.locationKg(), within(1e-6));
		});
		assertThat(api.getJson("/api/v1/sites").read("$.length()", Integer.class)).isEqualTo(sitesBefore);
		assertThat(api.getJson("/api/v1/periods").read("$[?(@.name == 'Demo FY2025')]", List.class)).isEmpty();
		assertThat(api.getJson("/api/v1/procurement/suppliers").read("$[*].name", List.class))
			.doesNotContain("Demo: Rheinland Colocation GmbH");
		assertThat(api.getJson("/api/v1/workloads").read("$[*].name", List.class))
			.doesNotContain(DemoOrganisation.WORKLOAD);
	}

	/** The browser walk (skipped, with the reason, where Chromium is not installed). */
	private void walkTheDemoInTheBrowser(String report) {
		Browser browser;
		try {
			browser = Browser.on(this.port);
		}
		catch (TestAbortedException ex) {
			System.out.println("Demo walk skipped: " + ex.getMessage());
			return;
		}
		new DemoWalk(browser).walk(report);
	}

	private String everyPageOfTheReportsSaysDemoData(MeasuredUploads api) throws Exception {
		String report = api.postJson("/api/v1/reports", """
				{"type": "GHG_INVENTORY", "from": "2025-01-01", "to": "2025-12-31"}""").read("$.id", String.class);
		byte[] pdf = this.http.getBytes("/api/v1/reports/" + report + "/content?format=pdf", MeasuredUploads.admin())
			.body();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper text = new PDFTextStripper();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				text.setStartPage(page);
				text.setEndPage(page);
				assertThat(text.getText(document)).as("page " + page).containsIgnoringCase("Demo data");
			}
		}
		byte[] xlsx = this.http.getBytes("/api/v1/reports/" + report + "/content?format=xlsx", MeasuredUploads.admin())
			.body();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook) {
				assertThat(sheet.getHeader().getCenter()).as(sheet.getSheetName()).contains("Demo data");
			}
		}
		String html = new String(
				this.http.getBytes("/api/v1/reports/" + report + "/content?format=html", MeasuredUploads.admin())
					.body(),
				StandardCharsets.UTF_8);
		assertThat(html).contains("Demo data");
		return report;
	}

	private static Map<String, FootprintQuery.Group> byKey(List<FootprintQuery.Group> groups) {
		return groups.stream().collect(Collectors.toMap(FootprintQuery.Group::key, Function.identity()));
	}

}
