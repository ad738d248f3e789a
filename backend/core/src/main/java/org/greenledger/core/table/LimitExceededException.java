package org.greenledger.core.table;

import java.io.IOException;

/**
 * A file goes beyond one of the bounds set on untrusted input (size, columns, compression
 * ratio); the message names the limit and the property that sets it.
 */
public class LimitExceededException extends IOException {

	public LimitExceededException(String message) {
		super(message);
	}

}
