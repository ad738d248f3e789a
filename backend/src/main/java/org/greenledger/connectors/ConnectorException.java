package org.greenledger.connectors;

/**
 * A connector could not do what it was asked, with a message a user can act on (for
 * example "the bucket 'exports' does not exist in region eu-west-1"), never a library's.
 */
public class ConnectorException extends Exception {

	public ConnectorException(String message) {
		super(message);
	}

	public ConnectorException(String message, Throwable cause) {
		super(message, cause);
	}

}
