package org.greenledger.procurement;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An evaluation with a model or a region the factor library does not know is refused with
 * the closest known names (422 in the API; in the portal the form comes back as it was
 * sent, with the problem beside the field), and a result states the workload, the saving
 * and the trade-offs in words and figures, with labels that name supplier and offer.
 */
@IntegrationTest
class EvaluationInputTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads api;

	String nonce;

	String clean;

	String coal;

	@BeforeEach
	void suppliers() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
		this.nonce = UUID.randomUUID().toString().substring(0, 8);
		this.clean = supplier("Nordic cloud " + this.nonce);
		this.coal = supplier("Lignite colo " + this.nonce);
	}

	@Test
	void anUnknownModelOrRegionIs422WithTheClosestKnownNames() {
		HttpResponse<String> response = this.http.post("/api/v1/procurement/evaluations", "application/json", """
				{"workload": {"from": "2026-01-01", "to": "2026-01-31",
				              "acceleratorHours": [{"model": "H100", "hours": 100}]},
				 "candidates": [{"supplierId": "%s", "provider": "aws", "region": "us-east1"}]}"""
			.formatted(this.clean), MeasuredUploads.admin());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		DocumentContext problem = JsonPath.parse(response.body());
		assertThat(problem.read("$.errors[0].field", String.class)).isEqualTo("workload.acceleratorHours[0].model");
		List<String> models = problem.read("$.errors[0].suggestions");
		assertThat(models).contains("H100-SXM");
		assertThat(models.get(0)).startsWith("H100");
		assertThat(problem.read("$.errors[0].message", String.class)).contains("'H100'", "did you mean", "H100-SXM");
		assertThat(problem.read("$.errors[1].field", String.class)).isEqualTo("candidates[0].region");
		List<String> regions = problem.read("$.errors[1].suggestions");
		assertThat(regions.get(0)).isEqualTo("us-east-1");
	}

	@Test
	void theFormKeepsItsInputAndShowsTheProblemBesideTheFieldThenTheResultStatesSavingAndTradeOffs() throws Exception {
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		Map<String, String> form = new HashMap<>(Map.of("name", "typo " + this.nonce, "from", "2026-01-01", "to",
				"2026-03-31", "acceleratorModel", "H100", "acceleratorHours", "10000", "vcpuHours", "20000",
				"supplierId", this.clean, "provider", "aws", "region", "eu-north-1"));
		form.put("_csrf", this.http.csrfToken("/evaluations"));
		HttpResponse<String> refused = this.http.postForm("/evaluations", form);
		assertThat(refused.statusCode()).isEqualTo(422);
		String page = refused.body();
		assertThat(page).doesNotContain("Something went wrong");
		assertThat(page).contains("id=\"evaluation-problems\"");
		assertThat(page).containsPattern("id=\"acceleratorModel\" name=\"acceleratorModel\" value=\"H100\"");
		assertThat(page).contains("value=\"eu-north-1\"", "value=\"10000\"", "value=\"typo " + this.nonce + "\"");
		Matcher error = Pattern.compile("id=\"error-acceleratorModel\">([^<]*)<").matcher(page);
		assertThat(error.find()).isTrue();
		assertThat(error.group(1)).contains("H100-SXM");
		assertThat(page).contains("aria-describedby=\"error-acceleratorModel\"");

		// corrected, with a second candidate on a coal-heavy grid
		String body = "name=" + enc("typo " + this.nonce) + "&from=2026-01-01&to=2026-03-31"
				+ "&acceleratorModel=H100-SXM&acceleratorHours=10000&vcpuHours=20000" + "&supplierId=" + this.clean
				+ "&provider=aws&region=eu-north-1&gridZone=" + "&supplierId=" + this.coal + "&provider=&region="
				+ "&gridZone=PL" + "&_csrf=" + enc(this.http.csrfToken("/evaluations"));
		HttpResponse<String> created = this.http.post("/evaluations", "application/x-www-form-urlencoded", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		String id = location.substring(location.lastIndexOf('/') + 1);
		DocumentContext result = this.api.getJson("/api/v1/procurement/evaluations/" + id);
		String best = result.read("$.ranking[0]", String.class);
		String other = result.read("$.ranking[1]", String.class);
		assertThat(best).isEqualTo("Nordic cloud " + this.nonce + ", aws eu-north-1");
		assertThat(other).isEqualTo("Lignite colo " + this.nonce + ", zone PL");
		double bestKg = kg(result, best);
		double otherKg = kg(result, other);
		String evaluation = this.http.get("/evaluations/" + id).body();
		assertThat(evaluation).doesNotContain(" #1", " #2");
		assertThat(evaluation).contains("id=\"evaluation-workload\">2026-01-01 to 2026-03-31 (90 days): 10,000"
				+ " accelerator-hours of H100-SXM, 20,000 vCPU-hours.");
		String saving = "Choosing " + best + " instead of " + other + " avoids "
				+ EvaluationSummary.co2e(otherKg - bestKg);
		assertThat(evaluation).contains(saving);
		assertThat(evaluation).containsPattern("avoids [^(]*\\(\\d+\\.\\d %");
		assertThat(evaluation).contains("id=\"evaluation-trade-offs\"")
			.contains("No prices were given with the offers, so cost is not compared.");
		var pdf = this.http.getBytes("/evaluations/" + id + "/report?format=pdf");
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Workload: 2026-01-01 to 2026-03-31")
				.contains("Saving: Choosing Nordic cloud " + this.nonce)
				.contains("Rank 1: Nordic cloud")
				.doesNotContain("#1");
		}
	}

	@Test
	void twoOffersOfOneSupplierAtOnePlaceAreTheSupplierNameWithOfferAAndB() {
		DocumentContext result = this.api.postJson("/api/v1/procurement/evaluations", """
				{"workload": {"from": "2026-01-01", "to": "2026-01-31", "vcpuHours": 1000},
				 "candidates": [{"supplierId": "%s", "provider": "aws", "region": "eu-north-1"},
				                {"supplierId": "%s", "provider": "aws", "region": "eu-north-1",
				                 "cpuMicroarchitecture": "Skylake"}]}""".formatted(this.clean, this.clean));
		assertThat(result.read("$.candidates[*].label", List.class)).containsExactly(
				"Nordic cloud " + this.nonce + ", aws eu-north-1, offer A",
				"Nordic cloud " + this.nonce + ", aws eu-north-1, offer B");
	}

	private static double kg(DocumentContext result, String label) {
		List<Double> market = result.read("$.candidates[?(@.label == '" + label + "')].co2eMarketKg");
		List<Double> embodied = result.read("$.candidates[?(@.label == '" + label + "')].co2eEmbodiedKg");
		return market.get(0) + embodied.get(0);
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private String supplier(String name) {
		return this.api
			.postJson("/api/v1/procurement/suppliers",
					"""
							{"name": "%s", "type": "CLOUD_PROVIDER", "website": "https://example.com",
							 "contacts": [{"name": "Ada", "email": "ada@example.com", "role": "sustainability"}]}"""
						.formatted(name))
			.read("$.id", String.class);
	}

}
