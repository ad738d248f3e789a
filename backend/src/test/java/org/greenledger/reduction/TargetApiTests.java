package org.greenledger.reduction;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.ledger.LedgerFixture;
import org.greenledger.ledger.LedgerFixture.Impacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Targets over HTTP: the base year's figure taken from the ledger equals the footprint
 * API's total of that year; the trajectory's linear path and actual figures; a change is
 * a new version in the audit log; a later change of the ledger's base year shows as a
 * recalculation; invalid fields and roles are refused.
 */
@IntegrationTest
class TargetApiTests {

	private static final double TOLERANCE = 1e-6;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

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
	void aTargetsBaseYearIsTheFootprintApisTotalAndItsTrajectoryComparesEachYear() {
		int year = TestMonths.unusedYear(this.http);
		LedgerFixture ledger = new LedgerFixture(this.dataSource);
		ledger.write(
				LedgerFixture.cloud(1, java.time.LocalDate.of(year, 3, 4), "aws", "us-east-1", "EC2", 100,
						new Impacts(10, 12, 400, 300, 50, 0), "20.00"),
				LedgerFixture.cloud(2, java.time.LocalDate.of(year, 11, 30), "aws", "eu-north-1", "EC2", 50,
						new Impacts(5, 6, 100, 80, 50, 0), "10.00"));
		ledger.write(LedgerFixture.cloud(1, java.time.LocalDate.of(year + 1, 6, 1), "aws", "us-east-1", "EC2", 100,
				new Impacts(10, 12, 500, 400, 50, 0), "20.00"));
		DocumentContext footprint = this.api.getJson("/api/v1/footprint?from=" + year + "-01-01&to=" + year + "-12-31");
		double footprintTotal = footprint.read("$.groups[0].co2eKg.locationBased", Double.class)
				+ footprint.read("$.groups[0].co2eKg.embodied", Double.class);

		DocumentContext target = this.api.postJson("/api/v1/targets", """
				{"name": "Cloud -30%%", "scopes": ["SCOPE_3"], "basis": "LOCATION", "includeEmbodied": true,
				 "baseYear": %d, "targetYear": %d, "reductionPercent": 30}""".formatted(year, year + 3));
		String id = target.read("$.id", String.class);
		assertThat(target.read("$.baseYearKgCo2e", Double.class)).isCloseTo(footprintTotal, within(TOLERANCE))
			.isCloseTo(600, within(TOLERANCE));
		assertThat(target.read("$.baseYearSource", String.class)).isEqualTo("LEDGER");

		DocumentContext trajectory = this.api.getJson("/api/v1/targets/" + id + "/trajectory");
		assertThat(trajectory.read("$.years[*].year", List.class)).containsExactly(year, year + 1, year + 2, year + 3);
		assertThat(trajectory.read("$.years[0].actualKgCo2e", Double.class)).isCloseTo(footprintTotal,
				within(TOLERANCE));
		assertThat(trajectory.read("$.years[0].targetKgCo2e", Double.class)).isCloseTo(600, within(TOLERANCE));
		// linear: 600 -> 420 over three years, 60 a year
		assertThat(trajectory.read("$.years[1].targetKgCo2e", Double.class)).isCloseTo(540, within(TOLERANCE));
		assertThat(trajectory.read("$.years[3].targetKgCo2e", Double.class)).isCloseTo(420, within(TOLERANCE));
		assertThat(trajectory.read("$.years[1].actualKgCo2e", Double.class)).isCloseTo(550, within(TOLERANCE));
		assertThat(trajectory.read("$.years[1].onTrack", Boolean.class)).isFalse();
		assertThat(trajectory.read("$.years[1].actualByScope.SCOPE_3", Double.class)).isCloseTo(550, within(TOLERANCE));
		assertThat(trajectory.read("$.years[2].actualKgCo2e", Object.class)).as("no figures yet").isNull();
		assertThat(trajectory.read("$.years[2].onTrack", Object.class)).isNull();
		assertThat(trajectory.read("$.baseYearRecalculated", Boolean.class)).isFalse();

		// a later upload into the base year changes the ledger's figure: the target shows
		// it
		ledger.write(LedgerFixture.cloud(3, java.time.LocalDate.of(year, 8, 8), "aws", "us-east-1", "EC2", 10,
				new Impacts(1, 1.2, 40, 30, 5, 0), "2.00"));
		DocumentContext restated = this.api.getJson("/api/v1/targets/" + id + "/trajectory");
		assertThat(restated.read("$.baseYearRecalculated", Boolean.class)).isTrue();
		assertThat(restated.read("$.ledgerBaseYearKgCo2e", Double.class)).isCloseTo(645, within(TOLERANCE));
		assertThat(restated.read("$.target.baseYearKgCo2e", Double.class)).isCloseTo(600, within(TOLERANCE));

		// a change is a new version, both in the audit log; the new version adopts the
		// figure
		var changed = this.http.put("/api/v1/targets/" + id, "application/json", """
				{"name": "Cloud -30%%", "scopes": ["SCOPE_3"], "basis": "LOCATION", "includeEmbodied": true,
				 "baseYear": %d, "targetYear": %d, "reductionPercent": 30}""".formatted(year, year + 3),
				MeasuredUploads.admin());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(JsonPath.parse(changed.body()).read("$.version", Integer.class)).isEqualTo(2);
		assertThat(JsonPath.parse(changed.body()).read("$.baseYearKgCo2e", Double.class)).isCloseTo(645,
				within(TOLERANCE));
		DocumentContext versions = this.api.getJson("/api/v1/targets/" + id);
		assertThat(versions.read("$.versions[*].version", List.class)).containsExactly(1, 2);
		assertThat(versions.read("$.versions[0].baseYearKgCo2e", Double.class)).isCloseTo(600, within(TOLERANCE));
		assertThat(
				this.api.getJson("/api/v1/targets/" + id + "/trajectory").read("$.baseYearRecalculated", Boolean.class))
			.isFalse();
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String page = this.http.get("/targets/" + id).body();
		assertThat(page).contains("Cloud -30%", "id=\"trajectory\"", ">" + (year + 3) + "<", "Target path")
			.doesNotContain("Exception");
		assertThat(this.http.get("/targets").body()).contains("href=\"/targets/" + id + "\"", "href=\"/targets\"");
		assertThat(this.jdbc.sql("select action from audit_event where subject = ? order by id")
			.param("target:" + id)
			.query(String.class)
			.list()).containsExactly("TARGET_CREATED", "TARGET_CHANGED");
	}

	@Test
	void invalidFieldsAreNamedEachWithItsReason() {
		var response = this.http.post("/api/v1/targets", "application/json", """
				{"name": "", "scopes": ["SCOPE_4"], "basis": "AVERAGE", "baseYear": 2030, "targetYear": 2025,
				 "reductionPercent": 120, "baseYearKgCo2e": -1, "orgUnit": "no-such-unit"}""", MeasuredUploads.admin());
		assertThat(response.statusCode()).isEqualTo(422);
		DocumentContext problem = JsonPath.parse(response.body());
		assertThat(problem.read("$.errors[*].field", List.class)).containsExactly("name", "scopes[0]", "basis",
				"targetYear", "reductionPercent", "baseYearKgCo2e", "orgUnit");
	}

	@Test
	void aBaseYearWithoutFiguresAsksForTheFigure() {
		int year = TestMonths.unusedYear(this.http);
		var response = this.http.post("/api/v1/targets", "application/json", """
				{"name": "Empty", "scopes": ["SCOPE_1", "SCOPE_2"], "basis": "MARKET", "baseYear": %d,
				 "targetYear": %d, "reductionPercent": 50}""".formatted(year, year + 5), MeasuredUploads.admin());
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("baseYearKgCo2e", "holds no emissions");
	}

	@Test
	void aUserAssignedToOrgUnitsSeesAndSetsTheirUnitsTargetsOnly() {
		String unit = "red-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/org-units", """
				{"code": "%s", "name": "Reduction test unit"}""".formatted(unit));
		String officer = "officer-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/users", """
				{"username": "%s", "password": "officer-password-1", "roles": ["SUSTAINABILITY_OFFICER"],
				 "orgUnits": ["%s"]}""".formatted(officer, unit));
		String[] credentials = HttpTestClient.basic(officer, "officer-password-1");
		String body = """
				{"name": "Unit target", "scopes": ["SCOPE_3"], "basis": "MARKET", "baseYear": 2030,
				 "baseYearKgCo2e": 1000, "targetYear": 2035, "reductionPercent": 50%s}""";
		String organisation = this.api.postJson("/api/v1/targets", body.formatted("")).read("$.id", String.class);
		var own = this.http.post("/api/v1/targets", "application/json",
				body.formatted(", \"orgUnit\": \"" + unit + "\""), credentials);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
		String ownId = JsonPath.parse(own.body()).read("$.id", String.class);
		assertThat(JsonPath.parse(own.body()).read("$.baseYearSource", String.class)).isEqualTo("GIVEN");

		assertThat(this.http.post("/api/v1/targets", "application/json", body.formatted(""), credentials).body())
			.contains("orgUnit", unit);
		assertThat(this.http.get("/api/v1/targets/" + organisation, credentials).statusCode()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/targets/" + organisation + "/trajectory", credentials).statusCode())
			.isEqualTo(404);
		List<String> listed = JsonPath.parse(this.http.get("/api/v1/targets", credentials).body()).read("$[*].id");
		assertThat(listed).contains(ownId).doesNotContain(organisation);
		DocumentContext trajectory = JsonPath
			.parse(this.http.get("/api/v1/targets/" + ownId + "/trajectory", credentials).body());
		assertThat(trajectory.read("$.years[5].targetKgCo2e", Double.class)).isCloseTo(500, within(TOLERANCE));
		assertThat(trajectory.read("$.baseYearRecalculated", Boolean.class)).as("a given figure").isFalse();
	}

	@Test
	void auditorsReadButDoNotWriteTargets() {
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/users", """
				{"username": "%s", "password": "auditor-password-1", "roles": ["AUDITOR"]}""".formatted(auditor));
		String[] credentials = HttpTestClient.basic(auditor, "auditor-password-1");
		assertThat(this.http.get("/api/v1/targets", credentials).statusCode()).isEqualTo(200);
		assertThat(this.http.post("/api/v1/targets", "application/json", "{}", credentials).statusCode())
			.isEqualTo(403);
		assertThat(this.http.get("/api/v1/targets/" + UUID.randomUUID(), credentials).statusCode()).isEqualTo(404);
	}

}
