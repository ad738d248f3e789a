package org.greenledger.disclosure.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.greenledger.Browser;
import org.greenledger.FocusFiles;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.disclosure.ReportGenerations;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sustainability officer in a real Chromium generates a GHG inventory over more
 * activity lines than a page waits for: the report's page shows the generation's progress
 * bar with its step and share, then, once stored, the report with its downloads.
 */
@IntegrationTest
class ReportProgressBrowserTests {

	private static final String PASSWORD = "progress password 1";

	private static final String FETCH = """
			const done = arguments[arguments.length - 1];
			fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '
			  + String.fromCharCode(...new Uint8Array(b.slice(0, 5)))))).catch(e => done('failed: ' + e));""";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Test
	void aLargeReportShowsItsProgressThenItsDownloads() throws java.io.IOException {
		Browser browser = Browser.on(this.port);
		HttpTestClient http = new HttpTestClient(this.port);
		YearMonth month = TestMonths.unusedMonth(http);
		FocusFiles bill = new FocusFiles();
		int lines = (int) ReportGenerations.QUICK_LINES + 5_000;
		for (int i = 0; i < lines; i++) {
			bill.ec2(month, 1 + i % 9, "0.192");
		}
		// gzip-compressed, within the test profile's upload limit
		java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzipped)) {
			out.write(bill.bytes());
		}
		DocumentContext job = new MeasuredUploads(http).upload("progress-" + UUID.randomUUID() + ".csv.gz",
				gzipped.toByteArray(), Map.of());
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");

		String officer = "progress-officer-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(officer, PASSWORD, Set.of(Role.SUSTAINABILITY_OFFICER));
		browser.signIn(officer, PASSWORD);
		browser.open("/reports");
		new Select(browser.find(By.id("type"))).selectByValue("GHG_INVENTORY");
		browser.script(
				"document.getElementById('from').value = arguments[0];"
						+ "document.getElementById('to').value = arguments[1];",
				month.atDay(1).toString(), month.atEndOfMonth().toString());
		browser.find(By.xpath("//button[normalize-space()='Generate report']")).click();
		browser.until(d -> browser.path().matches("/reports/[0-9a-f-]{36}"));

		// the progress as the page shows it, until the page has become the report's
		List<String> seen = new ArrayList<>();
		WebElement pdf = browser.until(d -> {
			List<WebElement> text = d.findElements(By.cssSelector("[data-progress-text]"));
			List<WebElement> bar = d.findElements(By.cssSelector("progress#taskProgress"));
			if (!text.isEmpty() && !bar.isEmpty()) {
				seen.add(bar.get(0).getDomProperty("value") + "|" + text.get(0).getText());
			}
			List<WebElement> link = d.findElements(By.linkText("PDF"));
			return link.isEmpty() ? null : link.get(0);
		});
		assertThat(seen).as("the generation's progress was shown before the report").isNotEmpty();
		assertThat(seen.get(0)).matches("\\d+\\|\\d+ % · (Starting|Gathering the figures|Rendering the PDF|"
				+ "Writing the workbook|Rendering the HTML page|Storing the report).*");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("GHG inventory: AI and cloud compute");
		assertThat(browser.asyncScript(FETCH, pdf.getDomAttribute("href"))).isEqualTo("200 %PDF-");
	}

}
