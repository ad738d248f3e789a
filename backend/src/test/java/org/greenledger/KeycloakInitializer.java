package org.greenledger;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts (once) the suite's {@link KeycloakServer} and puts the application in OIDC mode
 * against its realm, reading the provider's configuration by another host name than the
 * issuer's, as in docker compose. Expiry is checked without clock skew (the server runs
 * on the same clock), so a test can see a token expire within seconds.
 */
public class KeycloakInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		KeycloakServer keycloak = KeycloakServer.get();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("keycloak",
					Map.of("greenledger.security.oidc.issuer-uri", keycloak.issuer(),
							"greenledger.security.oidc.internal-issuer-uri", keycloak.internalIssuer(),
							"greenledger.security.oidc.client-id", "greenledger-portal",
							"greenledger.security.oidc.client-secret", KeycloakIntegrationTest.PORTAL_CLIENT_SECRET,
							"greenledger.security.oidc.clock-skew", "0s")));
	}

}
