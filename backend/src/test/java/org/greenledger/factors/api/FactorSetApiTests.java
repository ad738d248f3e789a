package org.greenledger.factors.api;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Organisation factor sets: versioned, append-only, applied over the library by scope and
 * period.
 */
@IntegrationTest
class FactorSetApiTests {

	private static final String OFFICER_PASSWORD = "officer password 1";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient http;

	String officer;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.officer = "officer-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(this.officer, OFFICER_PASSWORD, Set.of(Role.SUSTAINABILITY_OFFICER));
	}

	@Test
	void anOfficersMeasuredPueAndMarketFactorOverrideTheLibraryAndEveryRevisionIsKept() {
		String name = "measured-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = post("/api/v1/factor-sets", set(name, "1.11", "12"), this.officer);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat((Integer) JsonPath.read(created.body(), "$.version")).isEqualTo(1);
		assertThat((String) JsonPath.read(created.body(), "$.createdBy")).isEqualTo(this.officer);

		DocumentContext first = estimate();
		assertThat(factor(first, "PUE", "value")).isEqualTo(List.of(1.11));
		assertThat(factor(first, "PUE", "dataset")).isEqualTo(List.of("factor-set:" + name));
		assertThat(factor(first, "MARKET_INTENSITY", "value")).isEqualTo(List.of(12.0));
		assertThat((Boolean) first.read("$.marketFallsBackToLocation")).isFalse();
		assertThat(first.read("$.co2eKg.marketBased", Double.class)).isCloseTo(
				first.read("$.facilityEnergyKwh", Double.class) * 0.012, org.assertj.core.data.Offset.offset(1e-6));

		HttpResponse<String> revised = put("/api/v1/factor-sets/" + id, set(name, "1.09", "12"), this.officer);
		assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(revised.body(), "$.version")).isEqualTo(2);
		assertThat(factor(estimate(), "PUE", "version")).isEqualTo(List.of("v2"));

		HttpResponse<String> v1 = this.http.get("/api/v1/factor-sets/" + id + "/versions/1", admin());
		assertThat((Double) JsonPath.read(v1.body(), "$.values[0].value")).isEqualTo(1.11);
		// both changes are in the audit log, the revision with the version before and
		// after
		assertThat(this.jdbc.sql("""
				select actor || ' ' || action || ' ' || coalesce(details -> 'before' ->> 'version', '-') || ' '
				       || (details -> 'after' ->> 'version') from audit_event where subject = ? order by id""")
			.param("factor set " + name)
			.query(String.class)
			.list())
			.containsExactly(this.officer + " FACTOR_SET_CREATED - 1", this.officer + " FACTOR_SET_REVISED 1 2");
	}

	@Test
	void versionsCannotBeChangedOrDeletedInTheDatabase() {
		String name = "frozen-" + UUID.randomUUID().toString().substring(0, 8);
		post("/api/v1/factor-sets", set(name, "1.2", "30"), this.officer);
		assertThatThrownBy(
				() -> this.jdbc.sql("update factor_set_value set value = 9 where scope = 'region:aws:eu-west-1'")
					.update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from factor_set_version").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void invalidValuesAre422NamingEachField() {
		HttpResponse<String> response = post("/api/v1/factor-sets", """
				{"name": "bad-%s", "values": [
				  {"kind": "EMBODIED", "scope": "organisation", "value": 1, "unit": "kgCO2e", "source": "x"},
				  {"kind": "PUE", "scope": "planet:earth", "value": 0.5, "unit": "L/kWh"}]}"""
			.formatted(UUID.randomUUID()), this.officer);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).containsExactlyInAnyOrder(
				"values[0].kind", "values[1].scope", "values[1].value", "values[1].unit", "values[1].source");
	}

	@Test
	void aTakenNameIs409() {
		String name = "twice-" + UUID.randomUUID().toString().substring(0, 8);
		post("/api/v1/factor-sets", set(name, "1.2", "30"), this.officer);
		assertThat(post("/api/v1/factor-sets", set(name, "1.3", "30"), this.officer).statusCode()).isEqualTo(409);
	}

	@Test
	void auditorsReadFactorSetsButCannotWriteThem() {
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(auditor, OFFICER_PASSWORD, Set.of(Role.AUDITOR));
		assertThat(this.http.get("/api/v1/factor-sets", HttpTestClient.basic(auditor, OFFICER_PASSWORD)).statusCode())
			.isEqualTo(200);
		assertThat(post("/api/v1/factor-sets", set("nope-" + UUID.randomUUID(), "1.2", "1"), auditor).statusCode())
			.isEqualTo(403);
	}

	private DocumentContext estimate() {
		HttpResponse<String> response = this.http.post("/api/v1/estimates", "application/json", """
				{"usage": [{"type": "VCPU_HOURS", "quantity": 1000, "model": "Skylake"}],
				 "location": {"provider": "aws", "region": "eu-west-1"}, "year": 2023}""", admin());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	private static List<Object> factor(DocumentContext estimate, String kind, String field) {
		return estimate.read("$.factors[?(@.kind == '" + kind + "')]." + field);
	}

	private static String set(String name, String pue, String market) {
		return """
				{"name": "%s", "description": "measured values", "note": "initial",
				 "values": [
				   {"kind": "PUE", "scope": "region:aws:eu-west-1", "value": %s, "unit": "ratio",
				    "validFrom": "2023-01-01", "validTo": "2023-12-31", "source": "Facility and IT meters, 2023"},
				   {"kind": "MARKET_INTENSITY", "scope": "region:aws:eu-west-1", "value": %s, "unit": "gCO2e/kWh",
				    "validFrom": "2023-01-01", "validTo": "2023-12-31", "source": "Supplier disclosure 2023"}]}"""
			.formatted(name, pue, market);
	}

	private HttpResponse<String> post(String path, String json, String user) {
		return this.http.post(path, "application/json", json, HttpTestClient.basic(user, OFFICER_PASSWORD));
	}

	private HttpResponse<String> put(String path, String json, String user) {
		return this.http
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
				.header("Content-Type", "application/json")
				.header("Authorization", HttpTestClient.basic(user, OFFICER_PASSWORD)[1])
				.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json))
				.build());
	}

	private static String[] admin() {
		return HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD);
	}

}
