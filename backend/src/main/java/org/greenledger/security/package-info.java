/**
 * Who may do what. Local mode keeps users, bcrypt password hashes and roles in the
 * database; the portal signs in with a form (CSRF-protected session), the API with HTTP
 * Basic (stateless). OIDC mode (an issuer configured, e.g. a Keycloak realm) signs the
 * portal in at the provider (authorization code with PKCE) and takes the provider's JWTs
 * as bearer tokens on the API, with the provider's realm roles as GreenLedger's roles.
 * Errors on the API are RFC 9457 problems.
 */
@NullMarked
package org.greenledger.security;

import org.jspecify.annotations.NullMarked;
