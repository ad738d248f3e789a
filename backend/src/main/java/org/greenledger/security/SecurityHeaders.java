package org.greenledger.security;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers every filter chain sends: a Content-Security-Policy, no framing,
 * no MIME sniffing, a same-origin referrer, no powerful browser features, and HSTS on
 * requests that arrived over TLS (directly or, with {@code X-Forwarded-Proto: https},
 * through a proxy).
 */
final class SecurityHeaders {

	/** HSTS lifetime: one year, the usual minimum for preload lists. */
	static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

	static final String SWAGGER_UI_STYLES = "style-src 'self' 'unsafe-inline'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	private SecurityHeaders() {
	}

	/**
	 * The portal's headers. Scripts and styles come from GreenLedger's own origin only
	 * (no inline script or style); images also as {@code data:} URIs (Swagger UI's
	 * icons).
	 * @param formActionOrigins origins forms may submit or redirect to besides
	 * GreenLedger itself, such as an OIDC issuer for sign-in and sign-out (see
	 * {@link #originOf})
	 */
	static void portal(HttpSecurity http, String... formActionOrigins) throws Exception {
		String policy = portalPolicy(formActionOrigins);
		RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
		apply(http, new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
				new ContentSecurityPolicyHeaderWriter(policy)));
		// Swagger UI's bundle sets a few style attributes in markup; styles cannot run
		// code
		http.headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
				new ContentSecurityPolicyHeaderWriter(policy.replace("style-src 'self'", SWAGGER_UI_STYLES)))));
	}

	/** The API's and actuator's headers: their answers are data, never pages. */
	static void stateless(HttpSecurity http) throws Exception {
		apply(http, new ContentSecurityPolicyHeaderWriter(
				"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"));
	}

	static String portalPolicy(String... formActionOrigins) {
		String formAction = Arrays.stream(formActionOrigins)
			.map(SecurityHeaders::checkedOrigin)
			.collect(Collectors.joining(" ", "'self'" + ((formActionOrigins.length > 0) ? " " : ""), ""));
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action " + formAction
				+ "; frame-ancestors 'none'";
	}

	/** The origin (scheme, host and port) of a URL, e.g. an OIDC issuer's. */
	static String originOf(String url) {
		URI uri = URI.create(url);
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw new IllegalArgumentException("Not an absolute URL: " + url);
		}
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() >= 0) ? ":" + uri.getPort() : "");
	}

	private static String checkedOrigin(String origin) {
		if (!origin.equals(originOf(origin))) {
			throw new IllegalArgumentException("Not an origin (scheme://host[:port]): " + origin);
		}
		return origin;
	}

	private static void apply(HttpSecurity http, HeaderWriter contentSecurityPolicy) throws Exception {
		http.headers(headers -> headers.addHeaderWriter(contentSecurityPolicy)
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(options -> {
			})
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE.toSeconds()).includeSubDomains(true))
			.addHeaderWriter(new PermissionsPolicyHeaderWriter(PERMISSIONS_POLICY)));
	}

}
