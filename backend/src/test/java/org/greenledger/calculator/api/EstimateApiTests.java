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
import static org.assertj.core.api.Assertions.within;
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
	@DisplayName("Instance-hours: aws m5.xlarge 1 h become the vCPU and memory lines a bill's row becomes")
	void instanceHoursBecomeTheLinesOfABill() {
		DocumentContext result = ok("""
				{"usage": [{"type": "INSTANCE_HOURS", "quantity": 1, "instanceType": "m5.xlarge"}],
				 "location": {"provider": "aws", "region": "us-east-1"}, "year": 2024}""");
		assertThat(result.read("$.lines[*].unit", java.util.List.class)).containsExactly("vCPU-hours", "GB-hours");
		assertThat(result.read("$.lines[*].instanceType", java.util.List.class)).containsOnly("m5.xlarge");
		assertThat(number(result, "$.lines[0].quantity")).isCloseTo(4, within(1e-9));
		assertThat(number(result, "$.lines[1].quantity")).isCloseTo(16, within(1e-9));
		// Skylake (catalog) 0.65 + 0.5 x (4.26 - 0.65) W per vCPU x 4 vCPU-h = 9.82 Wh;
		// 16 GB-h x 0.000392 kWh = 6.272 Wh (CCF coefficients, default utilization 0.5)
		assertThat(number(result, "$.lines[0].itEnergyKwh")).isCloseTo(0.00982, within(1e-9));
		assertThat(number(result, "$.lines[1].itEnergyKwh")).isCloseTo(0.006272, within(1e-9));
		assertThat(number(result, "$.itEnergyKwh")).isCloseTo(0.016092, within(1e-9));
		assertThat(result.read("$.factors[*].key", java.util.List.class)).contains("Skylake", "DRAM");
	}

	@Test
	void aGpuInstanceAddsItsAcceleratorLineAndTheProviderMayComeWithTheLine() {
		DocumentContext result = ok(
				"""
						{"usage": [{"type": "INSTANCE_HOURS", "quantity": 2, "provider": "AWS", "instanceType": "p4d.24xlarge"}],
						 "location": {"provider": "aws", "region": "us-east-1"}, "year": 2024}""");
		assertThat(result.read("$.lines[*].unit", java.util.List.class)).containsExactly("vCPU-hours", "GB-hours",
				"accelerator-hours");
		assertThat(number(result, "$.lines[0].quantity")).isCloseTo(192, within(1e-9));
		assertThat(number(result, "$.lines[1].quantity")).isCloseTo(2304, within(1e-9));
		assertThat(number(result, "$.lines[2].quantity")).isCloseTo(16, within(1e-9));
		assertThat(result.read("$.factors[*].key", java.util.List.class)).contains("A100-40GB", "Cascade Lake");
		// 2 h x ((4676.79 - 1200) kg host + 8 x 127.6 kg A100-40GB) / 35,040 h; high with
		// 8 x 150 kg
		assertThat(number(result, "$.co2eKg.embodied")).isCloseTo(2 * (3476.79 + 1020.8) / 35_040, within(1e-9));
		assertThat(number(result, "$.co2eKg.embodiedRange.low")).isCloseTo(2 * (3476.79 + 1020.8) / 35_040,
				within(1e-9));
		assertThat(number(result, "$.co2eKg.embodiedRange.high")).isCloseTo(2 * (3476.79 + 1200) / 35_040,
				within(1e-9));
		assertThat(number(result, "$.lines[2].co2eEmbodiedRangeKg.high")).isCloseTo(2 * 1200.0 / 35_040, within(1e-9));
	}

	@Test
	@DisplayName("Instance-hours: embodied of an m5.xlarge hour is its vCPU share of the CCF host, no range")
	void anInstanceHourHasItsShareOfTheHostsEmbodiedEmissions() {
		DocumentContext result = ok("""
				{"usage": [{"type": "INSTANCE_HOURS", "quantity": 1, "instanceType": "m5.xlarge"}],
				 "location": {"provider": "aws", "region": "us-east-1"}, "year": 2024}""");
		// 1610.79 kg x 4 / 96 vCPUs x 1 h / (4 x 8760 h)
		double expected = 1610.79 * 4 / 96 / 35_040;
		assertThat(number(result, "$.co2eKg.embodied")).isCloseTo(expected, within(1e-12));
		assertThat(number(result, "$.co2eKg.embodiedRange.low")).isCloseTo(expected, within(1e-12));
		assertThat(number(result, "$.co2eKg.embodiedRange.high")).isCloseTo(expected, within(1e-12));
		assertThat(number(result, "$.lines[1].co2eEmbodiedKg")).isZero();
		assertThat(result.read("$.factors[*].key", java.util.List.class)).contains("HOST:aws:m5.xlarge",
				"CLOUD_SERVER");
	}

	@Test
	void acceleratorHoursOfAnH100CarryTheRangeOfItsFigure() {
		DocumentContext result = ok("""
				{"usage": [{"type": "ACCELERATOR_HOURS", "quantity": 1000, "model": "H100-SXM"}],
				 "location": {"provider": "aws", "region": "us-east-1"}, "year": 2024}""");
		// GPU 164 kg (low 164, high 273) / (6 y x 8760 h x 0.85) per hour, plus the
		// server share 1000 kg / 8 / (4 y x 8760 h x 0.85)
		double server = 1000.0 / 8 / (4 * 8760 * 0.85);
		assertThat(number(result, "$.co2eKg.embodiedRange.low")).isCloseTo(1000 * (164 / (6 * 8760 * 0.85) + server),
				within(1e-9));
		assertThat(number(result, "$.co2eKg.embodiedRange.high")).isCloseTo(1000 * (273 / (6 * 8760 * 0.85) + server),
				within(1e-9));
	}

	@Test
	void anUnknownInstanceTypeIs422WithTheClosestNames() {
		HttpResponse<String> response = post("""
				{"usage": [{"type": "INSTANCE_HOURS", "quantity": 1, "instanceType": "m5.xlarg"}],
				 "location": {"provider": "aws", "region": "us-east-1"}}""");
		assertThat(response.statusCode()).isEqualTo(422);
		DocumentContext body = JsonPath.parse(response.body());
		assertThat(body.read("$.errors[0].field", String.class)).isEqualTo("usage[0].instanceType");
		assertThat(body.read("$.errors[0].message", String.class))
			.startsWith("unknown aws instance type 'm5.xlarg'; did you mean m5.xlarge");
	}

	@Test
	void instanceHoursNeedAKnownProviderTypeAndRegion() {
		HttpResponse<String> response = post(
				"""
						{"usage": [{"type": "INSTANCE_HOURS", "quantity": 1, "provider": "oracle", "instanceType": "VM.Standard"},
						           {"type": "INSTANCE_HOURS", "quantity": 1, "provider": "gcp", "instanceType": "n2-standard-4"},
						           {"type": "INSTANCE_HOURS", "quantity": 1}],
						 "location": {"provider": "aws", "region": "us-moon-1"}}""");
		assertThat(response.statusCode()).isEqualTo(422);
		DocumentContext body = JsonPath.parse(response.body());
		assertThat(body.read("$.errors[*].field", java.util.List.class)).containsExactlyInAnyOrder("usage[0].provider",
				"usage[1].provider", "usage[2].instanceType", "location.region");
		assertThat(response.body()).contains("unknown provider 'oracle'", "differs from location.provider",
				"unknown aws region 'us-moon-1'");
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
