package org.greenledger.workloads.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A workload whose rule matches a real CodeCarbon run of November 2023 opens on the
 * twelve months ending with that month, shows the rule in words, and exports the month's
 * figures as the footprint API gives them.
 */
@IntegrationTest
class WorkloadPeriodWithDataTests {

	@LocalServerPort
	int port;

	@Test
	void aWorkloadOpensOnTheMonthsItsRuleMatched() throws IOException {
		HttpTestClient http = new HttpTestClient(this.port);
		MeasuredUploads uploads = new MeasuredUploads(http);
		Path file = Path.of("src/test/resources/fixtures/codecarbon/emissions-gpu-workstation.csv");
		String original = Files.readAllLines(file).get(1).split(",")[2];
		String run = UUID.randomUUID().toString();
		DocumentContext job = uploads.upload("emissions.csv",
				Files.readString(file).replace(original, run).getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		String id = uploads.postJson("/api/v1/workloads", """
				{"name": "trainer-%s", "kind": "MODEL"}""".formatted(run.substring(0, 8))).read("$.id", String.class);
		uploads.postJson("/api/v1/workloads/" + id + "/rules", """
				{"phase": "TRAINING", "source": "MEASURED", "match": {"run": "%s"}}""".formatted(run));
		http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);

		String page = http.get("/workloads/" + id).body();
		assertThat(page).doesNotContain("Nothing attributed")
			.contains("Footprint 2022-12-01 to 2023-11-30")
			.contains("measured series with run = " + run)
			.contains("Years with attributed data:");
		assertThat(page).contains("no data");

		double kg = uploads.getJson("/api/v1/workloads/" + id + "/footprint?from=2023-11-01&to=2023-11-30")
			.read("$.phases[0].co2eLocationKg", Double.class);
		String csv = new String(http.getBytes("/workloads/" + id + "/export?format=csv").body(),
				StandardCharsets.UTF_8);
		List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
		String november = csv.lines().filter(line -> line.startsWith("2023-11,data,")).findFirst().orElseThrow();
		assertThat(Double.parseDouble(november.split(",")[header.indexOf("CO2e location-based (kg)")])).isCloseTo(kg,
				within(1e-12));
		assertThat(csv.lines().filter(line -> line.startsWith("2023-10,no data,"))).hasSize(1);
	}

}
