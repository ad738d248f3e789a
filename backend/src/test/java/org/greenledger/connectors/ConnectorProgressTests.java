package org.greenledger.connectors;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.greenledger.FocusFiles;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connector run tells where it stands while it runs, in {@code GET
 * /api/v1/connectors/{id}/runs/{run}} and on the portal: its step, the objects listed,
 * the files chosen and fetched with their bytes, the jobs submitted.
 */
@IntegrationTest
class ConnectorProgressTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	ConnectorClient connectors;

	S3ProxyServer server;

	S3Client s3;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	String bucket;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.connectors = new ConnectorClient(this.http);
		this.server = S3ProxyServer.get();
		this.s3 = this.server.client();
		this.bucket = "gl-" + UUID.randomUUID().toString().substring(0, 13);
		this.s3.createBucket(request -> request.bucket(this.bucket));
	}

	@Test
	void aRunShowsItsStepsFilesBytesAndJobsAsItGoes() throws Exception {
		YearMonth month = TestMonths.unusedMonth(this.http);
		byte[] first = new FocusFiles().ec2(month, 3, "0.576").bytes();
		byte[] second = new FocusFiles().gcpStorage(month, "2.30").gcpStorage(month, "1.10").bytes();
		S3ProxyServer.put(this.s3, this.bucket, "bills/2026/first.csv", first);
		S3ProxyServer.put(this.s3, this.bucket, "bills/2026/second.csv", second);
		String id = this.connectors.create(ConnectorClient.s3(this.server, this.bucket, "bills/"));

		String run = JsonPath
			.read(this.http.post("/api/v1/connectors/" + id + "/sync", "application/json", "", MeasuredUploads.admin())
				.body(), "$.id");
		List<String> steps = new ArrayList<>();
		List<Integer> fetched = new ArrayList<>();
		DocumentContext status = follow(id, run, steps, fetched);

		assertThat(status.read("$.status", String.class)).as(status.jsonString()).isEqualTo("COMPLETED");
		assertThat(status.read("$.step", String.class)).isEqualTo("Finished");
		assertThat(status.read("$.objectsSeen", Integer.class)).isEqualTo(2);
		assertThat(status.read("$.filesPlanned", Integer.class)).isEqualTo(2);
		assertThat(status.read("$.filesFetched", Integer.class)).isEqualTo(2);
		assertThat(status.read("$.bytesFetched", Long.class)).isEqualTo((long) first.length + second.length);
		assertThat(status.read("$.progress", Double.class)).isEqualTo(1.0);
		assertThat(status.read("$.detail", String.class)).isEqualTo("2 objects listed, 2 of 2 files fetched, "
				+ String.format(java.util.Locale.ENGLISH, "%.1f kB", (first.length + second.length) / 1e3)
				+ ", 2 jobs submitted");
		assertThat(fetched).isSorted();
		assertThat(steps).allMatch(step -> step.startsWith("Listing") || step.startsWith("Choosing")
				|| step.startsWith("Fetching bills/2026/") || step.startsWith("Waiting for the ingestion job of")
				|| step.startsWith("Finished") || step.isEmpty());

		// a second run finds both unchanged
		String again = JsonPath
			.read(this.http.post("/api/v1/connectors/" + id + "/sync", "application/json", "", MeasuredUploads.admin())
				.body(), "$.id");
		DocumentContext second2 = follow(id, again, new ArrayList<>(), new ArrayList<>());
		assertThat(second2.read("$.detail", String.class))
			.isEqualTo("2 objects listed, 0 of 2 files fetched (2 unchanged), 0.0 kB, 0 jobs submitted");
		assertThat(this.http.get("/api/v1/connectors/" + id + "/runs/" + UUID.randomUUID(), MeasuredUploads.admin())
			.statusCode()).isEqualTo(404);

		this.http.signIn("admin", org.greenledger.IntegrationTest.ADMIN_PASSWORD);
		DocumentContext portal = JsonPath
			.parse(this.http.get("/connectors/" + id + "/runs/" + run + "/progress").body());
		assertThat(portal.read("$.running", Boolean.class)).isFalse();
		assertThat(portal.read("$.filesFetched", Integer.class)).isEqualTo(2);
	}

	@Test
	void theConnectorsPageShowsARunningRunsProgressBarAndFollowsIt() {
		String id = this.connectors.create(ConnectorClient.s3(this.server, this.bucket, "bills/"));
		UUID run = UUID.randomUUID();
		// a run as a node reports it half-way: 1 of 2 files fetched, its job submitted
		this.jdbc.sql("""
				insert into connector_run (id, connector_id, status, trigger, requested_by, queued_at, started_at,
				                           heartbeat_at, objects_seen, objects_new, step, files_planned, files_fetched,
				                           bytes_fetched, job_ids)
				values (?, ?, 'RUNNING', 'MANUAL', 'admin', now(), now(), now(), 3, 1,
				        'Waiting for the ingestion job of bills/a.csv', 2, 1, 1250000, array[?]::uuid[])""")
			.params(run, UUID.fromString(id), UUID.randomUUID())
			.update();
		try {
			this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
			String page = this.http.get("/connectors/" + id).body();
			assertThat(page).contains("<progress id=\"runProgress\" max=\"100\" value=\"50\">50 %</progress>")
				.contains("50 % · Waiting for the ingestion job of bills/a.csv: 3 objects listed, 1 of 2 files"
						+ " fetched, 1.3 MB, 1 job submitted")
				.contains("data-follow-progress=\"/connectors/" + id + "/runs/" + run + "/progress\"")
				.contains("<meta http-equiv=\"refresh\" content=\"2\">");
			DocumentContext api = JsonPath
				.parse(this.http.get("/api/v1/connectors/" + id + "/runs/" + run, MeasuredUploads.admin()).body());
			assertThat(api.read("$.progress", Double.class)).isEqualTo(0.5);
			assertThat(api.read("$.running", Boolean.class)).isTrue();
		}
		finally {
			this.jdbc.sql("update connector_run set status = 'FAILED', finished_at = now() where id = ?")
				.param(run)
				.update();
		}
	}

	private DocumentContext follow(String id, String run, List<String> steps, List<Integer> fetched)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			DocumentContext status = JsonPath
				.parse(this.http.get("/api/v1/connectors/" + id + "/runs/" + run, MeasuredUploads.admin()).body());
			steps.add(status.read("$.step", String.class));
			fetched.add(status.read("$.filesFetched", Integer.class));
			if (!status.read("$.running", Boolean.class)) {
				return status;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("Run " + run + " did not end in 120 s");
	}

}
