package org.greenledger.security;

/** A user of that name exists already. */
public class UserAlreadyExistsException extends RuntimeException {

	UserAlreadyExistsException(String username) {
		super("A user named '" + username + "' exists already.");
	}

}
