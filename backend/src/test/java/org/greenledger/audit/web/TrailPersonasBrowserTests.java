package org.greenledger.audit.web;

import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.greenledger.Browser;
import org.greenledger.FocusFiles;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's and the procurement buyer's tasks in a real Chromium, walked by clicking
 * from the dashboard (no address typed after signing in): an upload's audit events and
 * back, the log searched by file name, a line's lineage with its source cells and back to
 * the lines; an evaluation with a mistyped model kept in the form, corrected, and its
 * result with the saving and the trade-offs.
 */
@IntegrationTest
class TrailPersonasBrowserTests {

	private static final String PASSWORD = "trail password 1";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Test
	void theAuditorFollowsAnUploadToItsEventsAndALineToItsSourceCells() {
		MeasuredUploads admin = new MeasuredUploads(new HttpTestClient(this.port));
		YearMonth month = YearMonth.of(TestMonths.unusedYear(new HttpTestClient(this.port)), 2);
		String fileName = "audited-" + UUID.randomUUID().toString().substring(0, 8) + ".csv";
		DocumentContext job = admin.upload(fileName,
				new FocusFiles().ec2(month, 3, "0.576").unknownInstance(month, "1.00").bytes(), Map.of());
		String id = job.read("$.id", String.class);

		Browser browser = Browser.on(this.port);
		browser.signIn(user(Role.AUDITOR), PASSWORD);
		browser.find(By.linkText("Data sources")).click();
		browser.until(d -> browser.path().startsWith("/data-sources"));
		browser.find(By.linkText(fileName)).click();
		browser.until(d -> browser.path().equals("/data-sources/" + id));
		browser.find(By.id("job-audit-events")).click();
		browser.until(d -> browser.path().startsWith("/audit"));
		String events = browser.find(By.tagName("main")).getText();
		assertThat(events).contains("INGESTION_SUBMITTED", "INGESTION_COMPLETED", fileName);
		browser.assertAccessible();
		browser.find(By.linkText("ingestion job " + id)).click();
		browser.until(d -> browser.path().equals("/data-sources/" + id));

		// the log searched by the file's name
		browser.find(By.linkText("Audit")).click();
		browser.until(d -> browser.path().startsWith("/audit"));
		browser.find(By.id("subject")).sendKeys(fileName);
		browser.find(By.cssSelector("form[action$='/audit'] button[type=submit]")).click();
		browser.until(d -> browser.path().contains("subject="));
		assertThat(browser.find(By.tagName("main")).getText()).contains("INGESTION_COMPLETED", "ingestion job " + id);

		// a line's lineage with the cells of its source row, and back to the lines
		browser.find(By.linkText("Explorer")).click();
		browser.until(d -> browser.path().startsWith("/explorer"));
		browser.script("document.getElementById('from').value = arguments[0];"
				+ "document.getElementById('to').value = arguments[0];", month.toString());
		browser.find(By.cssSelector("form.filters button[type=submit]")).click();
		browser.until(d -> browser.path().contains("from=" + month));
		browser.find(By.cssSelector("#explorer-total a")).click();
		browser.until(d -> !d.findElements(By.id("explorer-lines")).isEmpty());
		browser.find(By.linkText("lines with a footprint")).click();
		browser.until(d -> browser.path().contains("show=footprint"));
		assertThat(browser.find(By.id("explorer-lines")).getText()).doesNotContain("cost only");
		browser.assertAccessible();
		browser.find(By.cssSelector("#explorer-lines tbody a")).click();
		browser.until(d -> browser.path().startsWith("/explorer/lines/"));
		assertThat(browser.find(By.id("lineage-mapped")).getText()).contains("Instance type", "m5.xlarge");
		assertThat(browser.find(By.id("lineage-source-row")).getText()).contains("SkuPriceDetails", "ConsumedQuantity");
		assertThat(browser.find(By.id("lineage-factor-years")).getText()).contains(String.valueOf(month.getYear()));
		browser.assertAccessible();
		browser.find(By.id("lineage-back")).click();
		browser.until(d -> browser.path().startsWith("/explorer/lines?"));
		assertThat(browser.path()).contains("show=footprint", "from=" + month);
	}

	@Test
	void theBuyerCorrectsAMistypedModelAndReadsTheSavingAndTheTradeOffs() {
		MeasuredUploads admin = new MeasuredUploads(new HttpTestClient(this.port));
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		String nordic = supplier(admin, "Fjord cloud " + nonce);
		supplier(admin, "Brown colo " + nonce);

		Browser browser = Browser.on(this.port);
		browser.signIn(user(Role.PROCUREMENT), PASSWORD);
		browser.find(By.linkText("Evaluations")).click();
		browser.until(d -> browser.path().startsWith("/evaluations"));
		browser.find(By.id("name")).sendKeys("GPU training " + nonce);
		browser.script("document.getElementById('from').value = '2026-01-01';"
				+ "document.getElementById('to').value = '2026-03-31';");
		browser.find(By.id("acceleratorModel")).sendKeys("H100");
		browser.find(By.id("acceleratorHours")).sendKeys("5000");
		new Select(browser.find(By.id("supplier1"))).selectByVisibleText("Fjord cloud " + nonce);
		browser.find(By.id("provider1")).sendKeys("aws");
		browser.find(By.id("region1")).sendKeys("eu-north-1");
		new Select(browser.find(By.id("supplier2"))).selectByVisibleText("Brown colo " + nonce);
		browser.find(By.id("zone2")).sendKeys("PL");
		browser.find(By.xpath("//button[normalize-space()='Evaluate']")).click();
		browser.until(d -> !d.findElements(By.id("error-acceleratorModel")).isEmpty());
		assertThat(browser.find(By.id("error-acceleratorModel")).getText()).contains("H100-SXM");
		assertThat(browser.find(By.id("acceleratorModel")).getDomProperty("value")).isEqualTo("H100");
		assertThat(browser.find(By.id("region1")).getDomProperty("value")).isEqualTo("eu-north-1");
		assertThat(browser.find(By.id("zone2")).getDomProperty("value")).isEqualTo("PL");
		assertThat(new Select(browser.find(By.id("supplier1"))).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo(nordic);
		assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Something went wrong");
		browser.assertAccessible();

		browser.find(By.id("acceleratorModel")).clear();
		browser.find(By.id("acceleratorModel")).sendKeys("H100-SXM");
		browser.find(By.xpath("//button[normalize-space()='Evaluate']")).click();
		browser.until(d -> browser.path().matches("/evaluations/[0-9a-f-]{36}"));
		String summary = browser.find(By.id("evaluation-summary")).getText();
		assertThat(summary).contains("2026-01-01 to 2026-03-31 (90 days): 5,000 accelerator-hours of H100-SXM")
			.contains("Choosing Fjord cloud " + nonce + ", aws eu-north-1 instead of Brown colo " + nonce
					+ ", zone PL avoids")
			.contains("cost is not compared");
		assertThat(browser.find(By.id("evaluation-trade-offs")).getText()).isNotBlank();
		assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("#1", "#2");
		browser.assertAccessible();
	}

	private static String supplier(MeasuredUploads admin, String name) {
		return admin
			.postJson("/api/v1/procurement/suppliers",
					"""
							{"name": "%s", "type": "CLOUD_PROVIDER", "website": "https://example.com",
							 "contacts": [{"name": "Ada", "email": "ada@example.com", "role": "sustainability"}]}"""
						.formatted(name))
			.read("$.id", String.class);
	}

	private String user(Role role) {
		String name = "trail-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(name, PASSWORD, Set.of(role));
		return name;
	}

}
