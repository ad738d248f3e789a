package org.greenledger.core.table;

/**
 * Text an upload may not contain, at a known place: the message names the line and
 * character (or row and column) and the reason, so it is shown as it is.
 */
public class RefusedTextException extends MalformedTableException {

	public RefusedTextException(String message) {
		super(message);
	}

}
