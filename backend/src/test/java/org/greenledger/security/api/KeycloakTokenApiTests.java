package org.greenledger.security.api;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.KeycloakIntegrationTest;
import org.greenledger.KeycloakServer;
import org.greenledger.audit.AuditEvent;
import org.greenledger.audit.AuditEvents;
import org.greenledger.audit.AuditFilter;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as a resource server of the real Keycloak: tokens of the demo realm by the
 * password grant (each demo user) and the client-credentials grant (the machine client),
 * their roles, what each may call, and the tokens it refuses.
 */
@KeycloakIntegrationTest
class KeycloakTokenApiTests {

	record DemoUser(String username, String password, String role) {
	}

	/** The demo users of docker/keycloak/greenledger-realm.json. */
	static final List<DemoUser> DEMO_USERS = List.of(new DemoUser("demo-admin", "demo-only-admin", "ADMIN"),
			new DemoUser("demo-officer", "demo-only-officer", "SUSTAINABILITY_OFFICER"),
			new DemoUser("demo-auditor", "demo-only-auditor", "AUDITOR"),
			new DemoUser("demo-procurement", "demo-only-procurement", "PROCUREMENT"));

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	AuditEvents audit;

	@Autowired
	UserAccounts accounts;

	KeycloakServer keycloak = KeycloakServer.get();

	@Test
	void eachDemoUsersTokenSignsThemInWithTheirRoleOnly() {
		HttpTestClient http = new HttpTestClient(this.port);
		for (DemoUser user : DEMO_USERS) {
			String token = this.keycloak.passwordGrant(user.username(), user.password());
			HttpResponse<String> me = http.get("/api/v1/me", bearer(token));
			assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
			DocumentContext json = JsonPath.parse(me.body());
			assertThat(json.read("$.username", String.class)).isEqualTo(user.username());
			// Keycloak's own roles (default-roles-greenledger, offline_access, ...) are
			// ignored
			assertThat(json.read("$.roles", List.class)).containsExactly(user.role());
		}
	}

	@Test
	void theMachineClientUsesTheScoringApiButNotTheFootprint() {
		HttpTestClient http = new HttpTestClient(this.port);
		String token = this.keycloak.clientCredentials(KeycloakIntegrationTest.API_CLIENT_ID,
				KeycloakIntegrationTest.API_CLIENT_SECRET);

		DocumentContext me = JsonPath.parse(http.get("/api/v1/me", bearer(token)).body());
		assertThat(me.read("$.username", String.class)).isEqualTo("service-account-greenledger-api");
		assertThat(me.read("$.roles", List.class)).containsExactly("API_CLIENT");

		HttpResponse<String> score = http.post("/api/v1/procurement/score", "application/json",
				"{\"profile\": {\"facility.pue\": 1.55}}", bearer(token));
		assertThat(score.statusCode()).as(score.body()).isEqualTo(200);
		assertThat(JsonPath.parse(score.body()).read("$.score", Double.class)).isPositive();

		HttpResponse<String> footprint = http.get("/api/v1/footprint?from=2030-01-01&to=2030-02-01", bearer(token));
		assertThat(footprint.statusCode()).isEqualTo(403);
		assertThat(footprint.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void anAuditorReadsTheFootprintButMayNotUpload() {
		HttpTestClient http = new HttpTestClient(this.port);
		String token = this.keycloak.passwordGrant("demo-auditor", "demo-only-auditor");
		assertThat(http.get("/api/v1/footprint?from=2030-01-01&to=2030-02-01", bearer(token)).statusCode())
			.isEqualTo(200);
		HttpResponse<String> upload = http.postMultipart("/api/v1/ingestions", "bill.csv", "a,b\n".getBytes(),
				Map.of("format", "FOCUS"), bearer(token));
		assertThat(upload.statusCode()).isEqualTo(403);
		assertThat(JsonPath.parse(upload.body()).read("$.detail", String.class))
			.isEqualTo("Your roles do not allow this request.");
	}

	@Test
	void localUsersAreNeitherCreatedNorChangedInOidcMode() {
		HttpTestClient http = new HttpTestClient(this.port);
		String admin = bearer(this.keycloak.passwordGrant("demo-admin", "demo-only-admin"))[1];
		String json = "application/json";
		String existing = "local-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(existing, "long enough password", Set.of(Role.SUSTAINABILITY_OFFICER));
		String created = "local-" + UUID.randomUUID().toString().substring(0, 8);
		String user = "/api/v1/users/" + existing;
		List<HttpResponse<String>> refused = List.of(
				http.post("/api/v1/users", json,
						"""
								{"username": "%s", "password": "long enough password", "roles": ["AUDITOR"]}"""
							.formatted(created),
						"Authorization", admin),
				http.put(user + "/roles", json, "{\"roles\": [\"ADMIN\"]}", "Authorization", admin),
				http.put(user + "/org-units", json, "{\"orgUnits\": [\"nowhere\"]}", "Authorization", admin),
				http.put(user + "/enabled", json, "{\"enabled\": false}", "Authorization", admin));
		for (HttpResponse<String> response : refused) {
			assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isEqualTo(409);
			assertThat(JsonPath.parse(response.body()).read("$.detail", String.class)).contains("managed in",
					"OIDC mode");
		}
		assertThat(this.accounts.find(created)).isEmpty();
		assertThat(this.accounts.find(existing)).hasValueSatisfying(account -> {
			assertThat(account.roles()).containsExactly(Role.SUSTAINABILITY_OFFICER);
			assertThat(account.enabled()).isTrue();
		});
	}

	@Test
	void withoutATokenTheApiAsksForOne() {
		HttpTestClient http = new HttpTestClient(this.port);
		HttpResponse<String> anonymous = http.get("/api/v1/me");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

		// local users do not sign in to the API in OIDC mode
		HttpResponse<String> basic = http.get("/api/v1/me",
				HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD));
		assertThat(basic.statusCode()).isEqualTo(401);
	}

	@Test
	void malformedTamperedForeignOtherIssuersAndAudiencelessTokensAre401Problems() throws JOSEException {
		HttpTestClient http = new HttpTestClient(this.port);
		String valid = this.keycloak.passwordGrant("demo-officer", "demo-only-officer");
		String[] parts = valid.split("\\.");
		String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
		// the realm's issuer and GreenLedger's audience, but signed by a key Keycloak
		// never had
		String foreign = sign(new JWTClaimsSet.Builder().issuer(this.keycloak.issuer())
			.audience("greenledger")
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.claim("preferred_username", "demo-admin")
			.claim("roles", List.of("ADMIN"))
			.build());
		// a real token of the realm, but for Keycloak's admin-cli: no GreenLedger
		// audience
		String audienceless = JsonPath.read(this.keycloak
			.tokenRequest(KeycloakServer.REALM, Map.of("grant_type", "password", "client_id", "admin-cli", "username",
					"demo-admin", "password", "demo-only-admin"))
			.body(), "$.access_token");

		// a real token of the same Keycloak, but of its master realm: another issuer and
		// keys
		String otherIssuer = this.keycloak.masterAdminToken();

		for (String token : List.of("not-a-jwt", tampered, foreign, audienceless, otherIssuer)) {
			HttpResponse<String> response = http.get("/api/v1/me", bearer(token));
			assertThat(response.statusCode()).as(token).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
			DocumentContext problem = JsonPath.parse(response.body());
			assertThat(problem.read("$.status", Integer.class)).isEqualTo(401);
			assertThat(problem.read("$.detail", String.class)).startsWith("The bearer token is not valid here");
		}
	}

	@Test
	void anExpiredTokenIs401AndAuditedAsAFailedSignInWithoutTheToken() throws InterruptedException {
		String clientId = "short-lived-" + UUID.randomUUID();
		HttpResponse<String> created = this.keycloak.admin("POST", "/clients", """
				{"clientId": "%s", "publicClient": true, "standardFlowEnabled": false,
				 "directAccessGrantsEnabled": true, "attributes": {"access.token.lifespan": "5"},
				 "protocolMappers": [{"name": "audience", "protocol": "openid-connect",
				   "protocolMapper": "oidc-audience-mapper",
				   "config": {"included.custom.audience": "greenledger", "access.token.claim": "true"}}]}"""
			.formatted(clientId));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		List<AbstractAuthenticationFailureEvent> failures = new CopyOnWriteArrayList<>();
		ApplicationListener<AbstractAuthenticationFailureEvent> listener = failures::add;
		this.context.addApplicationListener(listener);
		try {
			String token = JsonPath.read(this.keycloak
				.tokenRequest(KeycloakServer.REALM, Map.of("grant_type", "password", "client_id", clientId, "username",
						"demo-auditor", "password", "demo-only-auditor"))
				.body(), "$.access_token");
			HttpTestClient http = new HttpTestClient(this.port);
			assertThat(http.get("/api/v1/me", bearer(token)).statusCode()).isEqualTo(200);
			// expiry is in whole seconds and checked without clock skew here: wait until
			// it has passed rather than for the lifespan
			long expiresAt = ((Number) JsonPath.read(
					new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8), "$.exp"))
				.longValue() * 1000;
			Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 1100);
			HttpResponse<String> expired = http.get("/api/v1/me", bearer(token));
			assertThat(expired.statusCode()).isEqualTo(401);
			assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");

			assertThat(failures).singleElement()
				.satisfies(failure -> assertThat(failure.getException().getMessage()).contains("expired")
					.doesNotContain(token));
			// audited as a failed sign-in, without the token
			List<AuditEvent> audited = this.audit
				.page(AuditFilter.of("anonymous", "SIGN_IN_FAILED", null, null, null), null, 50)
				.events();
			assertThat(audited).anySatisfy(event -> assertThat(event.details()).containsEntry("method", "bearer")
				.containsEntry("failure", "InvalidBearerToken")
				.containsEntry("path", "/api/v1/me"));
			assertThat(audited).allSatisfy(event -> assertThat(event.details().toString()).doesNotContain(token));
		}
		finally {
			this.context.removeApplicationListener(listener);
			String id = JsonPath.read(this.keycloak.admin("GET", "/clients?clientId=" + clientId, null).body(),
					"$[0].id");
			this.keycloak.admin("DELETE", "/clients/" + id, null);
		}
	}

	@Test
	void theOrgUnitsOfAKeycloakUserNarrowTheirScope() {
		String username = "scoped-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = this.keycloak.admin("POST", "/users", """
				{"username": "%s", "enabled": true, "email": "%1$s@example.invalid", "emailVerified": true,
				 "firstName": "Scoped", "lastName": "Officer", "attributes": {"org_units": ["kc-test-unit"]},
				 "credentials": [{"type": "password", "value": "scoped-password-1", "temporary": false}]}"""
			.formatted(username));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String user = location.substring(location.indexOf("/users/"));
		try {
			String role = this.keycloak.admin("GET", "/roles/SUSTAINABILITY_OFFICER", null).body();
			assertThat(this.keycloak.admin("POST", user + "/role-mappings/realm", "[" + role + "]").statusCode())
				.isEqualTo(204);
			HttpTestClient http = new HttpTestClient(this.port);
			String byTag = "/api/v1/footprint?from=2030-01-01&to=2030-02-01&groupBy=tag:team";

			String scoped = this.keycloak.passwordGrant(username, "scoped-password-1");
			HttpResponse<String> refused = http.get(byTag, bearer(scoped));
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
			assertThat(refused.body()).contains("not available to a user assigned to org units");

			String unrestricted = this.keycloak.passwordGrant("demo-officer", "demo-only-officer");
			assertThat(http.get(byTag, bearer(unrestricted)).statusCode()).isEqualTo(200);
		}
		finally {
			this.keycloak.admin("DELETE", user, null);
		}
	}

	private static String[] bearer(String token) {
		return new String[] { "Authorization", "Bearer " + token };
	}

	private static String sign(JWTClaimsSet claims) throws JOSEException {
		RSAKey key = new RSAKeyGenerator(2048).keyID("foreign").generate();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
