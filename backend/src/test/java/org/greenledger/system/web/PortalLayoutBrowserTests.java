package org.greenledger.system.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

import org.greenledger.Axe;
import org.greenledger.Browser;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestOrgUnits;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every portal page holds its layout at 1366 and 1920 pixels and in a narrow window (480
 * pixels): nothing sticks out of the window or out of its card (form, fieldset, chart),
 * the page never scrolls sideways (wide tables scroll inside their own frame), tables fit
 * their frame on the desktop widths (long texts wrap instead of being cut), the content
 * uses a wide screen, and axe-core finds no serious or critical violation at any width.
 * Overflow is measured in the browser from the elements' rectangles.
 */
@IntegrationTest
class PortalLayoutBrowserTests {

	/** The widths checked: a common laptop, a full-HD screen, a narrow window. */
	private static final int[] WIDTHS = { 1366, 1920, 480 };

	private static final String OVERFLOW = """
			const width = document.documentElement.clientWidth;
			const problems = [];
			const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
			    + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
			const visible = r => r.width > 1 && r.height > 1;
			if (document.documentElement.scrollWidth > width + 1) {
			  problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
			  // the outermost elements past the window's edge, whatever their height
			  document.querySelectorAll('body *').forEach(e => {
			    const r = e.getBoundingClientRect();
			    const p = e.parentElement.getBoundingClientRect();
			    if (r.right > width + 1 && p.right <= width + 1 && problems.length < 6) {
			      problems.push(name(e) + ' reaches ' + Math.round(r.right) + ' px');
			    }
			  });
			}
			document.querySelectorAll('main *').forEach(e => {
			  if (e.closest('.table-wrap') || e.closest('.visually-hidden')) return;
			  const r = e.getBoundingClientRect();
			  if (visible(r) && (r.right > width + 1 || r.left < -1)) {
			    problems.push(name(e) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width);
			  }
			});
			document.querySelectorAll('main form, main fieldset, main .chart, main .key-figures li').forEach(card => {
			  const c = card.getBoundingClientRect();
			  card.querySelectorAll('select, input, button, textarea, canvas').forEach(e => {
			    const r = e.getBoundingClientRect();
			    if (visible(r) && e.type !== 'hidden' && r.right > c.right + 1) {
			      problems.push(name(e) + ' sticks out of ' + name(card) + ' by ' + Math.round(r.right - c.right) + ' px');
			    }
			  });
			});
			if (arguments[0]) {
			  document.querySelectorAll('main .table-wrap').forEach(wrap => {
			    if (wrap.scrollWidth > wrap.clientWidth + 1) {
			      const table = wrap.querySelector('table');
			      problems.push('table ' + (table ? name(table) : '') + ' is cut: ' + wrap.scrollWidth + ' > '
			          + wrap.clientWidth + ' px');
			    }
			  });
			}
			return problems.slice(0, 12);""";

	@LocalServerPort
	int port;

	@Test
	void everyPageHoldsItsLayoutAtThreeWidths() {
		Browser browser = Browser.on(this.port);
		List<String> details = PortalSamples.create(new MeasuredUploads(new HttpTestClient(this.port)));
		// an org unit, so that /settings holds its table with the rename form (a visually
		// hidden label in the last column once widened the page at 480 px)
		TestOrgUnits.register(new HttpTestClient(this.port), "layout-unit-with-a-long-code");
		browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		browser.open("/");
		Set<String> pages = new LinkedHashSet<>(PortalAccessibilityTests.linkedFromTheHeader(browser));
		details.stream().filter(page -> !page.endsWith("?format=html")).forEach(pages::add);
		// the explorer with its seven filters, grouped by scope
		pages.add("/explorer?groupBy=scope&provider=aws&service=AmazonEC2&region=us-east-1&account=1&scope=x");
		Map<String, List<String>> failing = new LinkedHashMap<>();
		Map<String, List<Axe.Violation>> inaccessible = new LinkedHashMap<>();
		List<String> checked = new ArrayList<>();
		try {
			for (int width : WIDTHS) {
				browser.driver().manage().window().setSize(new Dimension(width, 900));
				for (String page : pages) {
					browser.open(page);
					// charts are drawn after the page has loaded
					browser.until(driver -> "complete".equals(browser.script("return document.readyState;")));
					@SuppressWarnings("unchecked")
					List<String> problems = (List<String>) browser.script(OVERFLOW, width >= 1366);
					String key = width + " px " + browser.path();
					if (!problems.isEmpty()) {
						failing.put(key, problems);
					}
					List<Axe.Violation> serious = browser.accessibilityViolations()
						.stream()
						.filter(violation -> Set.of("serious", "critical").contains(violation.impact()))
						.toList();
					if (!serious.isEmpty()) {
						inaccessible.put(key, serious);
					}
					checked.add(key);
				}
				if (width == 1920) {
					browser.open("/");
					Number content = (Number) browser
						.script("return document.querySelector('main').getBoundingClientRect().width;");
					assertThat(content.doubleValue()).as("the content uses a wide screen").isGreaterThan(1600);
				}
			}
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(Browser.WIDTH, 900));
		}
		System.out
			.println("Layout checked on " + checked.size() + " pages and widths:\n  " + String.join("\n  ", checked));
		assertThat(Map.of("outside the window or their card, or tables cut", failing,
				"serious or critical accessibility violations", inaccessible))
			.allSatisfy((kind, problems) -> assertThat(problems).as(kind).isEmpty());
	}

}
