package org.greenledger.security;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where users come from: this installation's own accounts (local mode), or an OIDC
 * identity provider such as Keycloak when an issuer is configured
 * ({@code greenledger.security.oidc.issuer-uri}), in which case users, roles and org
 * units are managed there.
 */
@Component
public class IdentityMode {

	static final String ISSUER_PROPERTY = "greenledger.security.oidc.issuer-uri";

	private final boolean oidc;

	IdentityMode(Environment environment) {
		this.oidc = StringUtils.hasText(environment.getProperty(ISSUER_PROPERTY));
	}

	/** Whether users sign in through an OIDC identity provider. */
	public boolean oidc() {
		return this.oidc;
	}

}
