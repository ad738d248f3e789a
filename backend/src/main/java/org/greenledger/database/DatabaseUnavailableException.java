package org.greenledger.database;

/**
 * The configured PostgreSQL server cannot be reached or refuses GreenLedger's
 * credentials.
 */
class DatabaseUnavailableException extends RuntimeException {

	private final String url;

	DatabaseUnavailableException(String url, Throwable cause) {
		super("Cannot connect to PostgreSQL at " + url + ": " + cause.getMessage(), cause);
		this.url = url;
	}

	String url() {
		return this.url;
	}

}
