package org.greenledger.disclosure;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.FocusFiles;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.greenledger.system.ApiProblemException;
import org.greenledger.tasks.LongTasks;
import org.greenledger.tasks.TaskProgress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports generated in the background: started with 202 and followed through the steps
 * the work itself reports (figures, each PDF page, each activity line of the workbook,
 * HTML, storing), the file served equal to the stored report's bytes, and the same bytes
 * whether or not anybody follows the progress; the portal's page of a running and of a
 * failed generation; auditors read a generation but start none.
 */
@IntegrationTest
class ReportGenerationTests {

	private static final int LINES = 1_200;

	@LocalServerPort
	int port;

	@Autowired
	Disclosures disclosures;

	@Autowired
	LongTasks tasks;

	@Autowired
	UserAccounts accounts;

	@Autowired
	PlatformTransactionManager transactions;

	HttpTestClient http;

	MeasuredUploads api;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	@Test
	void aGenerationRunsThroughTheWorksOwnStepsAndItsFileIsTheStoredReport() throws Exception {
		YearMonth month = upload();
		HttpResponse<String> started = this.http.post("/api/v1/reports/GHG_INVENTORY/generations", "application/json",
				"""
						{"from": "%s", "to": "%s"}""".formatted(month.atDay(1), month.atEndOfMonth()),
				MeasuredUploads.admin());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String id = JsonPath.read(started.body(), "$.id");
		assertThat(started.headers().firstValue("Location").orElseThrow())
			.endsWith("/api/v1/reports/generations/" + id);
		assertThat(JsonPath.<String>read(started.body(), "$.state")).isEqualTo("RUNNING");

		List<Integer> percents = new ArrayList<>();
		DocumentContext status = poll(id, percents);
		assertThat(status.read("$.state", String.class)).as(status.jsonString()).isEqualTo("COMPLETED");
		assertThat(status.read("$.percent", Integer.class)).isEqualTo(100);
		assertThat(status.read("$.result", String.class)).isEqualTo(id);
		assertThat(percents).isSorted();
		List<String> steps = status.read("$.steps");
		assertThat(steps).containsSubsequence("Starting", ReportProgress.FIGURES, ReportProgress.PDF,
				ReportProgress.WORKBOOK, ReportProgress.HTML, ReportProgress.STORING);

		for (String format : List.of("pdf", "xlsx", "html")) {
			byte[] file = this.http
				.getBytes("/api/v1/reports/generations/" + id + "/file?format=" + format, MeasuredUploads.admin())
				.body();
			byte[] stored = this.http
				.getBytes("/api/v1/reports/" + id + "/content?format=" + format, MeasuredUploads.admin())
				.body();
			assertThat(file).as(format).hasSizeGreaterThan(100).isEqualTo(stored);
		}
		HttpResponse<String> refused = this.http.post("/api/v1/reports/NO_SUCH_REPORT/generations", "application/json",
				"""
						{"from": "%s", "to": "%s"}""".formatted(month.atDay(1), month.atEndOfMonth()),
				MeasuredUploads.admin());
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("one of GHG_INVENTORY, ESRS, EED_DATACENTRE, AI_MODEL_CARD");
		assertThat(
				this.http.get("/api/v1/reports/generations/" + UUID.randomUUID(), MeasuredUploads.admin()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void followingTheProgressChangesNoByteOfTheReportAndTheProgressComesFromPagesAndLines() throws Exception {
		YearMonth month = upload();
		ReportRequest request = new ReportRequest("GHG_INVENTORY", null, month.atDay(1), month.atEndOfMonth(), null,
				null);
		UUID id = UUID.randomUUID();
		Instant now = Instant.parse("2026-12-06T04:00:00.123Z");
		Map<String, byte[]> unfollowed = renderings(request, id, now, TaskProgress.NONE);
		List<String> reported = Collections.synchronizedList(new ArrayList<>());
		Map<String, byte[]> followed = renderings(request, id, now,
				(step, detail, share) -> reported.add(step + ": " + detail));
		assertThat(followed.keySet()).containsExactly("pdf", "xlsx", "html");
		for (String format : followed.keySet()) {
			assertThat(followed.get(format)).as(format).isEqualTo(unfollowed.get(format));
		}
		assertThat(reported).contains(ReportProgress.PDF + ": laying out page 1",
				ReportProgress.WORKBOOK + ": activity line 1 of 1,200",
				ReportProgress.WORKBOOK + ": activity line 1,001 of 1,200",
				ReportProgress.STORING + ": PDF, XLSX and HTML with their SHA-256");
		assertThat(reported).anyMatch(each -> each.matches(ReportProgress.PDF + ": page \\d+ of \\d+"));
	}

	@Test
	void thePortalFollowsARunningGenerationAndStatesWhyOneFailedAuditorsReadButStartNone() throws Exception {
		CountDownLatch proceed = new CountDownLatch(1);
		CountDownLatch reported = new CountDownLatch(1);
		UUID running = UUID.randomUUID();
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(auditor, "auditor password 1", Set.of(Role.AUDITOR));
		try {
			this.tasks.start(running, ReportGenerations.KIND, "generating the report", "admin", null, progress -> {
				progress.report(ReportProgress.WORKBOOK, "activity line 40,001 of 160,000", 0.52);
				reported.countDown();
				await(proceed);
				throw ApiProblemException.conflict("Reporting period 'FY' version 1 is approved and locked.");
			});
			assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
			this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
			String page = this.http.get("/reports/" + running).body();
			assertThat(page).contains("<progress id=\"taskProgress\" max=\"100\" value=\"52\">52 %</progress>")
				.contains("data-follow-progress=\"/reports/" + running + "/progress\"")
				.contains("52 % · Writing the workbook: activity line 40,001 of 160,000")
				.contains("<meta http-equiv=\"refresh\" content=\"2\">");
			DocumentContext json = JsonPath.parse(this.http.get("/reports/" + running + "/progress").body());
			assertThat(json.read("$.running", Boolean.class)).isTrue();
			assertThat(json.read("$.progress", Double.class)).isEqualTo(0.52);
			assertThat(json.read("$.detail", String.class)).isEqualTo("activity line 40,001 of 160,000");

			String[] asAuditor = HttpTestClient.basic(auditor, "auditor password 1");
			assertThat(this.http.get("/api/v1/reports/generations/" + running, asAuditor).statusCode()).isEqualTo(200);
			assertThat(this.http.post("/api/v1/reports/GHG_INVENTORY/generations", "application/json", """
					{"from": "2026-01-01", "to": "2026-01-31"}""", asAuditor).statusCode()).isEqualTo(403);
		}
		finally {
			proceed.countDown();
		}
		this.tasks.awaitEnd(running, Duration.ofSeconds(10));
		String failed = this.http.get("/reports/" + running).body();
		assertThat(failed).contains("The report could not be generated")
			.contains("Reporting period &#39;FY&#39; version 1 is approved and locked.")
			.doesNotContain("http-equiv=\"refresh\"");
		HttpResponse<String> file = this.http.get("/api/v1/reports/generations/" + running + "/file",
				MeasuredUploads.admin());
		assertThat(file.statusCode()).isEqualTo(409);
		assertThat(file.body()).contains("The report's generation failed: Reporting period 'FY'");
	}

	/** A month of {@value #LINES} activity lines of its own. */
	private YearMonth upload() {
		YearMonth month = TestMonths.unusedMonth(this.http);
		FocusFiles bill = new FocusFiles();
		for (int i = 0; i < LINES; i++) {
			bill.ec2(month, 1 + i % 7, "0.192");
		}
		DocumentContext job = this.api.upload("generation-" + UUID.randomUUID() + ".csv", bill.bytes(), Map.of());
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		return month;
	}

	/** The renderings of a generation that is rolled back afterwards. */
	private Map<String, byte[]> renderings(ReportRequest request, UUID id, Instant now, TaskProgress progress) {
		Map<String, byte[]> renderings = new LinkedHashMap<>();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult(status -> {
			this.disclosures.generate(request, OrgUnitScope.UNRESTRICTED, "tester", id, now, progress);
			for (String format : List.of("pdf", "xlsx", "html")) {
				renderings.put(format, this.disclosures.content(id, format).orElseThrow());
			}
			status.setRollbackOnly();
		});
		return renderings;
	}

	private DocumentContext poll(String id, List<Integer> percents) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			DocumentContext status = JsonPath
				.parse(this.http.get("/api/v1/reports/generations/" + id, MeasuredUploads.admin()).body());
			percents.add(status.read("$.percent", Integer.class));
			if (!status.read("$.running", Boolean.class)) {
				return status;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The generation " + id + " did not end in 60 s");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
