package org.greenledger.ingestion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job's lifecycle across crashes: the state a killed process leaves (a RUNNING job with
 * the counters of its last progress report) is written straight into the database, then
 * the recovery the application runs at start-up is triggered. An interrupted job is
 * resumed with its counters counted again and the interruption recorded; a job
 * interrupted twice, or failing twice the same way, is FAILED for good.
 */
@IntegrationTest
class JobLifecycleTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IngestionJobs jobs;

	@Autowired
	IngestionWorker worker;

	MeasuredUploads api;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	@Test
	void aJobInterruptedByACrashIsResumedWithFreshCountersAndSaysSo() throws IOException {
		LocalDate month = TestMonths.unusedMonth(this.http).atDay(1);
		Instant lastSeen = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
		UUID id = crashed(focus(month, 3), 0, lastSeen);

		this.worker.resumeInterrupted();

		DocumentContext job = this.api.await(id.toString());
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.rowsRead", Long.class)).as("counted again, not the stale 999").isEqualTo(3);
		assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(3);
		assertThat(job.read("$.lifecycle.attempts", Integer.class)).isEqualTo(2);
		assertThat(job.read("$.lifecycle.interruptions", Integer.class)).isEqualTo(1);
		assertThat(Instant.parse(job.read("$.lifecycle.interruptedAt", String.class))).isEqualTo(lastSeen);
		assertThat(Instant.parse(job.read("$.lifecycle.resumedAt", String.class))).isAfter(lastSeen);
		assertThat(job.read("$.lifecycle.retryable", Boolean.class)).isTrue();
		HttpTestClient browser = new HttpTestClient(this.port);
		browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(browser.get("/data-sources/" + id).body()).contains("The job was interrupted",
				"counted again from the start", "data-job-attempts>2<");
	}

	@Test
	void aJobInterruptedTwiceIsFailedForGoodAndNotRetried() throws IOException {
		LocalDate month = TestMonths.unusedMonth(this.http).atDay(1);
		UUID id = crashed(focus(month, 2), 1, Instant.now().minus(1, ChronoUnit.MINUTES));

		this.worker.resumeInterrupted();

		DocumentContext job = this.api.getJson("/api/v1/ingestions/" + id);
		assertThat(job.read("$.status", String.class)).isEqualTo("FAILED");
		assertThat(job.read("$.message", String.class)).isEqualTo(JobStore.INTERRUPTED_TWICE);
		assertThat(job.read("$.lifecycle.interruptions", Integer.class)).isEqualTo(2);
		assertThat(job.read("$.lifecycle.retryable", Boolean.class)).isFalse();
		assertThat(this.jdbc.sql("select count(*) from footprint_rollup_day where job_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		HttpResponse<String> retry = this.http.post("/api/v1/ingestions/" + id + "/retry", "application/json", "",
				MeasuredUploads.admin());
		assertThat(retry.statusCode()).isEqualTo(409);
		assertThat(retry.body()).contains("FAILED for good");
		// a later start leaves it as it is
		this.worker.resumeInterrupted();
		assertThat(this.api.getJson("/api/v1/ingestions/" + id).read("$.status", String.class)).isEqualTo("FAILED");
	}

	@Test
	void aJobFailingTwiceTheSameWayIsFailedForGood() throws IOException {
		// a measured file whose recorded reading options are no longer valid fails on
		// every attempt with the same reason
		String site = "nowhere-" + UUID.randomUUID();
		StoredFiles.Stored stored = store(("meter,site,role,start,end,quantity,unit\nM1," + site
				+ ",IT load,2031-02-01T00:00:00Z," + "2031-02-01T01:00:00Z,5,kWh\n")
			.getBytes(StandardCharsets.UTF_8));
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into ingestion_job (id, status, file_name, sha256, bytes, overlap, created_by, created_at, reading)
					values (?, 'QUEUED', 'meters.csv', ?, ?, 'REPLACE', 'admin', now(), '{"timeZone": "Nowhere/Else"}')""")
			.params(id, stored.sha256(), stored.bytes())
			.update();
		this.worker.process(id);
		DocumentContext first = this.api.getJson("/api/v1/ingestions/" + id);
		assertThat(first.read("$.status", String.class)).isEqualTo("FAILED");
		assertThat(first.read("$.lifecycle.retryable", Boolean.class)).isTrue();

		HttpResponse<String> retry = this.http.post("/api/v1/ingestions/" + id + "/retry", "application/json", "",
				MeasuredUploads.admin());
		assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
		DocumentContext second = this.api.await(id.toString());
		assertThat(second.read("$.status", String.class)).isEqualTo("FAILED");
		assertThat(second.read("$.message", String.class)).startsWith(first.read("$.message", String.class))
			.endsWith(JobStore.FAILED_TWICE);
		assertThat(second.read("$.lifecycle.retryable", Boolean.class)).isFalse();
		assertThat(second.read("$.lifecycle.attempts", Integer.class)).isEqualTo(2);
		HttpResponse<String> again = this.http.post("/api/v1/ingestions/" + id + "/retry", "application/json", "",
				MeasuredUploads.admin());
		assertThat(again.statusCode()).isEqualTo(409);
	}

	/**
	 * A job as a killed process leaves it: RUNNING, with the counters of its last
	 * progress report.
	 */
	private UUID crashed(byte[] content, int interruptions, Instant lastSeen) throws IOException {
		StoredFiles.Stored stored = store(content);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into ingestion_job (id, status, file_name, sha256, bytes, overlap, created_by, created_at,
				                           started_at, heartbeat_at, attempts, interruptions, progress, rows_read,
				                           rows_accepted)
				values (?, 'RUNNING', 'crashed.csv', ?, ?, 'REPLACE', 'admin', ?, ?, ?, 1, ?, 0.5, 999, 999)""")
			.params(id, stored.sha256(), stored.bytes(), Timestamp.from(lastSeen.minusSeconds(60)),
					Timestamp.from(lastSeen.minusSeconds(30)), Timestamp.from(lastSeen), interruptions)
			.update();
		return id;
	}

	private StoredFiles.Stored store(byte[] content) throws IOException {
		return this.jobs.store(new ByteArrayInputStream(content), "test");
	}

	private static byte[] focus(LocalDate month, int rows) {
		StringBuilder csv = new StringBuilder("ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,"
				+ "BillingCurrency,ProviderName,ServiceCategory,ServiceName,RegionId,ConsumedQuantity,ConsumedUnit,"
				+ "SkuPriceDetails\n");
		String nonce = UUID.randomUUID().toString();
		for (int i = 1; i <= rows; i++) {
			csv.append(month.withDayOfMonth(i))
				.append("T00:00:00Z,")
				.append(month.withDayOfMonth(i))
				.append("T01:00:00Z,Usage,0.192,USD,AWS,Compute,EC2-")
				.append(nonce)
				.append(",us-east-1,1,Hours,\"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}\"\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
