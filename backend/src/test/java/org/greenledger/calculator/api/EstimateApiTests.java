package org.greenledger.calculator.api;

import java.net.http.HttpResponse;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * {@code POST /api/v1/estimates} over real HTTP: the published validation cases
 * (methodology.md) and the refusal of invalid input, field by field.
 */
@IntegrationTest
class EstimateApiTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	@org.springframework.beans.factory.annotation.Autowired
	org.greenledger.security.UserAccounts accounts;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	@DisplayName("T5 (Patterson et al. 2021, Table 4) through the API")
	void t5() {
		DocumentContext result = ok(
				"""
						{"usage": [{"type": "ACCELERATOR_HOURS", "quantity": 245760, "model": "TPU-v3", "averagePowerWatts": 310}],
						 "pue": 1.12, "gridIntensityGramsPerKwh": 545, "wueLitersPerKwh": 0, "ewifLitersPerKwh": 0}""");
		assertThat(number(result, "$.facilityEnergyKwh")).isCloseTo(85_700, withinPercentage(1));
		assertThat(number(result, "$.co2eKg.locationBased")).isCloseTo(46_700, withinPercentage(1.5));
	}

	@Test
	@DisplayName("Meena (Patterson et al. 2021, Table 4) through the API")
	void meena() {
		DocumentContext result = ok(
				"""
						{"usage": [{"type": "ACCELERATOR_HOURS", "quantity": 737280, "model": "TPU-v3", "averagePowerWatts": 289}],
						 "pue": 1.09, "gridIntensityGramsPerKwh": 415}""");
		assertThat(number(result, "$.facilityEnergyKwh")).isCloseTo(232_000, withinPercentage(1));
		assertThat(number(result, "$.co2eKg.locationBased")).isCloseTo(96_400, withinPercentage(1.5));
	}

	@Test
	@DisplayName("Transformer big (Strubell et al. 2019, Table 3) through the API")
	void transformerBig() {
		DocumentContext result = ok("""
				{"usage": [{"type": "ENERGY_KWH", "quantity": 127.29612}],
				 "pue": 1.58, "gridIntensityGramsPerKwh": 432.72812}""");
		assertThat(number(result, "$.facilityEnergyKwh")).isCloseTo(201, withinPercentage(1));
		assertThat(number(result, "$.co2eKg.locationBased")).isCloseTo(87.1, withinPercentage(1));
	}

	@Test
	@DisplayName("BLOOM energy and GPU embodied (Luccioni et al. 2022) through the API")
	void bloom() {
		DocumentContext result = ok(
				"""
						{"usage": [{"type": "ACCELERATOR_HOURS", "quantity": 1082990, "model": "A100-80GB", "averagePowerWatts": 400}],
						 "pue": 1.0, "gridIntensityGramsPerKwh": 57,
						 "embodied": {"acceleratorKgCo2e": 150, "lifespanYears": 6, "utilization": 0.85}}""");
		assertThat(number(result, "$.itEnergyKwh")).isCloseTo(433_196, withinPercentage(0.5));
		assertThat(number(result, "$.co2eKg.locationBased")).isCloseTo(24_690, withinPercentage(0.5));
		assertThat(number(result, "$.co2eKg.embodied")).isCloseTo(3_640, withinPercentage(1));
	}

	@Test
	@DisplayName("GPT-3 water, US average and Arizona (Li et al., Table 1) through the API")
	void gpt3Water() {
		DocumentContext us = ok("""
				{"usage": [{"type": "ENERGY_KWH", "quantity": 1287000}],
				 "pue": 1.17, "gridIntensityGramsPerKwh": 0, "wueLitersPerKwh": 0.55, "ewifLitersPerKwh": 3.142}""");
		assertThat(number(us, "$.waterLiters.onSite")).isCloseTo(708_000, withinPercentage(0.2));
		assertThat(number(us, "$.waterLiters.offSite")).isCloseTo(4_731_000, withinPercentage(0.2));
		DocumentContext arizona = ok("""
				{"usage": [{"type": "ENERGY_KWH", "quantity": 1287000}],
				 "pue": 1.18, "gridIntensityGramsPerKwh": 0, "wueLitersPerKwh": 1.63, "ewifLitersPerKwh": 4.959}""");
		assertThat(number(arizona, "$.waterLiters.onSite")).isCloseTo(2_098_000, withinPercentage(0.2));
		assertThat(number(arizona, "$.waterLiters.offSite")).isCloseTo(7_531_000, withinPercentage(0.2));
	}

	@Test
	void aCloudRegionEstimateListsEveryFactorWithItsSource() {
		DocumentContext result = ok("""
				{"usage": [{"type": "ACCELERATOR_HOURS", "quantity": 1000, "model": "H100-SXM", "utilization": 0.7},
				           {"type": "VCPU_HOURS", "quantity": 5000, "model": "Cascade Lake"},
				           {"type": "MEMORY_GB_HOURS", "quantity": 20000},
				           {"type": "STORAGE_TB_HOURS", "quantity": 720},
				           {"type": "NETWORK_GB", "quantity": 500}],
				 "location": {"provider": "gcp", "region": "europe-west4"}, "year": 2024}""");
		assertThat(number(result, "$.co2eKg.total")).isPositive();
		assertThat(result.read("$.lines.length()", Integer.class)).isEqualTo(5);
		assertThat(result.read("$.factors[*].dataset", java.util.List.class)).contains("electricitymaps-zone-yearly",
				"accelerator-power", "ccf-coefficients", "cloud-pue-wue");
		assertThat(result.read("$.factors[*].source", java.util.List.class))
			.allSatisfy(source -> assertThat(source.toString()).isNotBlank());
		assertThat(result.read("$.assumptions[0]", String.class)).contains("usage[3]").contains("SSD assumed");
	}

	@Test
	void invalidInputIs422NamingEachField() {
		HttpResponse<String> response = post("""
				{"usage": [{"type": "QUANTUM_HOURS", "quantity": 1},
				           {"type": "ACCELERATOR_HOURS", "quantity": -5, "model": "Z9000", "utilization": 1.5},
				           {"type": "VCPU_HOURS", "quantity": 10}],
				 "location": {"provider": "aws", "region": "mars-1"}}""");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		DocumentContext body = JsonPath.parse(response.body());
		assertThat(body.read("$.errors[*].field", java.util.List.class)).contains("usage[0].type", "usage[1].quantity",
				"usage[1].model", "usage[1].utilization", "usage[2].model", "location.region");
	}

	@Test
	void aNonNumericQuantityIs422NamingTheField() {
		HttpResponse<String> response = post("""
				{"usage": [{"type": "ENERGY_KWH", "quantity": "lots"}], "location": {"country": "DE"}}""");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("\"field\":\"usage[0].quantity\"").contains("expected a number");
	}

	@Test
	void neitherLocationNorOverridesIs422() {
		HttpResponse<String> response = post("""
				{"usage": [{"type": "ENERGY_KWH", "quantity": 10}]}""");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("\"field\":\"location\"");
	}

	@Test
	void estimatesNeedASignedInPortalUserNotAMachineClient() {
		assertThat(this.http.post("/api/v1/estimates", "application/json", "{}").statusCode()).isEqualTo(401);
		String machine = "machine-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(machine, "machine password 1", java.util.Set.of(org.greenledger.security.Role.API_CLIENT));
		assertThat(this.http
			.post("/api/v1/estimates", "application/json", "{}", HttpTestClient.basic(machine, "machine password 1"))
			.statusCode()).isEqualTo(403);
	}

	private DocumentContext ok(String json) {
		HttpResponse<String> response = post(json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	private HttpResponse<String> post(String json) {
		return this.http.post("/api/v1/estimates", "application/json", json,
				HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD));
	}

	private static double number(DocumentContext document, String path) {
		return document.read(path, Double.class);
	}

}
