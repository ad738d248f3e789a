package org.greenledger.security.web;

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
 * Signing in to the portal over real HTTP, as a browser does: form, CSRF token, session
 * cookie.
 */
@IntegrationTest
class PortalSignInTests {

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	HttpTestClient browser;

	@BeforeEach
	void setUp() {
		this.browser = new HttpTestClient(this.port);
	}

	@Test
	void anonymousVisitorsAreSentToTheSignInPage() {
		HttpResponse<String> home = this.browser.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void adminSignsInAndSeesTheDashboardWithItsNavigation() {
		HttpResponse<String> signIn = this.browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));

		String page = this.browser.get("/").body();
		assertThat(page).contains("<h1>Dashboard</h1>", "Data sources", "Calculator", "Reports", "Suppliers", "Audit");
		assertThat(this.browser.get("/account").body()).contains("Signed in as admin", "<li>ADMIN</li>")
			.doesNotContain("FACTOR_");
	}

	@Test
	void aWrongPasswordShowsAnErrorAndNoDashboard() {
		HttpResponse<String> signIn = this.browser.signIn("admin", "wrong password");
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(this.browser.get("/login?error").body()).contains("Wrong user name or password.");
		assertThat(this.browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void aSignInWithoutTheCsrfTokenIsRefused() {
		HttpResponse<String> response = this.browser.postForm("/login",
				Map.of("username", "admin", "password", IntegrationTest.ADMIN_PASSWORD));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void signingInIssuesANewSessionId() {
		String before = sessionId(this.browser.get("/login"));
		String after = sessionId(this.browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD));
		assertThat(after).isNotEqualTo(before);
	}

	private static String sessionId(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("JSESSIONID="))
			.map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie set by " + response.uri()));
	}

	@Test
	void anAuditorDoesNotSeeAdministrationButDoesSeeTheAuditEntry() {
		String name = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(name, "auditor password 1", Set.of(Role.AUDITOR));
		this.browser.signIn(name, "auditor password 1");
		assertThat(this.browser.get("/").body()).contains("<h1>Dashboard</h1>").contains("Audit");
		assertThat(this.browser.get("/account").body()).contains("<li>AUDITOR</li>");
	}

	@Test
	void aProcurementUserDoesNotSeeTheAuditEntry() {
		String name = "buyer-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(name, "procurement password", Set.of(Role.PROCUREMENT));
		this.browser.signIn(name, "procurement password");
		String page = this.browser.get("/").body();
		assertThat(page).contains("<h1>Dashboard</h1>").doesNotContain("Audit");
	}

	@Test
	void aMachineClientCannotUseThePortal() {
		String name = "machine-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(name, "machine password 1", Set.of(Role.API_CLIENT));
		this.browser.signIn(name, "machine password 1");
		HttpResponse<String> home = this.browser.get("/", "Accept", "text/html");
		assertThat(home.statusCode()).isEqualTo(403);
		assertThat(home.body()).contains("Not allowed");
	}

	@Test
	void aUserChangesTheirPassword() {
		String name = "changer-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(name, "the first password", Set.of(Role.SUSTAINABILITY_OFFICER));
		this.browser.signIn(name, "the first password");
		String token = this.browser.csrfToken("/account");

		HttpResponse<String> wrong = this.browser.postForm("/account/password", Map.of("currentPassword", "nope",
				"newPassword", "the second password", "confirmPassword", "the second password", "_csrf", token));
		assertThat(wrong.body()).contains("The current password is wrong.");

		HttpResponse<String> changed = this.browser.postForm("/account/password",
				Map.of("currentPassword", "the first password", "newPassword", "the second password", "confirmPassword",
						"the second password", "_csrf", token));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(this.browser.get("/account").body()).contains("Your password has been changed.");
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'USER_PASSWORD_CHANGED' and actor = ?"
					+ " and details::text = '{}'")
			.param(name)
			.query(Integer.class)
			.single()).isEqualTo(1);

		HttpTestClient other = new HttpTestClient(this.port);
		assertThat(other.signIn(name, "the second password").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	@Test
	void signingOutEndsTheSession() {
		this.browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String token = this.browser.csrfToken("/");
		HttpResponse<String> signOut = this.browser.postForm("/logout", Map.of("_csrf", token));
		assertThat(signOut.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
		assertThat(this.browser.get("/").statusCode()).isEqualTo(302);
	}

}
