package org.greenledger.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.greenledger.system.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Three filter chains and who may call what, the same in both security modes. The API and
 * the actuator are stateless and answer 401/403 as problem details; the portal keeps a
 * session and protects its forms against CSRF. How a request authenticates is the
 * {@link SignInMode}'s: {@link LocalSignIn} (form, HTTP Basic) unless an OIDC issuer is
 * configured ({@link OidcSignIn}: the provider's sign-in, bearer tokens).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	static final String[] PORTAL_ROLES = { Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name(), Role.AUDITOR.name(),
			Role.PROCUREMENT.name() };

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, SignInMode signIn) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/users/**", "/api/v1/org-units/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/factor-sets/**")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/factor-sets/**")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/sites/**", "/api/v1/workloads/*/training",
						"/api/v1/periods/*/net-revenue")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/sites/**", "/api/v1/workloads/**", "/api/v1/periods/**",
						"/api/v1/reports/**")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/targets/**", "/api/v1/opportunities/**")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name(), Role.AUDITOR.name())
				.requestMatchers("/api/v1/targets/**", "/api/v1/opportunities/**")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/carbon-aware/**")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name(), Role.AUDITOR.name(),
						Role.API_CLIENT.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/provider-carbon/**")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name())
				.requestMatchers("/api/v1/factors/**", "/api/v1/factor-sets/**", "/api/v1/estimates/**",
						"/api/v1/footprint/**", "/api/v1/sites/**", "/api/v1/workloads/**",
						"/api/v1/measured-energy/**", "/api/v1/periods/**", "/api/v1/reports/**",
						"/api/v1/provider-carbon/**", "/api/v1/reconciliation/**")
				.hasAnyRole(PORTAL_ROLES)
				.requestMatchers(HttpMethod.GET, "/api/v1/connectors/**")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name(), Role.AUDITOR.name())
				.requestMatchers("/api/v1/connectors/**")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/procurement/score")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name(), Role.PROCUREMENT.name(),
						Role.AUDITOR.name(), Role.API_CLIENT.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/procurement/methodologies")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name(), Role.PROCUREMENT.name(),
						Role.AUDITOR.name(), Role.API_CLIENT.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/procurement/**")
				.hasAnyRole(Role.ADMIN.name(), Role.PROCUREMENT.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/procurement/**")
				.hasAnyRole(PORTAL_ROLES)
				.requestMatchers(HttpMethod.POST, "/api/v1/ingestions/**")
				.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name(), Role.API_CLIENT.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/ingestions/**", "/api/v1/me")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/api/v1/audit-events/**")
				.hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
				// whatever no rule names is for ADMIN only
				.anyRequest()
				.hasRole(Role.ADMIN.name()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		signIn.api(http);
		SecurityHeaders.stateless(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuatorSecurity(HttpSecurity http, SignInMode signIn) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole(Role.ADMIN.name()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		signIn.api(http);
		SecurityHeaders.stateless(http);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain portalSecurity(HttpSecurity http, SignInMode signIn) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error", "/error/**",
					"/login", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
					"/swagger-ui/**")
			.permitAll()
			.requestMatchers("/audit", "/audit/**")
			.hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
			.requestMatchers("/connectors", "/connectors/**")
			.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name())
			.requestMatchers(HttpMethod.GET, "/settings", "/settings/**")
			.hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
			.requestMatchers("/settings", "/settings/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.POST, "/suppliers", "/suppliers/**", "/evaluations", "/evaluations/**")
			.hasAnyRole(Role.ADMIN.name(), Role.PROCUREMENT.name())
			.requestMatchers(HttpMethod.POST, "/data-sources", "/data-sources/**", "/sites", "/sites/**", "/workloads",
					"/workloads/**", "/reports", "/reports/**")
			.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name())
			.requestMatchers(HttpMethod.POST, "/factors/sets")
			.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name())
			.requestMatchers(HttpMethod.POST, "/targets", "/opportunities/adoptions")
			.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name())
			.requestMatchers(HttpMethod.GET, "/targets", "/targets/**", "/opportunities", "/opportunities/**")
			.hasAnyRole(Role.ADMIN.name(), Role.SUSTAINABILITY_OFFICER.name(), Role.AUDITOR.name())
			.requestMatchers(HttpMethod.POST, "/calculator", "/account/password")
			.hasAnyRole(PORTAL_ROLES)
			// a form no rule names is for ADMIN only (auditors never write)
			.requestMatchers(SecurityConfiguration::isWrite)
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.hasAnyRole(PORTAL_ROLES))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.csrf(Customizer.withDefaults());
		signIn.portal(http);
		SecurityHeaders.portal(http, signIn.formActionOrigins());
		return http.build();
	}

	private static boolean isWrite(HttpServletRequest request) {
		return !Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod());
	}

	@Bean
	@Conditional(IdentityMode.Local.class)
	SignInMode localSignIn(ProblemResponses problems) {
		return new LocalSignIn(problems);
	}

	@Bean
	PasswordEncoder passwordEncoder(Clock clock) {
		// Hashes carry their algorithm id ({bcrypt}...), so a stronger one can be added
		// later; plain-text ({noop}) and legacy ids are deliberately not accepted.
		// Successful verifications are remembered briefly, so that API clients sending
		// Basic credentials on every request do not pay bcrypt each time.
		return new VerifiedPasswordCache(
				new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder())),
				Duration.ofMinutes(5), clock);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
