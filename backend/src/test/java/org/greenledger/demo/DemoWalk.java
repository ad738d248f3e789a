package org.greenledger.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openqa.selenium.By;

import org.greenledger.Axe;
import org.greenledger.Browser;
import org.greenledger.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A walk through the loaded demo in the browser, as a new user would take it: the
 * dashboard of 2025, the explorer down to one AWS line and its source row, a report
 * download, the reconciliation with AWS's own figures and the opportunities, each page
 * checked with axe-core (no serious or critical violation) and for figures that read
 * "0.000".
 */
final class DemoWalk {

	/** A figure of zero with three decimals, not part of a longer number. */
	private static final Pattern ZERO_FIGURE = Pattern.compile("(?<![\\d.,])0[.,]000(?![\\d])");

	private final Browser browser;

	private final Map<String, List<String>> problems = new LinkedHashMap<>();

	private final List<String> walked = new ArrayList<>();

	DemoWalk(Browser browser) {
		this.browser = browser;
	}

	void walk(String report) {
		this.browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		visit("/?from=2025-01&to=2025-12");
		assertThat(this.browser.find(By.cssSelector(".demo-banner")).getText()).contains("Demo data");
		visit("/explorer?from=2025-06&to=2025-06&account=" + DemoOrganisation.AWS_ACCOUNT + "&lines=true");
		String line = this.browser.find(By.cssSelector("a[href^='/explorer/lines/']")).getDomAttribute("href");
		visit(line);
		assertThat(this.browser.find(By.tagName("main")).getText()).as("the line's source row")
			.contains("demo-aws-cur");
		visit("/reports/" + report);
		Object download = this.browser.asyncScript("""
				const done = arguments[arguments.length - 1];
				const link = document.querySelector("a[href*='/content'][href*='pdf']");
				if (!link) { done('no PDF link'); return; }
				fetch(link.href).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type')
				  + ' ' + b.byteLength)), e => done('failed: ' + e));""");
		assertThat(String.valueOf(download)).as("the report's PDF download").startsWith("200 application/pdf");
		visit("/reconciliation?from=2025-01&to=2025-12&provider=aws&groupBy=account");
		assertThat(this.browser.find(By.tagName("main")).getText()).contains(DemoOrganisation.AWS_ACCOUNT);
		visit("/opportunities?from=2025-01-01&to=2025-12-31");
		visit("/demo");
		System.out.println("Demo walk:\n  " + String.join("\n  ", this.walked));
		assertThat(this.problems)
			.as(() -> this.problems.entrySet()
				.stream()
				.map(entry -> entry.getKey() + ":\n  " + String.join("\n  ", entry.getValue()))
				.collect(Collectors.joining("\n\n", "Problems on the demo's pages:\n", "")))
			.isEmpty();
	}

	private void visit(String page) {
		this.browser.open(page);
		List<String> found = new ArrayList<>();
		List<Axe.Violation> violations = this.browser.accessibilityViolations();
		violations.stream()
			.filter(v -> Set.of("serious", "critical").contains(v.impact()))
			.forEach(v -> found.add("axe: " + v));
		String text = this.browser.find(By.tagName("body")).getText();
		Matcher zero = ZERO_FIGURE.matcher(text);
		while (zero.find()) {
			int start = Math.max(0, zero.start() - 60);
			found.add("a figure reads 0.000: ..."
					+ text.substring(start, Math.min(text.length(), zero.end() + 20)).replace('\n', ' ') + "...");
		}
		this.walked.add(page + ": " + violations.size() + " axe violation(s), " + found.size() + " problem(s)");
		if (!found.isEmpty()) {
			this.problems.put(page, found);
		}
	}

}
