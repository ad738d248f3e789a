package org.greenledger.security;

import org.jspecify.annotations.Nullable;

/**
 * The OpenID provider's configuration cannot be read (it is down, unreachable, or names
 * another issuer); sign-in and API tokens wait for it.
 */
class IdentityProviderUnavailableException extends RuntimeException {

	IdentityProviderUnavailableException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
