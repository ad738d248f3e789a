package org.greenledger.audit.api;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.audit.AuditLog;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenledger.HttpTestClient.basic;

/** The audit events API over real HTTP, as an auditor. */
@IntegrationTest
class AuditEventApiTests {

	private static final String PASSWORD = "auditor password 1";

	@LocalServerPort
	int port;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	HttpTestClient http;

	String actor;

	String auditor;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		this.actor = "changer-" + nonce;
		this.auditor = "auditor-" + nonce;
		this.accounts.create(this.auditor, PASSWORD, Set.of(Role.AUDITOR));
	}

	@Test
	void anAuditorReadsWhoChangedWhatWithBeforeAndAfter() {
		this.audit.record(this.actor, "PERIOD_APPROVED", "period:FY2030 v1",
				java.util.Map.of("before", java.util.Map.of("status", "IN_REVIEW", "version", 1), "after",
						java.util.Map.of("status", "APPROVED", "version", 1), "note", "all checked"));
		DocumentContext page = get("/api/v1/audit-events?actor=" + this.actor);
		assertThat(page.read("$.events.length()", Integer.class)).isEqualTo(1);
		assertThat(page.read("$.events[0].action", String.class)).isEqualTo("PERIOD_APPROVED");
		assertThat(page.read("$.events[0].subject", String.class)).isEqualTo("period:FY2030 v1");
		assertThat(page.read("$.events[0].details.note", String.class)).isEqualTo("all checked");
		assertThat(page.read("$.events[0].changes", List.class)).hasSize(1);
		assertThat(page.read("$.events[0].changes[0].field", String.class)).isEqualTo("status");
		assertThat(page.read("$.events[0].changes[0].before", String.class)).isEqualTo("IN_REVIEW");
		assertThat(page.read("$.events[0].changes[0].after", String.class)).isEqualTo("APPROVED");
		assertThat(page.read("$.events[0].at", String.class)).endsWith("Z");
		assertThat(page.read("$.next", String.class)).isNull();
	}

	@Test
	void pagesAreFollowedWithTheNextToken() {
		for (int i = 0; i < 5; i++) {
			insert(Instant.parse("2032-01-01T00:00:00Z").plusSeconds(i), "subject " + i);
		}
		DocumentContext first = get("/api/v1/audit-events?limit=2&actor=" + this.actor);
		assertThat(first.read("$.events[*].subject", List.class)).containsExactly("subject 4", "subject 3");
		DocumentContext second = get(
				"/api/v1/audit-events?limit=2&actor=" + this.actor + "&before=" + first.read("$.next", String.class));
		assertThat(second.read("$.events[*].subject", List.class)).containsExactly("subject 2", "subject 1");
		DocumentContext third = get(
				"/api/v1/audit-events?limit=2&actor=" + this.actor + "&before=" + second.read("$.next", String.class));
		assertThat(third.read("$.events[*].subject", List.class)).containsExactly("subject 0");
		assertThat(third.read("$.next", String.class)).isNull();
	}

	@Test
	void badParametersAre422NamingEachField() {
		HttpResponse<String> response = this.http.get("/api/v1/audit-events?from=01.02.2030&limit=0&before=x",
				basic(this.auditor, PASSWORD));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("\"field\":\"from\"").doesNotContain("at org.");
		assertThat(this.http.get("/api/v1/audit-events?limit=501", basic(this.auditor, PASSWORD)).body())
			.contains("\"field\":\"limit\"");
		assertThat(this.http.get("/api/v1/audit-events?before=bm9wZQ", basic(this.auditor, PASSWORD)).body())
			.contains("\"field\":\"before\"");
	}

	@Test
	void theCsvExportNeutralisesFormulas() {
		this.audit.record(this.actor, "SUPPLIER_CREATED", "=HYPERLINK(\"http://evil\")",
				java.util.Map.of("name", "@SUM(A1)"));
		HttpResponse<String> csv = this.http.get("/api/v1/audit-events/export?actor=" + this.actor,
				basic(this.auditor, PASSWORD));
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).contains("audit-events.csv"));
		List<String> lines = csv.body().lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).isEqualTo("\"at\",\"actor\",\"action\",\"subject\",\"changes\",\"details\"");
		assertThat(lines.get(1)).contains(",\"" + this.actor + "\",\"SUPPLIER_CREATED\",")
			.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",")
			.contains("\"{\"\"name\"\":\"\"@SUM(A1)\"\"}\"");
	}

	private DocumentContext get(String path) {
		HttpResponse<String> response = this.http.get(path, basic(this.auditor, PASSWORD));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	private void insert(Instant at, String subject) {
		this.jdbc
			.sql("insert into audit_event (at, actor, action, subject, details) values (?, ?, 'THING_DONE', ?, '{}')")
			.params(Timestamp.from(at), this.actor, subject)
			.update();
	}

}
