package org.greenledger.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenID provider is read lazily, refused with a clear message when it is down or
 * names another issuer, and read again once it answers.
 */
class OidcProviderTests {

	HttpServer server;

	AtomicInteger requests = new AtomicInteger();

	AtomicReference<String> configuration = new AtomicReference<>();

	String issuer;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.issuer = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/realms/test";
		this.server.createContext("/realms/test/.well-known/openid-configuration", exchange -> {
			this.requests.incrementAndGet();
			String body = this.configuration.get();
			byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders((body != null) ? 200 : 503, (bytes.length > 0) ? bytes.length : -1);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void nothingIsReadUntilTheFirstSignInAndAFailedReadIsTriedAgain() {
		OidcProvider provider = new OidcProvider(settings(this.issuer, null));
		var registrations = provider.registrations();
		assertThat(this.requests).hasValue(0);

		assertThatThrownBy(() -> registrations.findByRegistrationId("oidc"))
			.isInstanceOf(IdentityProviderUnavailableException.class)
			.hasMessageStartingWith(
					"Cannot read the OpenID configuration at " + this.issuer + "/.well-known/openid-configuration");

		this.configuration.set(configurationNaming(this.issuer));
		ClientRegistration registration = registrations.findByRegistrationId("oidc");
		assertThat(registration.getClientId()).isEqualTo("greenledger-portal");
		assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "profile");
		assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName())
			.isEqualTo("preferred_username");
		assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(this.issuer);
		assertThat(registration.getProviderDetails().getConfigurationMetadata()).containsKey("end_session_endpoint");
		registrations.findByRegistrationId("oidc");
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void aProviderThatIsDownIsNotABadTokenButAnUnavailableService() {
		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> new OidcProvider(settings(this.issuer, null)).jwtDecoder().decode("a.b.c"))
			.isNotInstanceOf(BadJwtException.class)
			.withCauseInstanceOf(IdentityProviderUnavailableException.class);
	}

	@Test
	void theConfigurationIsReadFromTheInternalAddressButMustNameThePublicIssuer() {
		String publicIssuer = "https://sso.example.com/realms/test";
		this.configuration.set(configurationNaming(publicIssuer));
		OidcProvider split = new OidcProvider(settings(publicIssuer, this.issuer));
		assertThat(split.registrations().findByRegistrationId("oidc").getProviderDetails().getIssuerUri())
			.isEqualTo(publicIssuer);

		OidcProvider mismatch = new OidcProvider(settings("https://other.example.com/realms/test", this.issuer));
		assertThatThrownBy(() -> mismatch.registrations().findByRegistrationId("oidc"))
			.isInstanceOf(IdentityProviderUnavailableException.class)
			.hasMessageContaining("names the issuer '" + publicIssuer + "'")
			.hasMessageContaining("greenledger.security.oidc.issuer-uri is 'https://other.example.com/realms/test'");
	}

	@Test
	void oidcModeWithoutAClientSecretOrWithARelativeIssuerDoesNotStart() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> OidcSecurityConfiguration.checked(new SecurityProperties.Oidc(this.issuer, null,
					"greenledger-portal", " ", "greenledger", "Keycloak", Duration.ZERO, Duration.ofSeconds(1))))
			.withMessageContaining("greenledger.security.oidc.client-secret")
			.withMessageContaining("GREENLEDGER_OIDC_CLIENT_SECRET");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> OidcSecurityConfiguration.checked(settings("sso.example.com/realms/x", null)))
			.withMessageContaining("greenledger.security.oidc.issuer-uri");
	}

	private static SecurityProperties.Oidc settings(String issuer, String internalIssuer) {
		return new SecurityProperties.Oidc(issuer, internalIssuer, "greenledger-portal", "secret", "greenledger",
				"Keycloak", Duration.ZERO, Duration.ofSeconds(2));
	}

	private static String configurationNaming(String issuer) {
		return """
				{"issuer": "%1$s",
				 "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
				 "token_endpoint": "%1$s/protocol/openid-connect/token",
				 "userinfo_endpoint": "%1$s/protocol/openid-connect/userinfo",
				 "end_session_endpoint": "%1$s/protocol/openid-connect/logout",
				 "jwks_uri": "%1$s/protocol/openid-connect/certs",
				 "response_types_supported": ["code"],
				 "subject_types_supported": ["public"],
				 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer);
	}

}
