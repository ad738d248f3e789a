package org.greenledger.calculator.web;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calculator and factors pages over real HTTP, as a signed-in sustainability officer
 * uses them.
 */
@IntegrationTest
class CalculatorPageTests {

	@LocalServerPort
	int port;

	HttpTestClient browser;

	@BeforeEach
	void signIn() {
		this.browser = new HttpTestClient(this.port);
		this.browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void theNavigationLeadsToTheCalculatorAndTheFactors() {
		String home = this.browser.get("/").body();
		assertThat(home).contains("href=\"/calculator\"").contains("href=\"/factors\"");
	}

	@Test
	void theCalculatorShowsTheBreakdownAChartAndTheFactorsUsed() {
		HttpResponse<String> page = submit(Map.of("type", "ACCELERATOR_HOURS", "quantity", "1000", "model", "A100-40GB",
				"utilization", "0.5", "provider", "aws", "region", "us-east-1", "year", "2024"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("CO2e, location-based", "223.00 kWh", "breakdownChart", "breakdownTable",
				"electricitymaps-zone-yearly", "US-MIDA-PJM", "chart.umd.min.js", "<td class=\"num\">0.85</td>");
	}

	@Test
	void theCalculatorOffersInstanceTypesAndEstimatesInstanceHours() {
		String form = this.browser.get("/calculator").body();
		assertThat(form).contains("Cloud instance hours", "id=\"instanceType\"", "list=\"instanceTypeList\"",
				"value=\"m5.xlarge\"", "value=\"n2-standard-4\"", "value=\"Standard_D4s_v3\"");
		HttpResponse<String> page = submit(Map.of("type", "INSTANCE_HOURS", "quantity", "1000", "instanceType",
				"m5.xlarge", "provider", "aws", "region", "us-east-1", "year", "2024"));
		assertThat(page.statusCode()).isEqualTo(200);
		// 1000 h x (4 vCPU x 2.455 W + 16 GB x 0.392 W) = 16.092 kWh
		assertThat(page.body()).doesNotContain("role=\"alert\"").contains("16.09 kWh", "Skylake", "DRAM");
		// 1000 h x 1610.79 kg x 4/96 / 35,040 h = 1.915 kg, no published range
		assertThat(page.body()).contains("1.915 kg", "id=\"embodiedRange\"", "range 1.915 to 1.915 kg",
				"HOST:aws:m5.xlarge");
		HttpResponse<String> unknown = submit(Map.of("type", "INSTANCE_HOURS", "quantity", "1", "instanceType",
				"m5.xlarg", "provider", "aws", "region", "us-east-1"));
		assertThat(unknown.body()).contains("usage[0].instanceType", "did you mean m5.xlarge");
	}

	@Test
	void invalidInputIsExplainedOnTheForm() {
		HttpResponse<String> page = submit(Map.of("type", "ACCELERATOR_HOURS", "quantity", "many", "model", "A100-40GB",
				"provider", "aws", "region", "us-east-1"));
		assertThat(page.body()).contains("role=\"alert\"").contains("usage[0].quantity").contains("is not a number");
		HttpResponse<String> unknown = submit(Map.of("type", "ACCELERATOR_HOURS", "quantity", "10", "model", "Z9000",
				"provider", "aws", "region", "us-east-1"));
		assertThat(unknown.body()).contains("usage[0].model").contains("unknown accelerator model &#39;Z9000&#39;");
	}

	@Test
	void theFactorsPageListsDatasetsWithLicencesAndFilters() {
		String page = this.browser.get("/factors?kind=GRID_INTENSITY&key=US-CAL-CISO&year=2024").body();
		assertThat(page).contains("ODbL-1.0", "CC-BY-SA-4.0", "Apache-2.0", "1 factors match.", "US-CAL-CISO");
		String dataset = this.browser.get("/factors?dataset=greenledger-defaults").body();
		assertThat(dataset).contains("4 factors match.", "DEFAULT_UTILIZATION", "ACCELERATORS_PER_SERVER");
	}

	@Test
	void theFactorsApiFiltersByKindKeyAndYear() {
		HttpResponse<String> response = this.browser.get("/api/v1/factors?kind=PUE&key=aws&year=2024",
				HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"total\":1", "\"value\":1.15", "\"licence\"");
		assertThat(this.browser
			.get("/api/v1/factors?kind=NOPE", HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD))
			.statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> submit(Map<String, String> fields) {
		Map<String, String> form = new HashMap<>(fields);
		form.put("_csrf", this.browser.csrfToken("/calculator"));
		return this.browser.postForm("/calculator", form);
	}

}
