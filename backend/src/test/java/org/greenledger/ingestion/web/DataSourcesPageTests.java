package org.greenledger.ingestion.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
				"Validation report", "ChargePeriodStart", "is not a date or timestamp");
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
