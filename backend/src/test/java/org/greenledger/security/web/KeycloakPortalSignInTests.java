package org.greenledger.security.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.KeycloakIntegrationTest;
import org.greenledger.KeycloakServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portal sign-in through the real Keycloak, followed hop by hop with a cookie-keeping
 * HTTP client: the authorization request with PKCE, Keycloak's own login form, the code's
 * return to the portal, and the sign-out that ends the Keycloak session too.
 */
@KeycloakIntegrationTest
class KeycloakPortalSignInTests {

	private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");

	private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	KeycloakServer keycloak = KeycloakServer.get();

	HttpTestClient browser;

	@BeforeEach
	void setUp() {
		this.browser = new HttpTestClient(this.port);
	}

	@Test
	void theSignInPageOffersKeycloakInsteadOfAPasswordForm() {
		String page = this.browser.get("/login").body();
		assertThat(page).contains("Sign in with Keycloak", "href=\"/oauth2/authorization/oidc\"")
			.doesNotContain("name=\"password\"");
	}

	@Test
	void anOfficerSignsInAtKeycloakWithPkceAndSignsOutThereToo() {
		assertThat(location(this.browser.get("/reports"))).endsWith("/login");

		URI authorization = URI.create(location(this.browser.get("/oauth2/authorization/oidc")));
		Map<String, String> request = query(authorization);
		assertThat(authorization.toString()).startsWith(this.keycloak.issuer() + "/protocol/openid-connect/auth?");
		assertThat(request).containsEntry("client_id", "greenledger-portal")
			.containsEntry("response_type", "code")
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("redirect_uri", "http://127.0.0.1:" + this.port + "/login/oauth2/code/oidc")
			.containsKeys("code_challenge", "state", "nonce");
		assertThat(request.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");

		HttpResponse<String> callback = signInAtKeycloak(authorization, "demo-officer", "demo-only-officer");
		String returned = location(callback);
		assertThat(returned).startsWith("http://127.0.0.1:" + this.port + "/login/oauth2/code/oidc?").contains("code=");
		String landing = location(this.browser.send(get(returned)));
		assertThat(landing).contains("/reports");

		assertThat(this.browser.get("/reports").body()).contains("class=\"user-name\">demo-officer</a>");
		assertThat(this.browser.get("/").body()).contains("<h1>Dashboard</h1>");
		assertThat(this.browser.get("/account").body())
			.contains("Signed in as demo-officer.", "<li>SUSTAINABILITY_OFFICER</li>", "managed by Keycloak")
			.doesNotContain("name=\"currentPassword\"");

		// the sign-out form's redirect to Keycloak is allowed by the portal's
		// Content-Security-Policy
		assertThat(this.browser.get("/").headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(policy -> assertThat(policy).contains("form-action 'self' "
					+ this.keycloak.issuer().substring(0, this.keycloak.issuer().indexOf("/realms/"))));
		HttpResponse<String> logout = this.browser.postForm("/logout", Map.of("_csrf", this.browser.csrfToken("/")));
		URI endSession = URI.create(location(logout));
		assertThat(endSession.toString()).startsWith(this.keycloak.issuer() + "/protocol/openid-connect/logout?");
		assertThat(query(endSession)).containsKey("id_token_hint")
			.containsEntry("post_logout_redirect_uri", "http://127.0.0.1:" + this.port + "/login?logout");
		String back = location(this.browser.send(get(endSession.toString())));
		assertThat(back).startsWith("http://127.0.0.1:" + this.port + "/login?logout");
		assertThat(this.browser.send(get(back)).body()).contains("You have signed out.");
		assertThat(location(this.browser.get("/"))).endsWith("/login");

		// the Keycloak session has ended as well: signing in again asks for the password
		URI again = URI.create(location(this.browser.get("/oauth2/authorization/oidc")));
		assertThat(this.browser.send(get(again.toString())).body()).contains("kc-form-login");
	}

	@Test
	void anAuditorSignedInAtKeycloakMayReadButNotChangeSuppliers() {
		URI authorization = URI.create(location(this.browser.get("/oauth2/authorization/oidc")));
		this.browser.send(get(location(signInAtKeycloak(authorization, "demo-auditor", "demo-only-auditor"))));
		assertThat(this.browser.get("/suppliers").statusCode()).isEqualTo(200);
		HttpResponse<String> create = this.browser.postForm("/suppliers",
				Map.of("_csrf", this.browser.csrfToken("/"), "name", "Refused supplier"));
		assertThat(create.statusCode()).isEqualTo(403);
	}

	@Test
	void aSignInRefusedAtKeycloakReturnsToTheSignInPageAndIsPublished() {
		List<AbstractAuthenticationFailureEvent> failures = new CopyOnWriteArrayList<>();
		ApplicationListener<AbstractAuthenticationFailureEvent> listener = failures::add;
		this.context.addApplicationListener(listener);
		try {
			URI authorization = URI.create(location(this.browser.get("/oauth2/authorization/oidc")));
			String state = query(authorization).get("state");
			// what Keycloak sends back when the user cancels or consent is refused
			HttpResponse<String> refused = this.browser.get("/login/oauth2/code/oidc?error=access_denied&state="
					+ URLEncoder.encode(state, StandardCharsets.UTF_8) + "&iss="
					+ URLEncoder.encode(this.keycloak.issuer(), StandardCharsets.UTF_8));
			assertThat(location(refused)).endsWith("/login?error");
			assertThat(this.browser.get("/login?error").body()).contains("Signing in with Keycloak did not succeed.");
			assertThat(failures).singleElement()
				.satisfies(failure -> assertThat(failure.getException().getMessage()).contains("access_denied"));
		}
		finally {
			this.context.removeApplicationListener(listener);
		}
	}

	/** Fills in Keycloak's login form; answers Keycloak's redirect back to the portal. */
	private HttpResponse<String> signInAtKeycloak(URI authorization, String username, String password) {
		HttpResponse<String> loginPage = this.browser.send(get(authorization.toString()));
		assertThat(loginPage.statusCode()).isEqualTo(200);
		Matcher form = LOGIN_FORM.matcher(loginPage.body());
		assertThat(form.find()).as("Keycloak's login form").isTrue();
		Matcher action = ACTION.matcher(form.group());
		assertThat(action.find()).isTrue();
		String target = action.group(1).replace("&amp;", "&");
		assertThat(target).startsWith(this.keycloak.issuer() + "/login-actions/authenticate");
		HttpResponse<String> signedIn = this.browser.send(HttpRequest.newBuilder(URI.create(target))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password))
			.build());
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
		return signedIn;
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).GET().build();
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static Map<String, String> query(URI uri) {
		return Arrays.stream(uri.getRawQuery().split("&"))
			.map(pair -> pair.split("=", 2))
			.collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
					pair -> (pair.length > 1) ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
	}

}
