package org.greenledger.security;

import org.greenledger.system.ProblemResponses;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * OIDC mode: the portal signs in at the OpenID provider (authorization code with PKCE,
 * confidential client) and signs out there too; the API and the actuator take the
 * provider's JWTs as bearer tokens. Roles come from the tokens
 * ({@link TokenAuthorities}).
 */
class OidcSignIn implements SignInMode {

	static final String SIGN_IN_PATH = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI
			+ "/" + OidcProvider.REGISTRATION_ID;

	private final OidcProvider provider;

	private final ClientRegistrationRepository registrations;

	private final ProblemSecurityHandlers handlers;

	private final AuthenticationEventPublisher events;

	OidcSignIn(OidcProvider provider, ProblemResponses problems, AuthenticationEventPublisher events) {
		this.provider = provider;
		this.registrations = provider.registrations();
		this.handlers = ProblemSecurityHandlers.bearer(problems);
		this.events = events;
	}

	@Override
	public void api(HttpSecurity http) throws Exception {
		JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(this.provider.jwtDecoder());
		tokens.setJwtAuthenticationConverter(TokenAuthorities::authentication);
		ProviderManager manager = new ProviderManager(tokens);
		// the resource server's own manager publishes no events unless given the
		// publisher (a refused token is a failed sign-in for the audit log)
		manager.setAuthenticationEventPublisher(this.events);
		http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.authenticationManager(manager))
			.authenticationEntryPoint(this.handlers)
			.accessDeniedHandler(this.handlers)
			.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
				@Override
				public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
					// a provider that cannot be reached is answered (503), not rethrown
					// as a 500
					AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(
							OidcSignIn.this.handlers);
					failures.setRethrowAuthenticationServiceException(false);
					filter.setAuthenticationFailureHandler(failures);
					return filter;
				}
			}))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(this.handlers)
				.accessDeniedHandler(this.handlers));
	}

	/**
	 * Sign-out redirects to the provider's end-session endpoint, at the issuer's origin.
	 */
	@Override
	public String[] formActionOrigins() {
		return new String[] { SecurityHeaders.originOf(this.provider.issuer()) };
	}

	@Override
	public void portal(HttpSecurity http) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
				this.registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(
				this.registrations);
		signedOut.setPostLogoutRedirectUri("{baseUrl}/login?logout");
		signedOut.setDefaultTargetUrl("/login?logout");
		http.oauth2Login(login -> login.loginPage("/login")
			.clientRegistrationRepository(this.registrations)
			.authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
			.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
			.userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(TokenAuthorities::portal))
			.defaultSuccessUrl("/", false)
			.failureUrl("/login?error")
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					// the provider's configuration could not be read: say so on the
					// sign-in page
					filter.setAuthenticationFailureHandler(
							new SimpleUrlAuthenticationFailureHandler("/login?unavailable"));
					return filter;
				}
			})
			.permitAll()).logout(logout -> logout.logoutSuccessHandler(signedOut).permitAll());
	}

}
