package org.greenledger.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Security settings.
 *
 * @param adminPassword password of the {@code admin} user created on the first start
 * (local mode); when empty a password is generated and printed once to the log
 * @param oidc the OpenID provider (Keycloak) of OIDC mode
 */
@ConfigurationProperties("greenledger.security")
record SecurityProperties(@Nullable String adminPassword, @DefaultValue Oidc oidc) {

	/**
	 * OIDC mode, on when an issuer is set: the portal signs in at the provider, the API
	 * takes its bearer tokens.
	 *
	 * @param issuerUri the issuer as browsers and tokens name it, e.g.
	 * {@code https://sso.example.com/realms/greenledger}; empty for local mode
	 * @param internalIssuerUri the same issuer as GreenLedger itself reaches it, when
	 * that differs (in docker compose the browser uses {@code localhost}, the server the
	 * service name); empty for the issuer URI
	 * @param clientId the portal's confidential client
	 * @param clientSecret that client's secret
	 * @param audience the audience every API token must carry; empty to not check it
	 * @param providerName the provider's name on the sign-in page
	 * @param clockSkew how far a token's expiry may lie in the past, for clocks that
	 * differ
	 * @param timeout connect and read timeout for reading the provider's configuration
	 * and signing keys
	 */
	record Oidc(@Nullable String issuerUri, @Nullable String internalIssuerUri,
			@DefaultValue("greenledger-portal") String clientId, @Nullable String clientSecret,
			@DefaultValue("greenledger") String audience, @DefaultValue("Keycloak") String providerName,
			@DefaultValue("60s") Duration clockSkew, @DefaultValue("10s") Duration timeout) {

		boolean enabled() {
			return StringUtils.hasText(this.issuerUri);
		}

	}

}
