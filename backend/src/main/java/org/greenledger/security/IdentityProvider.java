package org.greenledger.security;

/**
 * The external identity provider people sign in at, in OIDC mode (there is no such bean
 * in local mode).
 *
 * @param name shown on the sign-in page, e.g. "Keycloak"
 * @param signInPath where the portal's sign-in with the provider starts
 */
public record IdentityProvider(String name, String signInPath) {

}
