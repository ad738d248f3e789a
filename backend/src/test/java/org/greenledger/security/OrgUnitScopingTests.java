package org.greenledger.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.TestMonths;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestOrgUnits;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenledger.HttpTestClient.basic;

/**
 * Org-unit scoping over real HTTP: two units, a user assigned to one of them and the
 * unrestricted admin. The scoped user lists and fetches only their unit's ingestion jobs,
 * reports, evaluations, sites and workloads; another unit's item answers 404 exactly like
 * a missing one, in the API and in the portal; new data goes to their unit.
 */
@IntegrationTest
class OrgUnitScopingTests {

	private static final String PASSWORD = "a long enough password";

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads api;

	String nonce;

	String ours;

	String theirs;

	String user;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
		this.nonce = UUID.randomUUID().toString().substring(0, 8);
		this.ours = TestOrgUnits.register(this.http, "ours-" + this.nonce);
		this.theirs = TestOrgUnits.register(this.http, "theirs-" + this.nonce);
		this.user = "scoped-" + this.nonce;
		this.api.postJson("/api/v1/users", """
				{"username": "%s", "password": "%s", "roles": ["SUSTAINABILITY_OFFICER", "PROCUREMENT"],
				 "orgUnits": ["%s"]}""".formatted(this.user, PASSWORD, this.ours));
	}

	@Test
	void ingestionJobsOfAnotherUnitAreNeitherListedNorFound() {
		LocalDate month = month();
		String theirJob = this.api.upload("theirs.csv", focus(month, "t"), Map.of("orgUnit", this.theirs))
			.read("$.id", String.class);
		// the scoped user names no unit: the upload is their only unit's
		HttpResponse<String> upload = this.http.postMultipart("/api/v1/ingestions", "ours.csv", focus(month, "o"),
				Map.of(), scoped());
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
		String ourJob = JsonPath.read(upload.body(), "$.id");
		assertThat(JsonPath.<String>read(upload.body(), "$.orgUnit")).isEqualTo(this.ours);
		// naming another unit is refused, and says nothing about whether it exists
		HttpResponse<String> elsewhere = this.http.postMultipart("/api/v1/ingestions", "elsewhere.csv",
				focus(month, "e"), Map.of("orgUnit", this.theirs), scoped());
		assertThat(elsewhere.statusCode()).isEqualTo(422);
		assertThat(elsewhere.body()).contains("\"field\":\"orgUnit\"", "is not one of your org units");

		assertThat(this.http.get("/api/v1/ingestions", scoped()).body()).contains(ourJob).doesNotContain(theirJob);
		assertThat(this.http.get("/api/v1/ingestions/" + ourJob, scoped()).statusCode()).isEqualTo(200);
		assertSameAsMissing("/api/v1/ingestions/", theirJob, "No ingestion job ");
		// the unrestricted admin sees both
		assertThat(this.http.get("/api/v1/ingestions", MeasuredUploads.admin()).body()).contains(ourJob, theirJob);
		assertThat(this.http.get("/api/v1/ingestions/" + theirJob, MeasuredUploads.admin()).statusCode())
			.isEqualTo(200);

		HttpTestClient browser = signedIn();
		assertThat(browser.get("/data-sources").body()).contains(ourJob).doesNotContain(theirJob);
		assertThat(browser.get("/data-sources/" + ourJob).statusCode()).isEqualTo(200);
		assertThat(browser.get("/data-sources/" + theirJob).statusCode()).isEqualTo(404);
		assertThat(browser.get("/data-sources/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
	}

	@Test
	void reportsOfAnotherUnitOrOfTheWholeOrganisationAreNeitherListedNorFound() {
		LocalDate month = month();
		String period = "\"from\": \"%s\", \"to\": \"%s\"".formatted(month, month.plusMonths(1).minusDays(1));
		String theirReport = this.api
			.postJson("/api/v1/reports",
					"{\"type\": \"EED_DATACENTRE\", %s, \"orgUnit\": \"%s\"}".formatted(period, this.theirs))
			.read("$.id", String.class);
		String wholeReport = this.api
			.postJson("/api/v1/reports", "{\"type\": \"EED_DATACENTRE\", %s}".formatted(period))
			.read("$.id", String.class);
		HttpResponse<String> generated = this.http.post("/api/v1/reports", "application/json",
				"{\"type\": \"EED_DATACENTRE\", %s}".formatted(period), scoped());
		assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
		String ourReport = JsonPath.read(generated.body(), "$.id");
		assertThat(JsonPath.<String>read(generated.body(), "$.orgUnit")).isEqualTo(this.ours);
		HttpResponse<String> forThem = this.http.post("/api/v1/reports", "application/json",
				"{\"type\": \"EED_DATACENTRE\", %s, \"orgUnit\": \"%s\"}".formatted(period, this.theirs), scoped());
		assertThat(forThem.statusCode()).isEqualTo(422);
		assertThat(forThem.body()).contains("\"field\":\"orgUnit\"");

		assertThat(this.http.get("/api/v1/reports", scoped()).body()).contains(ourReport)
			.doesNotContain(theirReport, wholeReport);
		assertThat(this.http.get("/api/v1/reports/" + ourReport, scoped()).statusCode()).isEqualTo(200);
		assertThat(this.http.getBytes("/api/v1/reports/" + ourReport + "/content?format=pdf", scoped()).statusCode())
			.isEqualTo(200);
		for (String hidden : List.of(theirReport, wholeReport)) {
			assertSameAsMissing("/api/v1/reports/", hidden, "No report ");
			assertThat(this.http.get("/api/v1/reports/" + hidden + "/content?format=pdf", scoped()).statusCode())
				.isEqualTo(404);
			assertThat(this.http.get("/api/v1/reports/" + hidden + "/evidence", scoped()).statusCode()).isEqualTo(404);
		}
		assertThat(this.http.get("/api/v1/reports", MeasuredUploads.admin()).body()).contains(ourReport, theirReport,
				wholeReport);

		HttpTestClient browser = signedIn();
		assertThat(browser.get("/reports").body()).contains(ourReport).doesNotContain(theirReport, wholeReport);
		assertThat(browser.get("/reports/" + ourReport).statusCode()).isEqualTo(200);
		assertThat(browser.get("/reports/" + theirReport).statusCode()).isEqualTo(404);
		assertThat(browser.get("/reports/" + theirReport + "/content?format=pdf").statusCode()).isEqualTo(404);
		assertThat(browser.get("/reports/" + theirReport + "/evidence").statusCode()).isEqualTo(404);
		// generating one for the other unit through the portal is refused as well
		HttpResponse<String> portal = browser.postForm("/reports",
				Map.of("type", "EED_DATACENTRE", "from", month.toString(), "to", month.plusDays(3).toString(),
						"orgUnit", this.theirs, "_csrf", browser.csrfToken("/reports")));
		assertThat(portal.statusCode()).isEqualTo(302);
		assertThat(browser.get("/reports").body()).contains("is not one of your org units");
	}

	@Test
	void evaluationsOfAnotherUnitAreNeitherListedNorFound() {
		String supplier = this.api.postJson("/api/v1/procurement/suppliers", """
				{"name": "Scoped supplier %s", "type": "COLOCATION_OPERATOR"}""".formatted(this.nonce))
			.read("$.id", String.class);
		String request = """
				{"name": "%s", "orgUnit": %s, "workload": {"from": "2026-01-01", "to": "2026-01-31", "vcpuHours": 1000},
				 "candidates": [{"supplierId": "%s", "gridZone": "PL"}]}""";
		String theirs = this.api
			.postJson("/api/v1/procurement/evaluations",
					request.formatted("theirs-" + this.nonce, "\"" + this.theirs + "\"", supplier))
			.read("$.id", String.class);
		HttpResponse<String> created = this.http.post("/api/v1/procurement/evaluations", "application/json",
				request.formatted("ours-" + this.nonce, "null", supplier), scoped());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String ours = JsonPath.read(created.body(), "$.id");
		assertThat(JsonPath.<String>read(created.body(), "$.request.orgUnit")).isEqualTo(this.ours);

		assertThat(this.http.get("/api/v1/procurement/evaluations", scoped()).body()).contains(ours)
			.doesNotContain(theirs);
		assertThat(this.http.get("/api/v1/procurement/evaluations/" + ours, scoped()).statusCode()).isEqualTo(200);
		assertSameAsMissing("/api/v1/procurement/evaluations/", theirs, "No evaluation ");
		assertThat(this.http.get("/api/v1/procurement/evaluations", MeasuredUploads.admin()).body()).contains(ours,
				theirs);

		HttpTestClient browser = signedIn();
		assertThat(browser.get("/evaluations").body()).contains(ours).doesNotContain(theirs);
		assertThat(browser.get("/evaluations/" + ours).statusCode()).isEqualTo(200);
		assertThat(browser.get("/evaluations/" + theirs).statusCode()).isEqualTo(404);
		assertThat(browser.get("/evaluations/" + theirs + "/report").statusCode()).isEqualTo(404);
	}

	@Test
	void sitesWorkloadsAndTheFootprintAreThoseOfTheUsersUnits() {
		String theirSite = "T" + this.nonce;
		this.api.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Their hall", "kind": "OWN", "gridZone": "DE", "orgUnit": "%s"}"""
			.formatted(theirSite, this.theirs));
		HttpResponse<String> ourSite = this.http.post("/api/v1/sites", "application/json", """
				{"code": "O%s", "name": "Our hall", "kind": "OWN", "gridZone": "DE"}""".formatted(this.nonce),
				scoped());
		assertThat(ourSite.statusCode()).as(ourSite.body()).isEqualTo(201);
		assertThat(JsonPath.<String>read(ourSite.body(), "$.orgUnit")).isEqualTo(this.ours);
		assertThat(this.http.get("/api/v1/sites", scoped()).body()).contains("O" + this.nonce)
			.doesNotContain(theirSite);
		assertThat(this.http.get("/api/v1/sites/" + theirSite, scoped()).statusCode()).isEqualTo(404);
		assertThat(this.http
			.post("/api/v1/sites/" + theirSite + "/meters", "application/json",
					"{\"code\": \"m1\", \"role\": \"IT_LOAD\"}", scoped())
			.statusCode()).isEqualTo(404);

		String theirWorkload = this.api.postJson("/api/v1/workloads", """
				{"name": "their model %s", "kind": "MODEL", "orgUnit": "%s"}""".formatted(this.nonce, this.theirs))
			.read("$.id", String.class);
		assertThat(this.http.get("/api/v1/workloads", scoped()).body()).doesNotContain(theirWorkload);
		assertThat(this.http.get("/api/v1/workloads/" + theirWorkload, scoped()).statusCode()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/workloads", MeasuredUploads.admin()).body()).contains(theirWorkload);

		LocalDate month = month();
		this.api.upload("theirs.csv", focus(month, "t"), Map.of("orgUnit", this.theirs));
		this.api.upload("ours.csv", focus(month, "o"), Map.of("orgUnit", this.ours));
		String query = "/api/v1/footprint?groupBy=orgUnit&from=" + month + "&to=" + month.plusMonths(1).minusDays(1);
		DocumentContext mine = JsonPath.parse(this.http.get(query, scoped()).body());
		assertThat(mine.read("$.groups[*].key", List.class)).containsExactly(this.ours);
		DocumentContext all = JsonPath.parse(this.http.get(query, MeasuredUploads.admin()).body());
		assertThat(all.read("$.groups[*].key", List.class)).contains(this.ours, this.theirs);
		assertThat(this.http.get(query.replace("orgUnit", "tag:team"), scoped()).statusCode()).isEqualTo(422);
	}

	/** 404 with the same problem as for an id that does not exist. */
	private void assertSameAsMissing(String path, String hidden, String detail) {
		String missing = UUID.randomUUID().toString();
		HttpResponse<String> hiddenResponse = this.http.get(path + hidden, scoped());
		HttpResponse<String> missingResponse = this.http.get(path + missing, scoped());
		assertThat(hiddenResponse.statusCode()).isEqualTo(404);
		assertThat(hiddenResponse.body().replace(hidden, "ID")).isEqualTo(missingResponse.body().replace(missing, "ID"))
			.contains(detail + "ID.");
	}

	private String[] scoped() {
		return basic(this.user, PASSWORD);
	}

	private HttpTestClient signedIn() {
		HttpTestClient browser = new HttpTestClient(this.port);
		assertThat(browser.signIn(this.user, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
		return browser;
	}

	private LocalDate month() {
		return TestMonths.unusedMonth(this.http).atDay(1);
	}

	/** A one-row FOCUS bill, unique by its account. */
	private byte[] focus(LocalDate month, String account) {
		String start = month + "T00:00:00Z";
		String end = month + "T01:00:00Z";
		return ("ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,ProviderName,"
				+ "ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,ConsumedUnit,SkuPriceDetails,Tags\n"
				+ start + "," + end + ",Usage,3.06,USD,AWS,Compute,\"Amazon Elastic Compute Cloud\",us-east-1,acct-"
				+ account + "-" + UUID.randomUUID() + ",10,Hours,\"{\"\"InstanceType\"\":\"\"m5.large\"\"}\",\n")
			.getBytes(StandardCharsets.UTF_8);
	}

}
