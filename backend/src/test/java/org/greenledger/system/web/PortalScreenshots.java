package org.greenledger.system.web;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;

import org.greenledger.Browser;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screenshots of the portal's main pages for the documentation, 1280 pixels wide, saved
 * as {@code docs/screenshots/<page>.png}. Not part of the normal test run; made with
 * {@code ./mvnw -pl backend -am test -Dscreenshots=true -Dtest=PortalScreenshots
 * -Dsurefire.failIfNoSpecifiedTests=false} (docs/development.md).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "screenshots", matches = "true",
		disabledReason = "screenshots are made on request: -Dscreenshots=true")
class PortalScreenshots {

	static final Path DIRECTORY = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));

	@LocalServerPort
	int port;

	@Test
	void mainPages() {
		Browser browser = Browser.on(this.port);
		List<String> details = PortalSamples.create(new MeasuredUploads(new HttpTestClient(this.port)));
		browser.open("/login");
		browser.screenshot(DIRECTORY.resolve("sign-in.png"));
		browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		browser.open("/");

		Map<String, String> pages = new LinkedHashMap<>();
		for (String path : PortalAccessibilityTests.linkedFromTheHeader(browser)) {
			pages.put(path, path.equals("/") ? "dashboard" : path.substring(1).replace('/', '-'));
		}
		List<String> names = List.of("data-source-job", "site", "workload", "report", "report-document", "supplier",
				"evaluation");
		for (int i = 0; i < details.size(); i++) {
			if (!details.get(i).endsWith("?format=html")) {
				pages.put(details.get(i), names.get(i));
			}
		}
		pages.forEach((path, name) -> {
			browser.open(path);
			browser.screenshot(DIRECTORY.resolve(name + ".png"));
		});

		// the upload's progress bars once a dropped file has been ingested
		browser.open("/data-sources");
		browser.script("""
				const files = new DataTransfer();
				files.items.add(new File([arguments[0]], 'focus-2025-03.csv', { type: 'text/csv' }));
				const zone = document.querySelector('[data-drop-zone]');
				for (const type of ['dragenter', 'dragover', 'drop']) {
				  zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: files }));
				}""", focus(UUID.randomUUID().toString()));
		browser.find(By.cssSelector("form[data-upload] button[type=submit]")).click();
		String outcome = browser
			.until(d -> d.findElement(By.cssSelector("[data-progress]")).getDomAttribute("data-outcome"));
		assertThat(outcome).isEqualTo("COMPLETED");
		browser.screenshot(DIRECTORY.resolve("data-sources-uploaded.png"));
	}

	private static String focus(String nonce) {
		StringBuilder csv = new StringBuilder("ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,"
				+ "BillingCurrency,ProviderName,ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,"
				+ "ConsumedUnit,SkuPriceDetails,Tags\n");
		for (int hour = 0; hour < 24 * 31; hour++) {
			String start = java.time.Instant.parse("2025-03-01T00:00:00Z").plusSeconds(3600L * hour).toString();
			String end = java.time.Instant.parse(start).plusSeconds(3600).toString();
			csv.append(start)
				.append(',')
				.append(end)
				.append(",Usage,3.06,USD,AWS,Compute,Amazon EC2,eu-west-1,acct-")
				.append(nonce)
				.append(",1,Hours,\"{\"\"InstanceType\"\":\"\"m5.2xlarge\"\"}\",\n");
		}
		return csv.toString();
	}

}
