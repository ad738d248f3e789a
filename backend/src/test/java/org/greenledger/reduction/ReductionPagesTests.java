package org.greenledger.reduction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reduction pages: the target form refuses bad input in the user's words and keeps
 * what was typed, saves a valid target and opens it with its SVG trajectory chart; the
 * dashboard shows the reduction summary.
 */
@IntegrationTest
class ReductionPagesTests {

	@LocalServerPort
	int port;

	HttpTestClient browser;

	@BeforeEach
	void setUp() {
		this.browser = new HttpTestClient(this.port);
		this.browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void theTargetFormNamesEachProblemByItsLabelKeepsTheInputAndSavesAValidTarget() {
		String page = this.browser.get("/targets").body();
		assertThat(page).contains("id=\"targetForm\"", "name=\"baseYearKgCo2e\"");
		String name = "Form target " + UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", this.browser.csrfToken("/targets"));
		form.put("name", name);
		form.put("scopes", "SCOPE_3");
		form.put("basis", "LOCATION");
		form.put("baseYear", "twenty");
		form.put("baseYearKgCo2e", "5000");
		form.put("targetYear", "2510");
		form.put("reductionPercent", "150");

		var refused = this.browser.postForm("/targets", form);

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body())
			.contains("Nothing was saved", "Base year: &#39;twenty&#39; is not a year",
					"Reduction (%): required, more than 0 and at most 100", "value=\"" + name + "\"",
					"value=\"twenty\"", "value=\"150\"")
			.doesNotContain("baseYear:", "Exception");

		form.put("_csrf", this.browser.csrfToken("/targets"));
		form.put("baseYear", "2500");
		form.put("reductionPercent", "50");
		var saved = this.browser.postForm("/targets", form);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		String location = saved.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/targets/");
		String target = this.browser.get(location.substring(location.indexOf("/targets/"))).body();
		assertThat(target).contains(name, "saved as version 1", "<svg", "id=\"trajectorySvg\"", "<polyline",
				"Target path 2500: 5.00 t", "Target path 2510: 2.50 t");
	}

	@Test
	void theDashboardShowsTheReductionSummary() {
		String home = this.browser.get("/").body();
		assertThat(home).contains("id=\"reduction\"", "Main target", "Largest opportunities");
	}

}
