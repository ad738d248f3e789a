package org.greenledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility checks with axe-core (the npm package {@code axe-core}, which the build
 * downloads from the npm registry; the system property {@code greenledger.test.axe} names
 * its {@code axe.min.js}): the script is injected into the page under test and run with
 * the WCAG 2.0 and 2.1 level A and AA rules.
 */
public final class Axe {

	/** The rules run: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
	public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

	/** Impacts that fail a page. */
	static final Set<String> FAILING = Set.of("serious", "critical");

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
			  .then(results => done(results.violations.map(v => ({
			    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
			    targets: v.nodes.map(n => n.target.join(' ') + (n.failureSummary
			      ? ' (' + n.failureSummary.replace(/\\s+/g, ' ').trim() + ')' : ''))
			  }))))
			  .catch(error => done('axe-core failed: ' + error));""";

	private static String script;

	private Axe() {
	}

	/**
	 * A rule the page breaks.
	 *
	 * @param id the axe-core rule, e.g. {@code color-contrast}
	 * @param impact minor, moderate, serious or critical
	 * @param help what the rule asks for
	 * @param helpUrl where axe explains it
	 * @param targets the offending elements (CSS selectors), each with why it fails
	 */
	public record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {

		@Override
		public String toString() {
			return this.impact + " " + this.id + ": " + this.help + " (" + this.helpUrl + ")\n      "
					+ String.join("\n      ", this.targets);
		}

	}

	/** Every WCAG A/AA violation axe-core finds on the page the driver shows. */
	@SuppressWarnings("unchecked")
	static List<Violation> run(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
			js.executeScript(script());
		}
		Object result = js.executeAsyncScript(RUN, TAGS);
		if (!(result instanceof List<?> violations)) {
			throw new AssertionError(String.valueOf(result));
		}
		return violations.stream().map(item -> {
			Map<String, Object> v = (Map<String, Object>) item;
			return new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
					(String) v.get("helpUrl"), (List<String>) v.get("targets"));
		}).toList();
	}

	/** Fails listing every serious or critical violation. */
	static void assertNoSeriousViolations(String page, List<Violation> violations) {
		List<Violation> failing = violations.stream().filter(v -> FAILING.contains(v.impact())).toList();
		if (!failing.isEmpty()) {
			throw new AssertionError(failing.size() + " serious or critical accessibility violation(s) on " + page
					+ ":\n  " + failing.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
		}
	}

	private static synchronized String script() {
		if (script == null) {
			String file = System.getProperty("greenledger.test.axe");
			if (file == null) {
				throw new IllegalStateException(
						"greenledger.test.axe names no axe.min.js: run the tests through Maven, "
								+ "which downloads axe-core to backend/target/axe-core, or set it to another build");
			}
			try {
				script = Files.readString(Path.of(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read axe-core from " + file, ex);
			}
		}
		return script;
	}

}
