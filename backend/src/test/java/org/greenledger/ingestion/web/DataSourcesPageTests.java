package org.greenledger.ingestion.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Data sources page over real HTTP: upload with CSRF, follow the job, read its
 * report.
 */
@IntegrationTest
class DataSourcesPageTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	IngestionJobs jobs;

	@Autowired
	JdbcClient jdbc;

	String officerName;

	@Test
	void anOfficerUploadsAFileAndSeesItsJobCompleteWithTheReport() {
		String officer = "officer-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(officer, "officer password 1", Set.of(Role.SUSTAINABILITY_OFFICER));
		HttpTestClient browser = new HttpTestClient(this.port);
		browser.signIn(officer, "officer password 1");
		String token = browser.csrfToken("/data-sources");
		String csv = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,ProviderName\n"
				+ "2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,Tax,1.50,USD,AWS\n"
				+ "bad,2024-03-01T01:00:00Z,Tax,1.50,USD,AWS\n"
				+ "2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,Tax,0.25,USD,AWS\n".repeat(4)
				+ "2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,Tax,0.00,USD," + UUID.randomUUID() + "\n";

		HttpResponse<String> upload = browser.postMultipart("/data-sources", "march.csv",
				csv.getBytes(StandardCharsets.UTF_8), Map.of("_csrf", token));
		assertThat(upload.statusCode()).isEqualTo(302);
		String location = upload.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/data-sources/");
		String path = location.substring(location.indexOf("/data-sources/"));

		String page = waitUntilFinished(browser, path);
		assertThat(page).contains("march.csv", "COMPLETED", "value=\"100\"", "Billed cost reconciliation", "2.50",
				"Validation report", "ChargePeriodStart", "is not a date or timestamp",
				"Rejected rows allowed for billing data: up to 20.00 % of the rows"
						+ " (set by your administrator for this server)");
		assertThat(page).doesNotContain("greenledger.ingestion");
		assertThat(page).doesNotContain("http-equiv=\"refresh\"");
		assertThat(browser.get("/data-sources").body()).contains("march.csv");
	}

	@Test
	void anAuditorSeesTheUploadsButNoUploadControlAndCannotPostOne() {
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(auditor, "auditor password 1", Set.of(Role.AUDITOR));
		HttpTestClient browser = new HttpTestClient(this.port);
		browser.signIn(auditor, "auditor password 1");
		String page = browser.get("/data-sources").body();
		assertThat(page).contains("<h1>Data sources</h1>").doesNotContain("multipart/form-data");
		String token = browser.csrfToken("/data-sources");
		assertThat(
				browser.postMultipart("/data-sources", "x.csv", "a\n".getBytes(), Map.of("_csrf", token)).statusCode())
			.isEqualTo(403);
	}

	@Test
	void aScriptedUploadIsAnsweredWithTheJobWhoseStatusThePageFollows() {
		HttpTestClient browser = officer();
		String token = browser.csrfToken("/data-sources");
		String nonce = UUID.randomUUID().toString();
		HttpResponse<String> upload = browser.postMultipart("/data-sources", "scripted.csv",
				DataSourceFixtures.focus(nonce, 4, 1).getBytes(StandardCharsets.UTF_8), Map.of("_csrf", token),
				"X-Requested-With", "XMLHttpRequest", "Accept", "application/json");
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
		DocumentContext answer = JsonPath.parse(upload.body());
		String id = answer.read("$.job.id", String.class);
		assertThat(answer.read("$.url", String.class)).isEqualTo("/data-sources/" + id);

		DocumentContext status = JsonPath.parse(browser.get("/data-sources/" + id + "/status").body());
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (status.read("$.running", Boolean.class) && Instant.now().isBefore(deadline)) {
			status = JsonPath.parse(browser.get("/data-sources/" + id + "/status").body());
		}
		assertThat(status.read("$.status", String.class)).isEqualTo("COMPLETED");
		assertThat(status.read("$.percent", Integer.class)).isEqualTo(100);
		assertThat(status.read("$.rowsRead", Long.class)).isEqualTo(5);
		assertThat(status.read("$.rowsRejected", Long.class)).isEqualTo(1);

		HttpResponse<String> empty = browser.postMultipart("/data-sources", "", new byte[0],
				Map.of("_csrf", browser.csrfToken("/data-sources")), "X-Requested-With", "XMLHttpRequest");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("Choose a file to upload.");
		assertThat(browser.get("/data-sources/" + UUID.randomUUID() + "/status").statusCode()).isEqualTo(404);
	}

	@Test
	void theHistoryShowsFormatRowsWhoAndWhenInPages() {
		HttpTestClient browser = officer();
		String name = "history-" + UUID.randomUUID().toString().substring(0, 8) + ".csv";
		HttpResponse<String> upload = browser.postMultipart("/data-sources", name,
				DataSourceFixtures.focus(UUID.randomUUID().toString(), 2, 0).getBytes(StandardCharsets.UTF_8),
				Map.of("_csrf", browser.csrfToken("/data-sources")));
		waitUntilFinished(browser, path(upload));
		String page = browser.get("/data-sources").body();
		assertThat(page).contains(name, "<td>FOCUS 1.", "Uploaded by", "When (UTC)", "in all)");
		int total = Integer
			.parseInt(page.replaceAll("(?s).*Uploads, newest first \\(([0-9,]+) in all\\).*", "$1").replace(",", ""));
		if (total > DataSourcesController.PAGE_SIZE) {
			assertThat(page).contains("Older uploads").doesNotContain("Newer uploads");
			assertThat(browser.get("/data-sources?page=2").body()).contains("Newer uploads", "Page 2 of");
		}
		assertThat(browser.get("/data-sources?page=100000").statusCode()).isEqualTo(200);
	}

	@Test
	void rejectedRowsAreDownloadedWithTheirOriginalCellsFromThePortalAndTheApi() {
		HttpTestClient browser = officer();
		String nonce = UUID.randomUUID().toString();
		HttpResponse<String> upload = browser.postMultipart("/data-sources", "with-bad-row.csv",
				DataSourceFixtures.focus(nonce, 4, 1).getBytes(StandardCharsets.UTF_8),
				Map.of("_csrf", browser.csrfToken("/data-sources")));
		String path = path(upload);
		String page = waitUntilFinished(browser, path);
		assertThat(page).contains("COMPLETED", "Download the rejected rows (CSV)", path + "/rejected-rows.csv");

		HttpResponse<String> portal = browser.get(path + "/rejected-rows.csv");
		assertThat(portal.statusCode()).isEqualTo(200);
		assertThat(portal.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(portal.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"with-bad-row.csv-rejected-rows.csv\"");
		List<String> lines = portal.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFFRow,Column,Reason," + DataSourceFixtures.HEADER);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).startsWith("5,ChargePeriodStart,")
			.contains("is not a date or timestamp", ",not-a-date,", ",'-1.50,USD,AWS,Compute,",
					"\"'=HYPERLINK(\"\"https://example.com\"\";\"\"x\"\")\"", ",acct-" + nonce + ",");

		String id = path.substring(path.lastIndexOf('/') + 1);
		HttpResponse<String> api = new HttpTestClient(this.port).get("/api/v1/ingestions/" + id + "/rejected-rows",
				HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD));
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).isEqualTo(portal.body());
		assertThat(new HttpTestClient(this.port)
			.get("/api/v1/ingestions/" + UUID.randomUUID() + "/rejected-rows",
					HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aFailedJobIsRetriedFromItsStoredFileAndTheRetryIsAudited() {
		UUID id = DataSourceFixtures.failedJob(this.jobs, this.jdbc, "failed.csv",
				DataSourceFixtures.focus(UUID.randomUUID().toString(), 3, 0));
		HttpTestClient browser = officer();
		String page = browser.get("/data-sources/" + id).body();
		assertThat(page).contains("FAILED", "the database connection was lost", "Retry the job");

		HttpResponse<String> retry = browser.postForm("/data-sources/" + id + "/retry",
				Map.of("_csrf", browser.csrfToken("/data-sources/" + id)));
		assertThat(retry.statusCode()).isEqualTo(302);
		page = waitUntilFinished(browser, "/data-sources/" + id);
		assertThat(page).contains("COMPLETED").doesNotContain("Retry the job", "the database connection was lost");
		assertThat(this.jdbc
			.sql("select actor || ' ' || (details ->> 'failure') from audit_event"
					+ " where action = 'INGESTION_JOB_RETRIED' and subject = ?")
			.param("ingestion job " + id)
			.query(String.class)
			.single()).startsWith(this.officerName + " Ingestion failed: the database connection was lost");

		// only once: the job is no longer FAILED
		HttpResponse<String> again = browser.postForm("/data-sources/" + id + "/retry",
				Map.of("_csrf", browser.csrfToken("/data-sources/" + id)));
		assertThat(browser.get(again.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", ""))
			.body()).contains("Only a failed job can be retried; this one is COMPLETED.");
	}

	@Test
	void aRejectedFileIsNotRetriedButExplained() {
		HttpTestClient browser = officer();
		HttpResponse<String> upload = browser.postMultipart("/data-sources", "mostly-bad.csv",
				DataSourceFixtures.focus(UUID.randomUUID().toString(), 1, 3).getBytes(StandardCharsets.UTF_8),
				Map.of("_csrf", browser.csrfToken("/data-sources")));
		String path = path(upload);
		String page = waitUntilFinished(browser, path);
		assertThat(page).contains("REJECTED", "A rejected file is not retried", "Download the rejected rows (CSV)")
			.doesNotContain("Retry the job");
		assertThat(browser.get(path + "/rejected-rows.csv").body().lines()).hasSize(4);
		HttpResponse<String> retry = browser.postForm(path + "/retry", Map.of("_csrf", browser.csrfToken(path)));
		assertThat(retry.statusCode()).isEqualTo(302);
		assertThat(browser.get(path).body()).contains("Only a failed job can be retried; this one is REJECTED.",
				"correct it and upload the corrected file");
	}

	@Test
	void anAuditorCannotRetryAFailedJob() {
		UUID id = DataSourceFixtures.failedJob(this.jobs, this.jdbc, "failed-for-auditor.csv",
				DataSourceFixtures.focus(UUID.randomUUID().toString(), 1, 0));
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(auditor, "auditor password 1", Set.of(Role.AUDITOR));
		HttpTestClient browser = new HttpTestClient(this.port);
		browser.signIn(auditor, "auditor password 1");
		String page = browser.get("/data-sources/" + id).body();
		assertThat(page).contains("FAILED", "An officer or an administrator can retry it.")
			.doesNotContain("Retry the job");
		assertThat(browser.postForm("/data-sources/" + id + "/retry", Map.of("_csrf", browser.csrfToken("/account")))
			.statusCode()).isEqualTo(403);
		assertThat(this.jobs.find(id).orElseThrow().status()).isEqualTo("FAILED");
	}

	private HttpTestClient officer() {
		this.officerName = "officer-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(this.officerName, "officer password 1", Set.of(Role.SUSTAINABILITY_OFFICER));
		HttpTestClient browser = new HttpTestClient(this.port);
		browser.signIn(this.officerName, "officer password 1");
		return browser;
	}

	private static String path(HttpResponse<String> upload) {
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
		String location = upload.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/data-sources/");
		return location.substring(location.indexOf("/data-sources/"));
	}

	private static String waitUntilFinished(HttpTestClient browser, String path) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			String page = browser.get(path).body();
			if (!page.contains("http-equiv=\"refresh\"")) {
				return page;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("The job did not finish");
	}

}
