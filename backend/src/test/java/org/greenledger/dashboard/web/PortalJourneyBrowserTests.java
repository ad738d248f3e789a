package org.greenledger.dashboard.web;

import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.greenledger.Browser;
import org.greenledger.FocusFiles;
import org.greenledger.HttpTestClient;
import org.greenledger.TestMonths;
import org.greenledger.IntegrationTest;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sustainability officer's day in a real Chromium: an empty dashboard, a FOCUS upload
 * followed to completion, the dashboard's figures changed, a drill-down from a figure to
 * the source row and its factors, a report generated and downloaded; and an auditor who
 * may read all of it but not generate.
 */
@IntegrationTest
class PortalJourneyBrowserTests {

	private static final String PASSWORD = "journey password 1";

	/**
	 * Fetches a URL with the page's session; calls back with the status and the first
	 * bytes.
	 */
	private static final String FETCH = """
			const done = arguments[arguments.length - 1];
			fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '
			  + String.fromCharCode(...new Uint8Array(b.slice(0, 5)))))).catch(e => done('failed: ' + e));""";

	/** POSTs a form field set with the page's CSRF token; calls back with the status. */
	private static final String POST = """
			const done = arguments[arguments.length - 1];
			const data = new URLSearchParams({ _csrf: document.querySelector('input[name=_csrf]').value,
			  type: 'GHG_INVENTORY', from: arguments[1], to: arguments[2] });
			fetch(arguments[0], { method: 'POST', body: data, redirect: 'manual' }).then(r => done(r.status));""";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Test
	void uploadSeeTheDashboardChangeDrillDownToTheSourceRowAndReport() {
		Browser browser = Browser.on(this.port);
		int year = TestMonths.unusedYear(new HttpTestClient(this.port));
		YearMonth month = YearMonth.of(year, 3);
		String period = "/?period=" + year + "-01:" + year + "-12";
		browser.signIn(user(Role.SUSTAINABILITY_OFFICER), PASSWORD);

		browser.open(period);
		assertThat(browser.find(By.tagName("main")).getText()).contains("No footprint data for this period");

		browser.open("/data-sources");
		String fileName = "journey-" + UUID.randomUUID() + ".csv";
		String content = new String(new FocusFiles().ec2(month, 4, "0.768").gcpStorage(month, "2.30").bytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		browser.script("""
				const files = new DataTransfer();
				files.items.add(new File([arguments[0]], arguments[1], { type: 'text/csv' }));
				const zone = document.querySelector('[data-drop-zone]');
				for (const type of ['dragenter', 'dragover', 'drop']) {
				  zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: files }));
				}""", content, fileName);
		browser.find(By.cssSelector("form[data-upload] button[type=submit]")).click();
		String outcome = browser
			.until(d -> d.findElement(By.cssSelector("[data-progress]")).getDomAttribute("data-outcome"));
		assertThat(outcome).isEqualTo("COMPLETED");
		assertThat(browser.find(By.id("jobProgress")).getDomProperty("value")).isEqualTo("100");

		browser.open(period);
		String figure = browser.find(By.cssSelector("[data-figure=co2e-location] .figure-value")).getText();
		assertThat(figure).matches("[\\d.,]+ (g|kg|t|kt) CO2e").doesNotStartWith("0 ").doesNotContain("0.000");
		assertThat(browser.find(By.cssSelector("[data-figure=cost-USD] .figure-value")).getText())
			.isEqualTo("3.07 USD");
		browser.assertAccessible();

		browser.find(By.linkText("aws")).click();
		browser.until(d -> browser.path().startsWith("/explorer"));
		assertThat(browser.find(By.id("explorer-groups")).getText()).contains("EC2");
		browser.find(By.cssSelector("#explorer-total a")).click();
		browser.until(d -> !d.findElements(By.id("explorer-lines")).isEmpty());
		browser.assertAccessible();
		browser.find(By.cssSelector("#explorer-lines tbody a")).click();
		browser.until(d -> browser.path().startsWith("/explorer/lines/"));
		assertThat(browser.find(By.tagName("h1")).getText())
			.matches("Row \\d+ of " + java.util.regex.Pattern.quote(fileName));
		assertThat(browser.find(By.id("lineage-attributes")).getText()).contains("EC2", "us-east-1");
		assertThat(browser.find(By.cssSelector(".lineage-factors")).getText()).contains("Dataset");
		browser.assertAccessible();

		browser.open("/reports");
		new Select(browser.find(By.id("type"))).selectByValue("GHG_INVENTORY");
		browser.script(
				"document.getElementById('from').value = arguments[0];"
						+ "document.getElementById('to').value = arguments[1];",
				month.atDay(1).toString(), month.atEndOfMonth().toString());
		browser.find(By.xpath("//button[normalize-space()='Generate report']")).click();
		browser.until(d -> browser.path().matches("/reports/[0-9a-f-]{36}"));
		String pdf = browser.find(By.linkText("PDF")).getDomAttribute("href");
		assertThat(browser.asyncScript(FETCH, pdf)).isEqualTo("200 %PDF-");

		Browser auditor = Browser.on(this.port);
		auditor.signIn(user(Role.AUDITOR), PASSWORD);
		auditor.open("/reports");
		assertThat(auditor.findAll(By.xpath("//button[normalize-space()='Generate report']"))).isEmpty();
		assertThat(auditor.asyncScript(FETCH, pdf)).isEqualTo("200 %PDF-");
		assertThat(auditor.asyncScript(POST, "/reports", month.atDay(1).toString(), month.atEndOfMonth().toString()))
			.isEqualTo(403L);
	}

	private String user(Role role) {
		String name = "journey-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(name, PASSWORD, Set.of(role));
		return name;
	}

}
