package org.greenledger.security;

/** The password is too short, or too long for bcrypt. */
public class WeakPasswordException extends RuntimeException {

	WeakPasswordException(int minimumLength, int maximumBytes) {
		super("Passwords need at least " + minimumLength + " characters and at most " + maximumBytes
				+ " bytes (UTF-8).");
	}

}
