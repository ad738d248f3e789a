package org.greenledger.security;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.SupplierClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

/**
 * The OpenID provider of OIDC mode, read lazily: its configuration
 * ({@code /.well-known/openid-configuration}) is fetched on the first sign-in or API
 * token, not at start-up, so GreenLedger starts while the provider is down, and a failed
 * read is tried again on the next request. The configuration is read from the internal
 * issuer URI when one is set, but must name the (public) issuer URI as its issuer.
 */
final class OidcProvider {

	static final String REGISTRATION_ID = "oidc";

	private static final Logger log = LoggerFactory.getLogger(OidcProvider.class);

	private final SecurityProperties.Oidc settings;

	private final String issuer;

	private final String configurationLocation;

	private final SimpleClientHttpRequestFactory requests;

	private final SingletonSupplier<Map<String, Object>> configuration = SingletonSupplier.of(this::readConfiguration);

	private final SingletonSupplier<JwtDecoder> decoder = SingletonSupplier.of(this::createDecoder);

	OidcProvider(SecurityProperties.Oidc settings) {
		this.settings = settings;
		this.issuer = settings.issuerUri().strip();
		String internal = StringUtils.hasText(settings.internalIssuerUri()) ? settings.internalIssuerUri().strip()
				: this.issuer;
		this.configurationLocation = (internal.endsWith("/") ? internal.substring(0, internal.length() - 1) : internal)
				+ "/.well-known/openid-configuration";
		this.requests = new SimpleClientHttpRequestFactory();
		this.requests.setConnectTimeout(settings.timeout());
		this.requests.setReadTimeout(settings.timeout());
	}

	String issuer() {
		return this.issuer;
	}

	/** The portal's client registration, built when first asked for. */
	ClientRegistrationRepository registrations() {
		return new SupplierClientRegistrationRepository(
				() -> new InMemoryClientRegistrationRepository(registration(this.configuration.obtain())));
	}

	/**
	 * Decodes and validates API tokens: signature by the provider's keys, issuer, expiry
	 * and (when set) audience. A provider that cannot be reached is a
	 * {@link JwtException} other than a bad token, which the API answers with 503.
	 */
	JwtDecoder jwtDecoder() {
		return token -> {
			JwtDecoder delegate;
			try {
				delegate = this.decoder.obtain();
			}
			catch (IdentityProviderUnavailableException ex) {
				throw new JwtException(ex.getMessage(), ex);
			}
			return delegate.decode(token);
		};
	}

	private ClientRegistration registration(Map<String, Object> configuration) {
		return ClientRegistrations.fromOidcConfiguration(configuration)
			.registrationId(REGISTRATION_ID)
			.clientName(this.settings.providerName())
			.clientId(this.settings.clientId())
			.clientSecret(this.settings.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile")
			.userNameAttributeName(TokenAuthorities.USER_NAME_CLAIM)
			.build();
	}

	private JwtDecoder createDecoder() {
		Object jwks = this.configuration.obtain().get("jwks_uri");
		if (!(jwks instanceof String jwksUri)) {
			throw new IdentityProviderUnavailableException(
					"The OpenID configuration at " + this.configurationLocation + " names no jwks_uri.", null);
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri)
			.jwsAlgorithms(algorithms -> algorithms.addAll(EnumSet.allOf(SignatureAlgorithm.class)))
			.restOperations(new RestTemplate(this.requests))
			.build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(this.settings.clockSkew()));
		validators.add(new JwtIssuerValidator(this.issuer));
		if (StringUtils.hasText(this.settings.audience())) {
			String audience = this.settings.audience();
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					(aud) -> aud != null && aud.contains(audience)));
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

	private Map<String, Object> readConfiguration() {
		Map<String, Object> configuration;
		try {
			String body = RestClient.builder()
				.requestFactory(this.requests)
				.build()
				.get()
				.uri(this.configurationLocation)
				.retrieve()
				.body(String.class);
			configuration = JSONObjectUtils.parse((body != null) ? body : "");
		}
		catch (RestClientException | ParseException ex) {
			log.warn("Cannot read the OpenID configuration at {}: {}", this.configurationLocation, ex.getMessage());
			throw new IdentityProviderUnavailableException(
					"Cannot read the OpenID configuration at " + this.configurationLocation + ": " + ex.getMessage(),
					ex);
		}
		Object named = configuration.get("issuer");
		if (!this.issuer.equals(named)) {
			String message = "The OpenID configuration at " + this.configurationLocation + " names the issuer '" + named
					+ "', but greenledger.security.oidc.issuer-uri is '" + this.issuer
					+ "': tokens would never match. Set the issuer URI to the provider's public address.";
			log.warn(message);
			throw new IdentityProviderUnavailableException(message, null);
		}
		log.info("Read the OpenID configuration of {} from {}", this.issuer, this.configurationLocation);
		return configuration;
	}

}
