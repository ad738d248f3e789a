package org.greenledger.procurement;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
 * Evaluations in the background: 202, each candidate scored told as it is, the stored
 * evaluation under the run's id equal to what the status names; invalid input refused at
 * once with suggestions.
 */
@IntegrationTest
class EvaluationRunTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads api;

	@org.springframework.beans.factory.annotation.Autowired
	org.greenledger.tasks.LongTasks tasks;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	@Test
	void aRunScoresEachCandidateThenStoresTheEvaluationUnderItsId() throws Exception {
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		String nordic = supplier("Run nordic " + nonce);
		String coal = supplier("Run coal " + nonce);
		HttpResponse<String> started = this.http.post("/api/v1/procurement/evaluations/runs", "application/json", """
				{"name": "run %s", "workload": {"from": "2026-01-01", "to": "2026-01-31", "vcpuHours": 1000,
				 "acceleratorHours": [{"model": "H100-SXM", "hours": 500}]},
				 "candidates": [{"supplierId": "%s", "provider": "aws", "region": "eu-north-1"},
				                {"supplierId": "%s", "gridZone": "PL"}]}""".formatted(nonce, nordic, coal),
				MeasuredUploads.admin());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String id = JsonPath.read(started.body(), "$.id");
		assertThat(started.headers().firstValue("Location").orElseThrow())
			.endsWith("/api/v1/procurement/evaluations/runs/" + id);

		DocumentContext status = poll(id);
		assertThat(status.read("$.state", String.class)).as(status.jsonString()).isEqualTo("COMPLETED");
		assertThat(status.read("$.result", String.class)).isEqualTo(id);
		List<String> steps = status.read("$.steps");
		assertThat(steps).containsSubsequence("Starting", Evaluations.CHECKING, Evaluations.SCORING,
				Evaluations.STORING);
		DocumentContext evaluation = this.api.getJson("/api/v1/procurement/evaluations/" + id);
		assertThat(evaluation.read("$.name", String.class)).isEqualTo("run " + nonce);
		assertThat(evaluation.read("$.ranking", List.class)).hasSize(2);
		assertThat(evaluation.read("$.ranking[0]", String.class)).isEqualTo("Run nordic " + nonce + ", aws eu-north-1");

		HttpResponse<String> typo = this.http.post("/api/v1/procurement/evaluations/runs", "application/json",
				"""
						{"workload": {"from": "2026-01-01", "to": "2026-01-31", "acceleratorHours": [{"model": "H100", "hours": 5}]},
						 "candidates": [{"supplierId": "%s", "provider": "aws", "region": "eu-north-1"}]}"""
					.formatted(nordic),
				MeasuredUploads.admin());
		assertThat(typo.statusCode()).isEqualTo(422);
		assertThat(typo.body()).contains("H100-SXM");
	}

	@Test
	void theEvaluationsPageFollowsARunningRun() throws Exception {
		java.util.concurrent.CountDownLatch proceed = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
		UUID id = UUID.randomUUID();
		this.tasks.start(id, EvaluationRuns.KIND, "the evaluation", "admin", null, progress -> {
			progress.report(Evaluations.SCORING, "candidate 3 of 8", 0.37);
			reported.countDown();
			try {
				proceed.await(30, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return id.toString();
		});
		try {
			assertThat(reported.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
			String page = this.http.get("/evaluations/" + id).body();
			assertThat(page).contains("Evaluating the candidates")
				.contains("<progress id=\"taskProgress\" max=\"100\" value=\"37\">37 %</progress>")
				.contains("37 % · Scoring the candidates: candidate 3 of 8")
				.contains("data-follow-progress=\"/evaluations/" + id + "/progress\"");
			DocumentContext json = JsonPath.parse(this.http.get("/evaluations/" + id + "/progress").body());
			assertThat(json.read("$.detail", String.class)).isEqualTo("candidate 3 of 8");
		}
		finally {
			proceed.countDown();
		}
	}

	private String supplier(String name) {
		return this.api.postJson("/api/v1/procurement/suppliers", """
				{"name": "%s", "type": "CLOUD_PROVIDER"}""".formatted(name)).read("$.id", String.class);
	}

	private DocumentContext poll(String id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			DocumentContext status = JsonPath
				.parse(this.http.get("/api/v1/procurement/evaluations/runs/" + id, MeasuredUploads.admin()).body());
			if (!status.read("$.running", Boolean.class)) {
				return status;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The evaluation run " + id + " did not end in 30 s");
	}

}
