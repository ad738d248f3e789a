package org.greenledger.security.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenledger.HttpTestClient.basic;

/**
 * The organisation settings page as a browser uses it (form sign-in, CSRF tokens,
 * POST-redirect-GET): org units, reporting periods, users with roles and org units,
 * disabling; each change in the audit log with before and after; who may read and who may
 * change.
 */
@IntegrationTest
class SettingsPageTests {

	private static final String PASSWORD = "a long enough password";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient admin;

	String nonce;

	@BeforeEach
	void setUp() {
		this.admin = browser("admin", IntegrationTest.ADMIN_PASSWORD);
		this.nonce = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void anAdminCreatesRenamesAndDeactivatesAnOrgUnit() {
		String code = "unit-" + this.nonce;
		String page = submit(this.admin, "/settings/org-units", "code", code, "name", "Research");
		assertThat(page).contains("Org unit " + code + " created.", "<th scope=\"row\">" + code + "</th>", "Research");
		assertThat(JsonPath.<String>read(audit("ORG_UNIT_CREATED", "org-unit:" + code), "$.after.name"))
			.isEqualTo("Research");

		String id = this.jdbc.sql("select id::text from org_unit where code = ?")
			.param(code)
			.query(String.class)
			.single();
		assertThat(submit(this.admin, "/settings/org-units/" + id + "/name", "name", "Research and development"))
			.contains("renamed to Research and development");
		String renamed = audit("ORG_UNIT_RENAMED", "org-unit:" + code);
		assertThat(JsonPath.<String>read(renamed, "$.before.name")).isEqualTo("Research");
		assertThat(JsonPath.<String>read(renamed, "$.after.name")).isEqualTo("Research and development");

		assertThat(submit(this.admin, "/settings/org-units/" + id + "/active", "active", "false"))
			.contains("Org unit " + code + " deactivated");
		String deactivated = audit("ORG_UNIT_DEACTIVATED", "org-unit:" + code);
		assertThat(JsonPath.<Boolean>read(deactivated, "$.before.active")).isTrue();
		assertThat(JsonPath.<Boolean>read(deactivated, "$.after.active")).isFalse();
		// a deactivated unit takes no new data
		HttpResponse<String> upload = this.admin.postMultipart("/api/v1/ingestions", "x.csv", new byte[] { 'x' },
				Map.of("orgUnit", code), MeasuredUploads.admin());
		assertThat(upload.statusCode()).isEqualTo(422);
		assertThat(upload.body()).contains("is deactivated");

		// the same code again (in other case) and a bad code are refused with a reason
		assertThat(submit(this.admin, "/settings/org-units", "code", code.toUpperCase(Locale.ROOT)))
			.contains("exists already");
		assertThat(submit(this.admin, "/settings/org-units", "code", "no spaces allowed"))
			.contains("code: 1 to 100 letters");
	}

	@Test
	void anAdminCreatesAUserAssignsRolesAndUnitsAndDisablesThem() {
		String unit = "team-" + this.nonce;
		submit(this.admin, "/settings/org-units", "code", unit);
		String name = "olivia-" + this.nonce;
		String created = submit(this.admin, "/settings/users", Map.of("username", List.of(name), "password",
				List.of(PASSWORD), "roles", List.of("AUDITOR"), "orgUnits", List.of(unit)));
		assertThat(created).contains("User " + name + " created.");
		String creation = audit("USER_CREATED", "user:" + name);
		assertThat(JsonPath.<List<String>>read(creation, "$.after.roles")).containsExactly("AUDITOR");
		assertThat(JsonPath.<List<String>>read(creation, "$.after.orgUnits")).containsExactly(unit);
		assertThat(creation).doesNotContain(PASSWORD);

		String userPage = "/settings/users/" + name;
		assertThat(
				submit(this.admin, userPage + "/roles", Map.of("roles", List.of("SUSTAINABILITY_OFFICER", "AUDITOR"))))
			.contains("Roles of " + name + " saved.");
		String roles = audit("USER_ROLES_CHANGED", "user:" + name);
		assertThat(JsonPath.<List<String>>read(roles, "$.before.roles")).containsExactly("AUDITOR");
		assertThat(JsonPath.<List<String>>read(roles, "$.after.roles")).containsExactly("AUDITOR",
				"SUSTAINABILITY_OFFICER");

		// no unit ticked: unrestricted
		assertThat(submit(this.admin, userPage + "/org-units", Map.of())).contains("Org units of " + name + " saved.");
		String units = audit("USER_ORG_UNITS_CHANGED", "user:" + name);
		assertThat(JsonPath.<List<String>>read(units, "$.before.orgUnits")).containsExactly(unit);
		assertThat(JsonPath.<List<String>>read(units, "$.after.orgUnits")).isEmpty();
		assertThat(this.admin.get("/api/v1/users/" + name, MeasuredUploads.admin()).body())
			.contains("\"roles\":[\"SUSTAINABILITY_OFFICER\",\"AUDITOR\"]", "\"orgUnits\":[]");

		// signed in, then disabled: the open session ends and signing in again is refused
		HttpTestClient olivia = browser(name, PASSWORD);
		assertThat(olivia.get("/").statusCode()).isEqualTo(200);
		assertThat(submit(this.admin, userPage + "/enabled", "enabled", "false"))
			.contains("User " + name + " disabled.");
		String disabled = audit("USER_DISABLED", "user:" + name);
		assertThat(JsonPath.<Boolean>read(disabled, "$.before.enabled")).isTrue();
		assertThat(JsonPath.<Boolean>read(disabled, "$.after.enabled")).isFalse();
		HttpResponse<String> afterwards = olivia.get("/");
		assertThat(afterwards.statusCode()).isEqualTo(302);
		assertThat(afterwards.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
		assertThat(new HttpTestClient(this.port).signIn(name, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
		assertThat(this.admin.get("/api/v1/me", basic(name, PASSWORD)).statusCode()).isEqualTo(401);

		submit(this.admin, userPage + "/enabled", "enabled", "true");
		assertThat(JsonPath.<Boolean>read(audit("USER_ENABLED", "user:" + name), "$.after.enabled")).isTrue();
		browser(name, PASSWORD);
	}

	@Test
	void aWeakPasswordOrNoRoleIsRefusedWithAReason() {
		assertThat(submit(this.admin, "/settings/users", Map.of("username", List.of("weak-" + this.nonce), "password",
				List.of("short"), "roles", List.of("AUDITOR"))))
			.contains("Passwords need at least 12 characters");
		assertThat(submit(this.admin, "/settings/users",
				Map.of("username", List.of("norole-" + this.nonce), "password", List.of(PASSWORD))))
			.contains("roles: at least one role");
		assertThat(this.admin.get("/api/v1/users/norole-" + this.nonce, MeasuredUploads.admin()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void anAdminCannotRemoveTheirOwnAdminRoleOrDisableThemselves() {
		String name = "boss-" + this.nonce;
		new MeasuredUploads(this.admin).postJson("/api/v1/users", """
				{"username": "%s", "password": "%s", "roles": ["ADMIN"]}""".formatted(name, PASSWORD));
		HttpTestClient boss = browser(name, PASSWORD);
		assertThat(submit(boss, "/settings/users/" + name + "/roles", Map.of("roles", List.of("AUDITOR"))))
			.contains("You cannot remove your own ADMIN role");
		assertThat(submit(boss, "/settings/users/" + name + "/enabled", "enabled", "false"))
			.contains("You cannot disable your own account");
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where subject = ? and action not in ('USER_CREATED', 'SIGNED_IN')")
			.param("user:" + name)
			.query(Integer.class)
			.single()).isZero();
		// the same through the API; another administrator may
		HttpResponse<String> own = put("/api/v1/users/" + name + "/roles", "{\"roles\": [\"AUDITOR\"]}",
				basic(name, PASSWORD));
		assertThat(own.statusCode()).isEqualTo(422);
		assertThat(own.body()).contains("You cannot remove your own ADMIN role");
		HttpResponse<String> other = put("/api/v1/users/" + name + "/roles", "{\"roles\": [\"AUDITOR\"]}",
				MeasuredUploads.admin());
		assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
		String changed = audit("USER_ROLES_CHANGED", "user:" + name);
		assertThat(JsonPath.<List<String>>read(changed, "$.before.roles")).containsExactly("ADMIN");
		assertThat(JsonPath.<List<String>>read(changed, "$.after.roles")).containsExactly("AUDITOR");
	}

	@Test
	void theUserApiChangesOrgUnitsAndDisablesWithAuditRecords() {
		String unit = "apiunit-" + this.nonce;
		this.admin.post("/api/v1/org-units", "application/json", "{\"code\": \"" + unit + "\"}",
				MeasuredUploads.admin());
		String name = "carl-" + this.nonce;
		HttpResponse<String> created = this.admin.post("/api/v1/users", "application/json", """
				{"username": "%s", "password": "%s", "roles": ["AUDITOR"], "orgUnits": ["%s"]}""".formatted(name,
				PASSWORD, unit), MeasuredUploads.admin());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"orgUnits\":[\"" + unit + "\"]");
		assertThat(JsonPath.<String>read(audit("USER_CREATED", "user:" + name), "$.after.username")).isEqualTo(name);

		HttpResponse<String> unknown = put("/api/v1/users/" + name + "/org-units", "{\"orgUnits\": [\"nowhere\"]}",
				MeasuredUploads.admin());
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("is not a registered org unit");
		assertThat(put("/api/v1/users/" + name + "/org-units", "{\"orgUnits\": []}", MeasuredUploads.admin()).body())
			.contains("\"orgUnits\":[]");
		assertThat(JsonPath.<List<String>>read(audit("USER_ORG_UNITS_CHANGED", "user:" + name), "$.before.orgUnits"))
			.containsExactly(unit);

		assertThat(put("/api/v1/users/" + name + "/enabled", "{\"enabled\": false}", MeasuredUploads.admin()).body())
			.contains("\"enabled\":false");
		assertThat(JsonPath.<Boolean>read(audit("USER_DISABLED", "user:" + name), "$.after.enabled")).isFalse();
		assertThat(this.admin.get("/api/v1/me", basic(name, PASSWORD)).statusCode()).isEqualTo(401);
		assertThat(
				put("/api/v1/users/nobody-" + this.nonce + "/enabled", "{\"enabled\": false}", MeasuredUploads.admin())
					.statusCode())
			.isEqualTo(404);
	}

	@Test
	void periodsAreListedAndCreatedThroughTheReportingPeriodService() {
		String name = "S-" + this.nonce;
		String page = submit(this.admin, "/settings/periods", "name", name, "start", "2031-01-01", "end", "2031-12-31");
		assertThat(page).contains("Reporting period " + name + " created.", name + " v1", "DRAFT", "href=\"/reports\"");
		assertThat(JsonPath.<String>read(audit("PERIOD_CREATED", "period:" + name + "/v1"), "$.after.status"))
			.isEqualTo("DRAFT");
	}

	@Test
	void auditorsReadTheSettingsAndOthersMayNot() {
		String auditor = "auditor-" + this.nonce;
		String officer = "officer-" + this.nonce;
		MeasuredUploads api = new MeasuredUploads(this.admin);
		api.postJson("/api/v1/users", """
				{"username": "%s", "password": "%s", "roles": ["AUDITOR"]}""".formatted(auditor, PASSWORD));
		api.postJson("/api/v1/users", """
				{"username": "%s", "password": "%s", "roles": ["SUSTAINABILITY_OFFICER"]}""".formatted(officer,
				PASSWORD));

		HttpTestClient reader = browser(auditor, PASSWORD);
		HttpResponse<String> page = reader.get("/settings");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Org units", "Reporting periods", "Users", "href=\"/settings\"")
			.doesNotContain("action=\"/settings/org-units\"", "action=\"/settings/users\"");
		assertThat(reader.get("/settings/users/" + auditor).body()).doesNotContain("/roles\"");
		HttpResponse<String> write = reader.postForm("/settings/org-units",
				Map.of("code", "nope-" + this.nonce, "_csrf", reader.csrfToken("/settings")));
		assertThat(write.statusCode()).isEqualTo(403);

		HttpTestClient other = browser(officer, PASSWORD);
		assertThat(other.get("/settings").statusCode()).isEqualTo(403);
		assertThat(other.get("/").body()).doesNotContain("href=\"/settings\"");
		assertThat(this.admin.get("/api/v1/org-units", basic(auditor, PASSWORD)).statusCode()).isEqualTo(403);
	}

	@Test
	void aFormWithoutTheCsrfTokenIsRefused() {
		assertThat(this.admin.postForm("/settings/org-units", Map.of("code", "csrf-" + this.nonce)).statusCode())
			.isEqualTo(403);
	}

	@Test
	void theOrgUnitApiRegistersAndCountsTheUnitsData() {
		String code = "api-" + this.nonce;
		HttpResponse<String> created = this.admin.post("/api/v1/org-units", "application/json",
				"{\"code\": \"%s\", \"name\": \"Platform\"}".formatted(code), MeasuredUploads.admin());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		new MeasuredUploads(this.admin).postJson("/api/v1/workloads", """
				{"name": "counted %s", "kind": "SERVICE", "orgUnit": "%s"}""".formatted(this.nonce, code));
		String unit = this.admin.get("/api/v1/org-units/" + code, MeasuredUploads.admin()).body();
		assertThat(JsonPath.<Integer>read(unit, "$.holds.workloads")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(unit, "$.holds.ingestionJobs")).isZero();
		assertThat(this.admin.get("/settings").body()).contains(code);

		HttpResponse<String> unknown = this.admin.post("/api/v1/workloads", "application/json", """
				{"name": "orphan %s", "kind": "SERVICE", "orgUnit": "nowhere-%s"}""".formatted(this.nonce, this.nonce),
				MeasuredUploads.admin());
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("is not a registered org unit");
	}

	private HttpTestClient browser(String user, String password) {
		HttpTestClient browser = new HttpTestClient(this.port);
		assertThat(browser.signIn(user, password).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
		return browser;
	}

	private HttpResponse<String> put(String path, String json, String[] authorization) {
		return this.admin.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.header(authorization[0], authorization[1])
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * Submits a form and returns the page it redirects to (with its confirmation or
	 * problems).
	 */
	private static String submit(HttpTestClient browser, String path, String... fields) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], List.of(fields[i + 1]));
		}
		return submit(browser, path, values);
	}

	/**
	 * Submits a form with a CSRF token (a field may repeat, as checkboxes do) and returns
	 * the page it redirects to.
	 */
	private static String submit(HttpTestClient browser, String path, Map<String, List<String>> fields) {
		StringBuilder body = new StringBuilder("_csrf=" + encode(browser.csrfToken("/account")));
		fields.forEach((name, values) -> values
			.forEach(value -> body.append('&').append(encode(name)).append('=').append(encode(value))));
		HttpResponse<String> response = browser.post(path, "application/x-www-form-urlencoded", body.toString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		return browser.get(URI.create(location).getRawPath()).body();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The details of the latest audit event of that action and subject. */
	private String audit(String action, String subject) {
		return this.jdbc.sql("""
				select details::text from audit_event where action = ? and subject = ? order by id desc limit 1""")
			.params(action, subject)
			.query(String.class)
			.single();
	}

}
