package org.greenledger.audit.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.FocusFiles;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor follows an upload through the audit log: the job's page links to its events,
 * the result is logged with the file name and row counts beside the submission, the log
 * is searched by file name, and subjects link back to what they name.
 */
@IntegrationTest
class AuditTrailTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads uploads;

	String nonce;

	@BeforeEach
	void signIn() {
		this.http = new HttpTestClient(this.port);
		this.uploads = new MeasuredUploads(this.http);
		this.nonce = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void anUploadsSubmissionAndResultAreFoundByItsFileNameAndLinkToItsPage() {
		YearMonth month = TestMonths.unusedMonth(this.http);
		FocusFiles file = new FocusFiles().ec2(month, 2, "0.38").unknownInstance(month, "1.00");
		DocumentContext job = this.uploads.upload("trail-" + this.nonce + ".csv", file.bytes(), Map.of());
		String id = job.read("$.id", String.class);
		DocumentContext events = this.uploads.getJson("/api/v1/audit-events?subject=trail-" + this.nonce);
		List<String> actions = events.read("$.events[*].action");
		assertThat(actions).containsExactly("INGESTION_COMPLETED", "INGESTION_SUBMITTED");
		assertThat(events.read("$.events[0].subject", String.class)).isEqualTo("ingestion job " + id);
		assertThat(events.read("$.events[0].details.fileName", String.class)).isEqualTo("trail-" + this.nonce + ".csv");
		assertThat(events.read("$.events[0].details.result", String.class)).isEqualTo("COMPLETED");
		assertThat(events.read("$.events[0].details.rowsRead", Long.class)).isEqualTo(2L);
		assertThat(events.read("$.events[0].details.rowsAccepted", Long.class))
			.isEqualTo(job.read("$.rowsAccepted", Long.class));
		assertThat(events.read("$.events[0].details.rowsCostOnly", Long.class))
			.isEqualTo(job.read("$.rowsCostOnly", Long.class));

		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String jobPage = this.http.get("/data-sources/" + id).body();
		assertThat(jobPage).contains("id=\"job-audit-events\" href=\"/audit?subject=" + id + "\"");
		String audit = this.http.get("/audit?subject=" + id).body();
		assertThat(audit).contains("INGESTION_COMPLETED", "INGESTION_SUBMITTED")
			.contains("<a href=\"/data-sources/" + id + "\">ingestion job " + id + "</a>")
			.contains("trail-" + this.nonce + ".csv");
		String byName = this.http.get("/audit?subject=trail-" + this.nonce).body();
		assertThat(byName).contains("href=\"/data-sources/" + id + "\"");
	}

	@Test
	void aRefusedFilesResultIsLoggedWithItsMessage() {
		byte[] notABill = "neither,a,bill\n1,2,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		DocumentContext job = this.uploads.upload("refused-" + this.nonce + ".csv", notABill, Map.of());
		assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
		DocumentContext events = this.uploads
			.getJson("/api/v1/audit-events?action=INGESTION_REJECTED&subject=refused-" + this.nonce);
		assertThat(events.read("$.events[0].details.result", String.class)).isEqualTo("REJECTED");
		assertThat(events.read("$.events[0].details.message", String.class)).isNotBlank();
	}

	@Test
	void subjectsLinkToThePagesTheyName() {
		UUID id = UUID.randomUUID();
		assertThat(AuditSubjectLinks.of("ingestion job " + id)).isEqualTo("/data-sources/" + id);
		assertThat(AuditSubjectLinks.of("ingestion:" + id)).isEqualTo("/data-sources/" + id);
		assertThat(AuditSubjectLinks.of("evaluation:" + id)).isEqualTo("/evaluations/" + id);
		assertThat(AuditSubjectLinks.of("report:" + id)).isEqualTo("/reports/" + id);
		assertThat(AuditSubjectLinks.of("site:DC-1")).isEqualTo("/sites/DC-1");
		assertThat(AuditSubjectLinks.of("user:ada")).isNull();
		assertThat(AuditSubjectLinks.of("ingestion job not-a-uuid")).isNull();
	}

}
