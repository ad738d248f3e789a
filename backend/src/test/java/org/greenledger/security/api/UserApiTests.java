package org.greenledger.security.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenledger.HttpTestClient.basic;

/**
 * The user API over real HTTP: HTTP Basic, roles, and RFC 9457 problems for every
 * refusal.
 */
@IntegrationTest
class UserApiTests {

	private static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void adminSeesWhoTheyAre() {
		HttpResponse<String> response = this.http.get("/api/v1/me", admin());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"username\":\"admin\",\"roles\":[\"ADMIN\"]}");
	}

	@Test
	void withoutCredentialsTheApiAnswers401AsAProblemAndCreatesNoSession() {
		HttpResponse<String> response = this.http.get("/api/v1/me");
		assertProblem(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"GreenLedger\"");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void aWrongPasswordIs401() {
		assertProblem(this.http.get("/api/v1/me", basic("admin", "not-the-password")), 401);
	}

	@Test
	void adminCreatesAUserWhoCanThenSignIn() {
		String name = unique("officer");
		HttpResponse<String> created = createUser(name, "a long enough password", "SUSTAINABILITY_OFFICER");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/users/" + name));
		assertThat(created.body()).contains("\"roles\":[\"SUSTAINABILITY_OFFICER\"]").doesNotContain("password");

		HttpResponse<String> me = this.http.get("/api/v1/me", basic(name, "a long enough password"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"roles\":[\"SUSTAINABILITY_OFFICER\"]");
	}

	@Test
	void onlyAdminMayManageUsers() {
		String name = unique("auditor");
		createUser(name, "a long enough password", "AUDITOR");
		assertProblem(this.http.get("/api/v1/users", basic(name, "a long enough password")), 403);
	}

	@Test
	void aTakenNameIs409() {
		String name = unique("twice");
		createUser(name, "a long enough password", "AUDITOR");
		HttpResponse<String> again = createUser(name, "another long password", "AUDITOR");
		assertProblem(again, 409);
		assertThat(again.body()).contains("exists already");
	}

	@Test
	void invalidFieldsAre422WithEachField() {
		HttpResponse<String> response = this.http.post("/api/v1/users", "application/json",
				"{\"username\":\"has space\",\"roles\":[]}", admin());
		assertProblem(response, 422);
		assertThat(response.body()).contains("\"field\":\"username\"")
			.contains("\"field\":\"password\"")
			.contains("\"field\":\"roles\"");
	}

	@Test
	void aShortPasswordIs422() {
		assertProblem(createUser(unique("short"), "too short", "AUDITOR"), 422);
	}

	@Test
	void malformedJsonIs400WithItsPosition() {
		HttpResponse<String> response = this.http.post("/api/v1/users", "application/json", "{\"username\":", admin());
		assertProblem(response, 400);
		assertThat(response.body()).contains("not valid JSON (line 1, column");
	}

	@Test
	void anUnknownRoleIs422NamingTheFieldAndTheAllowedOnes() {
		HttpResponse<String> response = createUser(unique("king"), "a long enough password", "KING");
		assertProblem(response, 422);
		assertThat(response.body()).contains("\"field\":\"roles[0]\"")
			.contains("invalid value 'KING'")
			.contains("AUDITOR");
	}

	@Test
	void aWrongContentTypeIs415() {
		assertProblem(this.http.post("/api/v1/users", "text/plain", "username=x", admin()), 415);
	}

	@Test
	void anUnknownAddressIs404() {
		assertProblem(this.http.get("/api/v1/no-such-thing", admin()), 404);
		assertProblem(this.http.get("/api/v1/users/nobody-" + UUID.randomUUID(), admin()), 404);
	}

	@Test
	void aBodyOverTheUploadLimitIs413() {
		String twoMegabytes = "x".repeat(2 * 1024 * 1024);
		HttpResponse<String> response = this.http.post("/api/v1/users", "application/json", twoMegabytes, admin());
		assertProblem(response, 413);
		// the limit and what to do, in words; never the setting's name
		assertThat(response.body()).contains("this server accepts at most 1 MB", "ask your administrator")
			.doesNotContain("greenledger.max-upload-size");
	}

	@Test
	void aChunkedBodyOverTheUploadLimitIs413() {
		// A valid JSON start with an endless string value, sent without a length: the
		// server reads
		// until the limit.
		List<byte[]> parts = new ArrayList<>();
		parts.add("{\"username\":\"".getBytes(StandardCharsets.UTF_8));
		byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < 32; i++) {
			parts.add(chunk);
		}
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/users"))
				.header("Content-Type", "application/json")
				.header("Authorization", admin()[1])
				.POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
				.build());
		assertProblem(response, 413);
	}

	@Test
	void aPasswordLongerThanBcryptAcceptsIs422() {
		assertProblem(createUser(unique("long"), "p".repeat(60) + "ééééééé", "AUDITOR"), 422);
	}

	private HttpResponse<String> createUser(String name, String password, String role) {
		return this.http.post("/api/v1/users", "application/json",
				"{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"]}",
				admin());
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
		assertThat(response.body()).contains("\"status\":" + status).contains("\"title\":").doesNotContain("at org.");
	}

	private static String[] admin() {
		return basic("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
