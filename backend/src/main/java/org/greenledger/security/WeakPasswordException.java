package org.greenledger.security;

/** The password does not meet the minimum length. */
public class WeakPasswordException extends RuntimeException {

	WeakPasswordException(int minimumLength) {
		super("Passwords need at least " + minimumLength + " characters.");
	}

}
