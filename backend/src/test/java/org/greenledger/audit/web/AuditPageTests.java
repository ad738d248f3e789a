package org.greenledger.audit.web;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.audit.AuditLog;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log page as an auditor sees it. */
@IntegrationTest
class AuditPageTests {

	private static final String PASSWORD = "auditor password 1";

	@LocalServerPort
	int port;

	@Autowired
	AuditLog audit;

	@Autowired
	UserAccounts accounts;

	HttpTestClient browser;

	String actor;

	@BeforeEach
	void setUp() {
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		this.actor = "officer-" + nonce;
		String auditor = "auditor-" + nonce;
		this.accounts.create(auditor, PASSWORD, Set.of(Role.AUDITOR));
		this.browser = new HttpTestClient(this.port);
		this.browser.signIn(auditor, PASSWORD);
	}

	@Test
	void theNavigationLeadsToTheLogWhichShowsBeforeAndAfter() {
		this.audit.record(this.actor, "PERIOD_IN_REVIEW", "period:FY2029 v1", Map.of("before",
				Map.of("status", "DRAFT"), "after", Map.of("status", "IN_REVIEW"), "note", "<b>ready</b>"));
		assertThat(this.browser.get("/").body()).contains("href=\"/audit\"");

		HttpResponse<String> page = this.browser.get("/audit?actor=" + this.actor);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Audit log</h1>")
			.contains(this.actor)
			.contains("<code>PERIOD_IN_REVIEW</code>")
			.contains("period:FY2029 v1")
			.contains("<td class=\"before\">DRAFT</td>")
			.contains("<td class=\"after\">IN_REVIEW</td>")
			.contains("<dt>note</dt>")
			.contains("&lt;b&gt;ready&lt;/b&gt;")
			.contains("href=\"/audit/export?actor=" + this.actor);
	}

	@Test
	void anEmptyResultSaysWhatToDoAndAnInvalidFilterSaysWhy() {
		assertThat(this.browser.get("/audit?actor=nobody-" + this.actor).body())
			.contains("No event matches this filter.");
		HttpResponse<String> invalid = this.browser.get("/audit?from=2030-02-01&to=2030-01-01");
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("The filter is not valid:")
			.contains("to: must not be before &#39;from&#39; (2030-02-01)");
	}

	@Test
	void thePortalExportsTheFilteredLogAsCsv() {
		this.audit.record(this.actor, "SITE_CREATED", "site:FRA1", Map.of("name", "Frankfurt"));
		HttpResponse<String> csv = this.browser.get("/audit/export?actor=" + this.actor);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.body().lines()).hasSize(2);
		assertThat(csv.body()).contains("\"SITE_CREATED\",\"site:FRA1\"");
	}

}
