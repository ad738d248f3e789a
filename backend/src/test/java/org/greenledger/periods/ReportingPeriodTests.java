package org.greenledger.periods;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.TestMonths;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reporting periods over HTTP: review and approval, the lock refusing uploads, factor
 * values and instruments for its dates (409 or a rejected job, nothing stored), and a
 * restatement unlocking them again.
 */
@IntegrationTest
class ReportingPeriodTests {

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
	void anApprovedPeriodRefusesChangesUntilItIsRestated() {
		// the test ends by restating the month, so the shared test database keeps no lock
		LocalDate month = TestMonths.unusedMonth(this.http).atDay(1);
		String name = "P-" + UUID.randomUUID().toString().substring(0, 8);
		DocumentContext period = this.api.postJson("/api/v1/periods", """
				{"name": "%s", "start": "%s", "end": "%s"}""".formatted(name, month, month.plusMonths(1).minusDays(1)));
		String id = period.read("$.id", String.class);
		assertThat(period.read("$.status", String.class)).isEqualTo("DRAFT");
		assertThat(transition(id, "APPROVED").statusCode()).as("DRAFT cannot be approved directly").isEqualTo(409);
		assertThat(transition(id, "IN_REVIEW").statusCode()).isEqualTo(200);
		assertThat(transition(id, "APPROVED").statusCode()).isEqualTo(200);
		var again = transition(id, "DRAFT");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("approved and locked", "restatement");
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'PERIOD_APPROVED' and subject = ?")
			.param("period:" + name + "/v1")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThatThrownBy(
				() -> this.jdbc.sql("update reporting_period set period_end = period_end + 1 where id = ?::uuid")
					.param(id)
					.update())
			.hasMessageContaining("approved and cannot change");

		// an upload with rows in the locked month is refused whole
		String csv = focus(month, UUID.randomUUID().toString());
		DocumentContext job = this.api.upload("locked.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(job.read("$.message", String.class)).contains(name, "approved and locked", "Nothing of the file");
		assertThat(this.jdbc.sql("select count(*) from footprint_rollup_day where job_id = ?::uuid")
			.param(job.read("$.id", String.class))
			.query(Long.class)
			.single()).isZero();

		// factor values for its dates are refused
		var factorSet = this.http.post("/api/v1/factor-sets", "application/json", """
				{"name": "lock-%s", "description": "", "note": "", "values": [{"kind": "PUE", "scope": "organisation",
				 "value": 1.2, "unit": "ratio", "validFrom": "%s", "validTo": "%s", "source": "meters"}]}"""
			.formatted(name, month, month.plusDays(9)), MeasuredUploads.admin());
		assertThat(factorSet.statusCode()).as(factorSet.body()).isEqualTo(409);
		assertThat(factorSet.body()).contains(name, "approved and locked");

		// so are instruments of a site
		String site = "L" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Locked hall", "kind": "OWN", "gridZone": "DE"}""".formatted(site));
		var instrument = this.http.post("/api/v1/sites/" + site + "/instruments", "application/json", """
				{"kind": "EAC", "periodStart": "%s", "periodEnd": "%s", "energyMwh": 1, "kgCo2ePerKwh": 0,
				 "evidence": "GO 1"}""".formatted(month, month.plusDays(3)), MeasuredUploads.admin());
		assertThat(instrument.statusCode()).isEqualTo(409);

		// a restatement needs a reason, opens version 2 and unlocks the dates
		var noReason = this.http.post("/api/v1/periods/" + id + "/restatements", "application/json", "{}",
				MeasuredUploads.admin());
		assertThat(noReason.statusCode()).isEqualTo(422);
		DocumentContext restated = this.api.postJson("/api/v1/periods/" + id + "/restatements",
				"{\"reason\": \"Late corrected bill for the month\"}");
		assertThat(restated.read("$.version", Integer.class)).isEqualTo(2);
		assertThat(restated.read("$.status", String.class)).isEqualTo("DRAFT");
		assertThat(restated.read("$.restates", String.class)).isEqualTo(id);
		DocumentContext after = this.api.upload("restated.csv",
				focus(month, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(after.read("$.status", String.class)).as(after.jsonString()).isEqualTo("COMPLETED");
		DocumentContext old = this.api.getJson("/api/v1/periods/" + id);
		assertThat(old.read("$.period.supersededBy", String.class)).isEqualTo(restated.read("$.id", String.class));
		assertThat(old.read("$.transitions.length()", Integer.class)).isEqualTo(3);
	}

	@Test
	void auditorsCannotApprove() {
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/users", """
				{"username": "%s", "password": "auditor-password-1", "roles": ["AUDITOR"]}""".formatted(auditor));
		var response = this.http.post("/api/v1/periods", "application/json",
				"{\"name\": \"x\", \"start\": \"2041-01-01\", \"end\": \"2041-01-31\"}",
				HttpTestClient.basic(auditor, "auditor-password-1"));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	private java.net.http.HttpResponse<String> transition(String id, String status) {
		return this.http.post("/api/v1/periods/" + id + "/transitions", "application/json",
				"{\"status\": \"" + status + "\"}", MeasuredUploads.admin());
	}

	private static String focus(LocalDate month, String nonce) {
		String start = month + "T00:00:00Z";
		String end = month + "T01:00:00Z";
		return "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,ProviderName,"
				+ "ServiceCategory,ServiceName,RegionId,ConsumedQuantity,ConsumedUnit,SkuPriceDetails,Tags\n" + start
				+ "," + end + ",Usage,0.192,USD,AWS,Compute,EC2-" + nonce + ",us-east-1,1,Hours,"
				+ "\"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}\",\n";
	}

}
