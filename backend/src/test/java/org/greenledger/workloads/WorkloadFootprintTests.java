package org.greenledger.workloads;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * AI workloads end to end: CodeCarbon and nvidia-smi uploads become measured lines that
 * rules attribute to phases; the footprint and SCI follow, and the pages show them.
 */
@IntegrationTest
class WorkloadFootprintTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient http;

	MeasuredUploads uploads;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.uploads = new MeasuredUploads(this.http);
	}

	@Test
	void theRealCodeCarbonFileKeepsItsEnergyExactlyAndItsOwnEmissionsBesideTheRecalculation() throws Exception {
		Path file = Path.of("src/test/resources/fixtures/codecarbon/emissions-gpu-workstation.csv");
		List<String> lines = Files.readAllLines(file);
		List<String> header = List.of(lines.get(0).split(","));
		String[] row = lines.get(1).split(",");
		double energy = Double.parseDouble(row[header.indexOf("energy_consumed")]);
		double emissions = Double.parseDouble(row[header.indexOf("emissions")]);
		// unique content for this run of the suite (the database outlives it): a new run
		// id
		String content = Files.readString(file).replace(row[header.indexOf("run_id")], UUID.randomUUID().toString());

		DocumentContext job = this.uploads.upload("emissions.csv", content.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.format", String.class)).isEqualTo("CodeCarbon emissions.csv");
		assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(1);
		assertThat(job.read("$.measured.energyKwh", Double.class)).isEqualTo(energy);
		assertThat(job.read("$.measured.codecarbonReportedCo2eKg", Double.class)).isEqualTo(emissions);
		// GreenLedger's own figure: France's grid from the factor library, no PUE (a
		// workstation)
		double recalculated = job.read("$.measured.greenledgerCo2eLocationKgOfRuns", Double.class);
		assertThat(recalculated).isPositive();
		Map<String, Object> line = this.jdbc.sql("""
				select amount, cpu_kwh, gpu_kwh, ram_kwh, reported_co2e_kg, facility_kwh, intensity_basis
				from measured_line where job_id = ?::uuid""").param(job.read("$.id", String.class)).query().singleRow();
		assertThat(((Number) line.get("amount")).doubleValue()).isEqualTo(energy);
		assertThat(((Number) line.get("cpu_kwh")).doubleValue() + ((Number) line.get("gpu_kwh")).doubleValue()
				+ ((Number) line.get("ram_kwh")).doubleValue())
			.isCloseTo(energy, within(energy * 0.001));
		assertThat(((Number) line.get("reported_co2e_kg")).doubleValue()).isEqualTo(emissions);
		assertThat(((Number) line.get("facility_kwh")).doubleValue()).isEqualTo(energy);
		assertThat(line.get("intensity_basis")).isEqualTo("YEARLY");

		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String page = this.http.get("/data-sources/" + job.read("$.id", String.class)).body();
		assertThat(page).contains("CO2e reported by CodeCarbon (kg)",
				"CO2e of the runs recalculated by GreenLedger, location-based (kg)", "Energy read (kWh)");
	}

	@Test
	void gpuTelemetryAttributedToAnInferencePhaseGivesEnergyEmbodiedAndAnSciScore() {
		String site = "G" + UUID.randomUUID().toString().substring(0, 8);
		this.uploads.postJson("/api/v1/sites", """
				{"code": "%s", "name": "GPU hall", "kind": "COLOCATED", "gridZone": "SE"}""".formatted(site));
		// two GPUs at a constant 300 W, sampled every second for ten minutes: 0.05 kWh
		// each
		StringBuilder csv = new StringBuilder("timestamp, name, index, uuid, power.draw [W]\n");
		String[] uuids = { "GPU-" + UUID.randomUUID(), "GPU-" + UUID.randomUUID() };
		for (int second = 0; second <= 600; second++) {
			for (int gpu = 0; gpu < 2; gpu++) {
				csv.append(String.format("2031/03/05 10:%02d:%02d.000, NVIDIA H100 80GB HBM3, %d, %s, 300.00 W%n",
						second / 60, second % 60, gpu, uuids[gpu]));
			}
		}
		DocumentContext job = this.uploads.upload("smi.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
				Map.of("site", site, "host", "node-7"));
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.rowsRead", Long.class)).isEqualTo(1202);
		assertThat(job.read("$.measured.energyKwh", Double.class)).isCloseTo(0.1, within(1e-9));

		DocumentContext workload = this.uploads.postJson("/api/v1/workloads", """
				{"name": "chat-%s", "kind": "SERVICE", "model": "llama-3-70b"}""".formatted(site));
		String id = workload.read("$.id", String.class);
		this.uploads.postJson("/api/v1/workloads/" + id + "/rules", """
				{"phase": "INFERENCE", "source": "MEASURED", "match": {"site": "%s", "host": "node-7"}}"""
			.formatted(site));
		this.uploads.postJson("/api/v1/workloads/" + id + "/outputs", """
				{"periodStart": "2031-03-05", "periodEnd": "2031-03-05", "unit": "INFERENCES", "quantity": 40000}""");

		DocumentContext footprint = this.uploads
			.getJson("/api/v1/workloads/" + id + "/footprint?from=2031-03-01&to=2031-03-31");
		assertThat(footprint.read("$.phases[0].phase", String.class)).isEqualTo("INFERENCE");
		assertThat(footprint.read("$.phases[0].itKwh", Double.class)).isCloseTo(0.1, within(1e-9));
		assertThat(footprint.read("$.phases[0].acceleratorHours", Double.class)).isCloseTo(2 * 600 / 3600.0,
				within(1e-9));
		assertThat(footprint.read("$.phases[0].co2eEmbodiedKg", Double.class)).isPositive();
		double facility = footprint.read("$.phases[0].facilityKwh", Double.class);
		assertThat(facility).isGreaterThan(0.1);
		double carbon = footprint.read("$.phases[0].co2eLocationKg", Double.class)
				+ footprint.read("$.phases[0].co2eEmbodiedKg", Double.class);
		assertThat(footprint.read("$.sci[0].gramsPerThousand", Double.class)).isCloseTo(carbon * 1000 / 40000 * 1000,
				within(1e-9));

		DocumentContext perGpu = this.uploads
			.getJson("/api/v1/measured-energy?from=2031-03-05&to=2031-03-05&groupBy=gpu_uuid&source=NVIDIA_SMI");
		for (String uuid : uuids) {
			assertThat(perGpu.read("$[?(@.value == '" + uuid + "')].energyKwh", List.class)).singleElement()
				.satisfies(value -> assertThat(((Number) value).doubleValue()).isCloseTo(0.05, within(1e-9)));
		}

		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(this.http.get("/workloads").body()).contains("chat-" + site);
		String page = this.http.get("/workloads/" + id + "?to=2031-03-31").body();
		assertThat(page).contains("INFERENCE", "phaseChart", "g CO2e per 1,000 units");
		assertThat(this.http.get("/sites").body()).contains(site);
		assertThat(this.http.get("/sites/" + site).body()).contains("GPU hall");
	}

	@Test
	void telemetryWithoutASiteIsRefusedWithAClearMessage() {
		String csv = "timestamp, name, index, uuid, power.draw [W]\n"
				+ "2031/03/05 10:00:00.000, NVIDIA H100 80GB HBM3, 0, GPU-" + UUID.randomUUID() + ", 300.00 W\n";
		DocumentContext job = this.uploads.upload("smi.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(job.read("$.message", String.class)).contains("site=<code>");
	}

}
