package org.greenledger.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.audit.AuditEvent;
import org.greenledger.audit.AuditEvents;
import org.greenledger.audit.AuditFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins in the audit log: failed ones through the portal form and through HTTP Basic,
 * successful portal sign-ins, and no flood from authenticated API calls.
 */
@IntegrationTest
class SignInAuditTests {

	private static final String PASSWORD = "sign-in password 1";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	AuditEvents events;

	@Autowired
	AuthenticationEventPublisher publisher;

	String name;

	@BeforeEach
	void setUp() {
		this.name = "signer-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(this.name, PASSWORD, Set.of(Role.SUSTAINABILITY_OFFICER));
	}

	@Test
	void aWrongPasswordOnThePortalFormIsRecordedWithoutThePassword() {
		new HttpTestClient(this.port).signIn(this.name, "the wrong password");
		List<AuditEvent> recorded = events();
		assertThat(recorded).singleElement().satisfies(event -> {
			assertThat(event.action()).isEqualTo("SIGN_IN_FAILED");
			assertThat(event.subject()).isEqualTo("user:" + this.name);
			assertThat(event.details()).containsEntry("username", this.name)
				.containsEntry("failure", "BadCredentials")
				.containsEntry("method", "form")
				.containsEntry("path", "/login")
				.containsEntry("remoteAddress", "127.0.0.1");
			assertThat(event.details().toString()).doesNotContain("wrong password");
		});
	}

	@Test
	void aWrongPasswordOverHttpBasicIsRecorded() {
		HttpTestClient http = new HttpTestClient(this.port);
		assertThat(http.get("/api/v1/me", HttpTestClient.basic(this.name, "the wrong password")).statusCode())
			.isEqualTo(401);
		assertThat(events()).singleElement().satisfies(event -> {
			assertThat(event.action()).isEqualTo("SIGN_IN_FAILED");
			assertThat(event.details()).containsEntry("method", "basic")
				.containsEntry("path", "/api/v1/me")
				.containsEntry("failure", "BadCredentials");
		});
	}

	@Test
	void anUnknownUserNameIsRecordedAsTried() {
		String unknown = "nobody-" + this.name;
		new HttpTestClient(this.port).signIn(unknown, "whatever password");
		assertThat(this.events.page(AuditFilter.of(unknown, null, null, null, null), null, 10).events()).singleElement()
			.satisfies(event -> assertThat(event.details()).containsEntry("failure", "BadCredentials"));
	}

	@Test
	void aPortalSignInIsRecordedButAuthenticatedApiCallsAreNot() {
		HttpTestClient browser = new HttpTestClient(this.port);
		browser.signIn(this.name, PASSWORD);
		browser.get("/");
		HttpTestClient api = new HttpTestClient(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(api.get("/api/v1/me", HttpTestClient.basic(this.name, PASSWORD)).statusCode()).isEqualTo(200);
		}
		assertThat(events()).singleElement().satisfies(event -> {
			assertThat(event.action()).isEqualTo("SIGNED_IN");
			assertThat(event.details()).containsEntry("method", "form").containsEntry("remoteAddress", "127.0.0.1");
		});
	}

	@Test
	void theForwardedClientAddressIsRecordedBehindAProxy() {
		HttpTestClient http = new HttpTestClient(this.port);
		http.get("/api/v1/me", "Authorization", HttpTestClient.basic(this.name, "wrong password!")[1],
				"X-Forwarded-For", "203.0.113.7");
		assertThat(events()).singleElement()
			.satisfies(event -> assertThat(event.details()).containsEntry("remoteAddress", "203.0.113.7"));
	}

	@Test
	void anyOtherFailedAuthenticationIsRecordedWithoutItsToken() {
		String secret = "secret-token-" + this.name;
		Authentication token = new TestingAuthenticationToken(secret, null);
		this.publisher.publishAuthenticationFailure(new AuthenticationException("The token is not valid") {
		}, token);
		List<AuditEvent> recorded = this.events
			.page(AuditFilter.of("anonymous", "SIGN_IN_FAILED", null, null, null), null, 20)
			.events();
		assertThat(recorded)
			.anySatisfy(event -> assertThat(event.details()).containsEntry("method", "TestingAuthenticationToken"));
		assertThat(recorded).allSatisfy(event -> assertThat(event.details().toString()).doesNotContain(secret));
	}

	private List<AuditEvent> events() {
		return this.events.page(AuditFilter.of(this.name, "SIGN", null, null, null), null, 10).events();
	}

}
