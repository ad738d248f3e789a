package org.greenledger.system.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.greenledger.Axe;
import org.greenledger.Browser;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every portal page passes axe-core's WCAG 2.0/2.1 A and AA rules without a serious or
 * critical violation: the pages the header links to (found in the page, so new pages join
 * by being linked), a detail page of each kind (with data made through the API), the
 * sign-in page and an error page.
 */
@IntegrationTest
class PortalAccessibilityTests {

	@LocalServerPort
	int port;

	@Test
	void everyPortalPageHasNoSeriousOrCriticalAccessibilityViolation() {
		Browser browser = Browser.on(this.port);
		List<String> details = PortalSamples.create(new MeasuredUploads(new HttpTestClient(this.port)));
		Map<String, List<Axe.Violation>> failing = new LinkedHashMap<>();
		List<String> checked = new ArrayList<>();

		browser.open("/login");
		check(browser, "/login", failing, checked);

		browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		browser.open("/");
		Set<String> pages = new LinkedHashSet<>(linkedFromTheHeader(browser));
		assertThat(pages).as("the header's links").contains("/", "/data-sources", "/account");
		pages.addAll(details);
		pages.add("/no-such-page-" + UUID.randomUUID());
		for (String page : pages) {
			if (page.endsWith("?format=html")) {
				// a download: its HTML is shown in place of the report's page
				browser.open(page.substring(0, page.indexOf("/content")));
				browser.asyncScript("""
						const done = arguments[arguments.length - 1];
						fetch(arguments[0]).then(response => response.text()).then(html => {
						  document.open(); document.write(html); document.close(); done(true);
						}, error => done('failed: ' + error));""", page);
				check(browser, page, failing, checked);
				continue;
			}
			browser.open(page);
			check(browser, browser.path(), failing, checked);
		}

		// a meter reading's lineage, reached from the site's readings
		browser.open(details.stream().filter(page -> page.startsWith("/explorer/sites/")).findFirst().orElseThrow());
		String reading = browser.find(By.cssSelector("#meter-lines a[href^='/explorer/meter-lines/']"))
			.getDomAttribute("href");
		browser.open(reading);
		check(browser, reading, failing, checked);

		System.out.println("axe-core " + browser.script("return axe.version;") + " (" + String.join(", ", Axe.TAGS)
				+ ") checked " + checked.size() + " pages:\n  " + String.join("\n  ", checked));
		assertThat(failing)
			.as(() -> failing.entrySet()
				.stream()
				.map(entry -> entry.getKey() + ":\n  "
						+ entry.getValue().stream().map(Axe.Violation::toString).collect(Collectors.joining("\n  ")))
				.collect(Collectors.joining("\n\n", "Serious or critical accessibility violations:\n", "")))
			.isEmpty();
	}

	@Test
	void axeReportsAViolationWhenAPageHasOne() {
		Browser browser = Browser.on(this.port);
		browser.open("/login");
		browser.script("""
				const image = document.createElement('img');
				image.src = '/images/favicon.svg';
				document.querySelector('main').appendChild(image);
				const field = document.createElement('input');
				field.type = 'text';
				document.querySelector('main').appendChild(field);""");
		assertThat(browser.accessibilityViolations()).extracting(Axe.Violation::id).contains("image-alt", "label");
	}

	/** The portal paths the page header links to (brand, navigation, user menu). */
	static List<String> linkedFromTheHeader(Browser browser) {
		String origin = "http://127.0.0.1:";
		return browser.findAll(By.cssSelector("header a[href]"))
			.stream()
			.map(link -> link.getDomAttribute("href"))
			.filter(href -> href != null && (href.startsWith("/") || href.startsWith(origin)))
			.map(href -> href.startsWith(origin) ? href.substring(href.indexOf('/', origin.length())) : href)
			.distinct()
			.toList();
	}

	private static void check(Browser browser, String page, Map<String, List<Axe.Violation>> failing,
			List<String> checked) {
		List<Axe.Violation> violations = browser.accessibilityViolations();
		List<Axe.Violation> serious = violations.stream()
			.filter(v -> Set.of("serious", "critical").contains(v.impact()))
			.toList();
		checked.add(page + ": " + violations.size() + " violation(s), " + serious.size() + " serious or critical"
				+ (violations.isEmpty() ? "" : " " + violations.stream().map(v -> v.impact() + " " + v.id()).toList()));
		if (!serious.isEmpty()) {
			failing.put(page, serious);
		}
	}

}
