package org.greenledger.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The security headers of every filter chain, over real HTTP, and the portal's templates
 * keeping to what the Content-Security-Policy allows.
 */
@IntegrationTest
class SecurityHeadersTests {

	private static final String HSTS = "Strict-Transport-Security";

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void portalPagesForbidInlineScriptFramingAndForeignForms() {
		HttpResponse<String> login = this.http.get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(header(login, "Content-Security-Policy")).contains("default-src 'self'")
			.contains("script-src 'self';")
			.contains("style-src 'self';")
			.contains("object-src 'none'")
			.contains("base-uri 'self'")
			.contains("form-action 'self';")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertCommonHeaders(login);
	}

	@Test
	void swaggerUiMaySetStyleAttributesButRunsNoInlineScript() {
		HttpResponse<String> swagger = this.http.get("/swagger-ui/index.html");
		assertThat(swagger.statusCode()).isEqualTo(200);
		assertThat(header(swagger, "Content-Security-Policy")).contains("style-src 'self' 'unsafe-inline';")
			.contains("script-src 'self';")
			.contains("frame-ancestors 'none'");
		assertCommonHeaders(swagger);
		assertThat(header(this.http.get("/swagger-ui.html"), "Content-Security-Policy")).contains("style-src 'self';");
	}

	@Test
	void signedInPagesAndRefusalsCarryTheHeadersToo() {
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		assertCommonHeaders(this.http.get("/"));
		assertThat(header(this.http.get("/"), "Content-Security-Policy")).contains("frame-ancestors 'none'");
		HttpResponse<String> anonymous = new HttpTestClient(this.port).get("/sites");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertCommonHeaders(anonymous);
	}

	@Test
	void theApiAndTheActuatorAnswerWithAPolicyThatAllowsNothing() {
		for (HttpResponse<String> response : List.of(this.http.get("/api/v1/me"),
				this.http.get("/api/v1/me", HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD)),
				this.http.get("/actuator/health"))) {
			assertThat(header(response, "Content-Security-Policy")).startsWith("default-src 'none'")
				.contains("frame-ancestors 'none'");
			assertCommonHeaders(response);
		}
	}

	@Test
	void hstsIsSentOnlyForRequestsThatCameOverTls() {
		assertThat(this.http.get("/login").headers().firstValue(HSTS)).isEmpty();
		assertThat(this.http.get("/api/v1/me").headers().firstValue(HSTS)).isEmpty();

		String expected = "max-age=31536000 ; includeSubDomains";
		assertThat(this.http.get("/login", "X-Forwarded-Proto", "https").headers().firstValue(HSTS)).hasValue(expected);
		assertThat(this.http.get("/api/v1/me", "X-Forwarded-Proto", "https").headers().firstValue(HSTS))
			.hasValue(expected);
		assertThat(this.http.get("/actuator/health", "X-Forwarded-Proto", "https").headers().firstValue(HSTS))
			.hasValue(expected);
	}

	@Test
	void aPortalFormWithoutItsCsrfTokenIsRefused() {
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		HttpResponse<String> response = this.http.postForm("/sites", Map.of("code", "no-token", "name", "No token"));
		assertThat(response.statusCode()).isEqualTo(403);
		HttpResponse<String> forged = this.http.postForm("/sites",
				Map.of("code", "forged", "name", "Forged", "_csrf", "not-the-token"));
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void formsMayAlsoGoToConfiguredOriginsSuchAsTheIdentityProvider() {
		assertThat(SecurityHeaders.portalPolicy("https://id.example.org:8443"))
			.contains("form-action 'self' https://id.example.org:8443;");
		assertThat(SecurityHeaders.originOf("https://id.example.org/realms/greenledger"))
			.isEqualTo("https://id.example.org");
		assertThatIllegalArgumentException().isThrownBy(() -> SecurityHeaders.portalPolicy("https://a.example/x; y"));
		assertThatIllegalArgumentException().isThrownBy(() -> SecurityHeaders.portalPolicy("*"));
	}

	/**
	 * The policy allows no inline script, event handler or style: templates load scripts
	 * and styles from static files. (The report document is a self-contained download,
	 * never shown by the portal.)
	 */
	@Test
	void templatesHaveNoInlineScriptEventHandlerOrStyle() throws IOException {
		Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>");
		Pattern handler = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
		Pattern style = Pattern.compile("<style|\\s(th:)?style\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
		List<String> problems = new ArrayList<>();
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
		assertThat(templates).isNotEmpty();
		for (Resource template : templates) {
			String name = template.getFilename();
			String html;
			try (InputStream in = template.getInputStream()) {
				html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			for (Pattern pattern : List.of(inlineScript, handler, style)) {
				Matcher matcher = pattern.matcher(html);
				if (matcher.find() && !("report-document.html".equals(name) && pattern == style)) {
					problems.add(name + ": " + matcher.group());
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static void assertCommonHeaders(HttpResponse<String> response) {
		assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
		assertThat(header(response, "Referrer-Policy")).isEqualTo("same-origin");
		assertThat(header(response, "Permissions-Policy")).contains("camera=()");
		assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
	}

	private static String header(HttpResponse<String> response, String name) {
		return response.headers()
			.firstValue(name)
			.orElseThrow(() -> new AssertionError("No " + name + " on " + response.uri()));
	}

}
