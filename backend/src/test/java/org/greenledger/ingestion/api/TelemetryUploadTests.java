package org.greenledger.ingestion.api;

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
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DCGM exporter and Kepler dumps through the upload API: counters differenced with resets
 * noted, energy per pod and namespace, and a dump without energy metrics refused.
 */
@IntegrationTest
class TelemetryUploadTests {

	@LocalServerPort
	int port;

	MeasuredUploads uploads;

	@BeforeEach
	void setUp() {
		this.uploads = new MeasuredUploads(new HttpTestClient(this.port));
	}

	private String site() {
		String code = "K" + UUID.randomUUID().toString().substring(0, 8);
		this.uploads.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Cluster", "kind": "OWN", "gridZone": "NL"}""".formatted(code));
		return code;
	}

	/**
	 * The fixture with a unique comment, so that this run's upload is not a duplicate.
	 */
	private static byte[] fixture(String path) throws Exception {
		return ("# upload " + UUID.randomUUID() + "\n"
				+ Files.readString(Path.of("src/test/resources/fixtures/" + path)))
			.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void keplerCountersBecomeEnergyPerPodWithTheResetNoted() throws Exception {
		String site = site();
		DocumentContext job = this.uploads.upload("kepler.prom", fixture("prometheus/kepler-0.7.prom"),
				Map.of("site", site));
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.format", String.class)).contains("DCGM/Kepler");
		assertThat(job.read("$.notes[*].message", List.class).toString()).contains("reset");
		assertThat(job.read("$.measured.energyKwh", Double.class)).isPositive();
		DocumentContext pods = this.uploads
			.getJson("/api/v1/measured-energy?from=2024-01-01&to=2024-12-31&groupBy=pod&source=KEPLER");
		assertThat(pods.read("$[*].value", List.class)).as(pods.jsonString()).isNotEmpty();
	}

	@Test
	void dcgmPowerAndEnergyCountersAreRead() throws Exception {
		DocumentContext job = this.uploads.upload("dcgm.prom", fixture("prometheus/dcgm-h100.prom"),
				Map.of("site", site()));
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.rowsAccepted", Long.class)).isPositive();
		assertThat(job.read("$.measured.co2eLocationKg", Double.class)).isPositive();
	}

	@Test
	void aDumpWithoutEnergyMetricsIsRefused() {
		String dump = "# TYPE node_load1 gauge\nnode_load1{instance=\"a\"} 0.5 1714564800000\n# " + UUID.randomUUID()
				+ "\n";
		DocumentContext job = this.uploads.upload("other.prom", dump.getBytes(StandardCharsets.UTF_8),
				Map.of("site", site()));
		assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(job.read("$.message", String.class)).contains("DCGM_FI_DEV_POWER_USAGE");
	}

	@Test
	void anNvidiaSmiFileWithOneSamplePerGpuCompletesAndSaysWhyItHasNoEnergy() {
		String csv = "timestamp, name, index, uuid, power.draw [W]\n"
				+ "2024/05/01 12:00:00.104, NVIDIA H100 80GB HBM3, 0, GPU-" + UUID.randomUUID() + ", 300.00 W\n"
				+ "2024/05/01 12:00:00.104, NVIDIA H100 80GB HBM3, 1, GPU-" + UUID.randomUUID() + ", 120.50 W\n";
		DocumentContext job = this.uploads.upload("once.csv", csv.getBytes(StandardCharsets.UTF_8),
				Map.of("site", site()));

		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(2);
		assertThat(job.read("$.measured.energyKwh", Double.class)).isZero();
		List<String> notes = job.read("$.notes[*].message");
		assertThat(notes).hasSize(3);
		assertThat(notes.get(0)).startsWith("every series of the file has a single sample");
		assertThat(notes.subList(1, 3)).allSatisfy(note -> assertThat(note).startsWith("only one sample in the file"));
	}

}
