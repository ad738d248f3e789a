package org.greenledger.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How requests authenticate: {@link LocalSignIn} (form and HTTP Basic against the
 * database) or {@link OidcSignIn} (the OpenID provider's sign-in and bearer tokens). The
 * rules of who may call what are the same in both and live in
 * {@link SecurityConfiguration}.
 */
interface SignInMode {

	/** Authentication of the stateless API and actuator chains, with 401/403 problems. */
	void api(HttpSecurity http) throws Exception;

	/** Sign-in to and sign-out of the portal. */
	void portal(HttpSecurity http) throws Exception;

	/**
	 * Origins besides GreenLedger's own that the portal's forms may lead to (the sign-out
	 * form redirects to the identity provider), for the Content-Security-Policy.
	 */
	default String[] formActionOrigins() {
		return new String[0];
	}

}
