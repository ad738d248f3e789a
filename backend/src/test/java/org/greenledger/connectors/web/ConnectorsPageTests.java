package org.greenledger.connectors.web;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Connectors pages: an officer creates a connector through the form (the chosen
 * type's group of fields), checks its connection and runs it; an auditor may not open
 * them.
 */
@IntegrationTest
class ConnectorsPageTests {

	private static final String PASSWORD = "connector-page-password-1";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	HttpTestClient browser;

	@BeforeEach
	void signIn() {
		String officer = "officer-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(officer, PASSWORD, Set.of(Role.SUSTAINABILITY_OFFICER));
		this.browser = new HttpTestClient(this.port);
		this.browser.signIn(officer, PASSWORD);
	}

	@Test
	void anOfficerCreatesChecksAndRunsAConnectorThroughTheForms() {
		String name = "page-" + UUID.randomUUID();
		HttpResponse<String> created = this.browser.postForm("/connectors",
				Map.of("_csrf", this.browser.csrfToken("/connectors"), "name", name, "type", "S3", "schedule", "P1D",
						"S3.endpoint", "http://127.0.0.1:9", "S3.bucket", "exports", "S3.prefix", "cur/",
						"S3.pathStyle", "true", "S3.accessKeyId", "page-key", "S3.secretAccessKey",
						"page-secret-value"));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		String path = location.substring(location.indexOf("/connectors/"));

		String page = this.browser.get(path).body();
		assertThat(page).contains(name, "exports", "secretAccessKey", "set (write-only)")
			.doesNotContain("page-secret-value")
			.doesNotContain("page-key");

		HttpResponse<String> check = this.browser.postForm(path + "/check",
				Map.of("_csrf", this.browser.csrfToken(path)));
		assertThat(check.statusCode()).isEqualTo(302);
		assertThat(this.browser.get(path).body()).contains("cannot be reached");

		HttpResponse<String> run = this.browser.postForm(path + "/sync", Map.of("_csrf", this.browser.csrfToken(path)));
		assertThat(run.statusCode()).isEqualTo(302);
		assertThat(this.browser.get(path).body()).contains("Run queued");
		assertThat(this.browser.get("/connectors").body()).contains(name);
	}

	@Test
	void theFormNamesEachInvalidField() {
		HttpResponse<String> refused = this.browser.postForm("/connectors",
				Map.of("_csrf", this.browser.csrfToken("/connectors"), "name", "x-" + UUID.randomUUID(), "type", "S3",
						"schedule", "soon"));
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/connectors");
		assertThat(this.browser.get("/connectors").body()).contains("schedule: ", "bucket: required");
	}

	@Test
	void auditorsCannotOpenTheConnectorsPages() {
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(auditor, PASSWORD, Set.of(Role.AUDITOR));
		HttpTestClient other = new HttpTestClient(this.port);
		other.signIn(auditor, PASSWORD);
		assertThat(other.get("/connectors").statusCode()).isEqualTo(403);
		assertThat(other.get("/").body()).doesNotContain("href=\"/connectors\"");
		// a period without data shows the first-run steps, which link to the connectors
		// for officers only
		assertThat(other.get("/?period=1901-01").body()).contains("data-onboarding")
			.doesNotContain("href=\"/connectors\"");
	}

}
