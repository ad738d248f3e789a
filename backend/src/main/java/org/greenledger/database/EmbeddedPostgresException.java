package org.greenledger.database;

/**
 * The embedded PostgreSQL server could not be prepared or started; the message says why
 * and what to do about it.
 */
public class EmbeddedPostgresException extends RuntimeException {

	EmbeddedPostgresException(String message) {
		super(message);
	}

	EmbeddedPostgresException(String message, Throwable cause) {
		super(message, cause);
	}

}
