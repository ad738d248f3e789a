package org.greenledger.periods;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Net revenue entered on a reporting period: checked field by field, replaced and audited
 * while the version is open, locked with it once approved (the API answers 409, the
 * database refuses a direct update, the portal form is not offered), and carried into the
 * restatement, where it can be entered again.
 */
@IntegrationTest
class PeriodNetRevenueTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient http;

	MeasuredUploads api;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	@Test
	void theNetRevenueIsEnteredWhileOpenAndLockedWithTheApprovedVersion() {
		// the test ends by restating the month, so the shared test database keeps no lock
		LocalDate month = TestMonths.unusedMonth(this.http).atDay(1);
		String name = "NR-" + UUID.randomUUID().toString().substring(0, 8);
		String id = this.api
			.postJson("/api/v1/periods",
					"""
							{"name": "%s", "start": "%s", "end": "%s"}""".formatted(name, month,
							month.plusMonths(1).minusDays(1)))
			.read("$.id", String.class);

		HttpResponse<String> bad = put(id, "{\"amount\": -3, \"currency\": \"euro\"}");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("netRevenue.amount", "netRevenue.currency", "ISO 4217");
		assertThat(put(id, "{\"amount\": 1.005, \"currency\": \"EUR\"}").statusCode()).as("three decimals")
			.isEqualTo(422);

		assertThat(put(id, "{\"amount\": 180000000, \"currency\": \"usd\"}").statusCode()).isEqualTo(200);
		HttpResponse<String> entered = put(id, "{\"amount\": 250000000.50, \"currency\": \"eur\"}");
		assertThat(entered.statusCode()).isEqualTo(200);
		DocumentContext period = JsonPath.parse(entered.body());
		assertThat(period.read("$.netRevenue.amount", Double.class)).isCloseTo(250_000_000.50, within(1e-6));
		assertThat(period.read("$.netRevenue.currency", String.class)).isEqualTo("EUR");
		assertThat(this.jdbc.sql("""
				select details::text from audit_event where action = 'PERIOD_NET_REVENUE_ENTERED' and subject = ?
				order by id""").param("period:" + name + "/v1").query(String.class).list()).satisfiesExactly(
				first -> assertThat(first).contains("180,000,000.00 USD"),
				second -> assertThat(second).contains("180,000,000.00 USD", "250,000,000.50 EUR"));

		// in review it may still change; approved, it is locked through every path
		assertThat(transition(id, "IN_REVIEW").statusCode()).isEqualTo(200);
		assertThat(put(id, "{\"amount\": 260000000, \"currency\": \"EUR\"}").statusCode()).isEqualTo(200);
		assertThat(transition(id, "APPROVED").statusCode()).isEqualTo(200);
		HttpResponse<String> locked = put(id, "{\"amount\": 1, \"currency\": \"EUR\"}");
		assertThat(locked.statusCode()).isEqualTo(409);
		assertThat(locked.body()).contains(name, "approved and locked", "restatement");
		assertThatThrownBy(() -> this.jdbc.sql("update reporting_period set net_revenue_amount = 1 where id = ?::uuid")
			.param(id)
			.update()).hasMessageContaining("approved and cannot change");
		assertThatThrownBy(() -> this.jdbc
			.sql("update reporting_period set net_revenue_amount = null, net_revenue_currency = null"
					+ " where id = ?::uuid")
			.param(id)
			.update()).hasMessageContaining("approved and cannot change");
		assertThat(this.api.getJson("/api/v1/periods/" + id).read("$.period.netRevenue.amount", Double.class))
			.isCloseTo(260_000_000, within(1e-6));
		HttpTestClient browser = new HttpTestClient(this.port);
		browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(browser.get("/reports").body()).contains("260,000,000.00 EUR")
			.doesNotContain("/reports/periods/" + id + "/net-revenue");

		// the restatement starts from the approved value and may change it
		String next = this.api.postJson("/api/v1/periods/" + id + "/restatements", """
				{"reason": "net revenue restated after the audit"}""").read("$.id", String.class);
		assertThat(this.api.getJson("/api/v1/periods/" + next).read("$.period.netRevenue.currency", String.class))
			.isEqualTo("EUR");
		// the Reports page's form enters it too
		String token = browser.csrfToken("/reports");
		assertThat(browser
			.postForm("/reports/periods/" + next + "/net-revenue",
					java.util.Map.of("_csrf", token, "amount", "255000000", "currency", "eur"))
			.statusCode()).isEqualTo(302);
		assertThat(this.api.getJson("/api/v1/periods/" + next).read("$.period.netRevenue.amount", Double.class))
			.isCloseTo(255_000_000, within(1e-6));
		assertThat(this.api.getJson("/api/v1/periods/" + id).read("$.period.netRevenue.amount", Double.class))
			.as("the approved version keeps its value")
			.isCloseTo(260_000_000, within(1e-6));
		assertThat(browser.get("/reports").body()).contains("/reports/periods/" + next + "/net-revenue");
	}

	@Test
	void anAuditorCannotEnterNetRevenue() {
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/users", """
				{"username": "%s", "password": "auditor-password-1", "roles": ["AUDITOR"]}""".formatted(auditor));
		String id = this.api
			.postJson("/api/v1/periods",
					"""
							{"name": "NRA-%s", "start": "2042-01-01", "end": "2042-01-31"}"""
						.formatted(UUID.randomUUID().toString().substring(0, 8)))
			.read("$.id", String.class);
		assertThat(this.http
			.put("/api/v1/periods/" + id + "/net-revenue", "application/json",
					"{\"amount\": 100, \"currency\": \"EUR\"}", HttpTestClient.basic(auditor, "auditor-password-1"))
			.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> put(String id, String body) {
		return this.http.put("/api/v1/periods/" + id + "/net-revenue", "application/json", body,
				MeasuredUploads.admin());
	}

	private HttpResponse<String> transition(String id, String status) {
		return this.http.post("/api/v1/periods/" + id + "/transitions", "application/json",
				"{\"status\": \"" + status + "\"}", MeasuredUploads.admin());
	}

}
