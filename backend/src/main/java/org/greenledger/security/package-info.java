/**
 * Who may do what. Local mode keeps users, bcrypt password hashes and roles in the
 * database; the portal signs in with a form (CSRF-protected session), the API with HTTP
 * Basic (stateless). Errors on the API are RFC 9457 problems.
 */
@NullMarked
package org.greenledger.security;

import org.jspecify.annotations.NullMarked;
