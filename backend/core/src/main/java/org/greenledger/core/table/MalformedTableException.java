package org.greenledger.core.table;

import java.io.IOException;

/**
 * The file's structure is broken (not a read failure of the medium): for example an
 * unterminated quote in a CSV.
 */
public class MalformedTableException extends IOException {

	public MalformedTableException(String message, Throwable cause) {
		super(message, cause);
	}

	public MalformedTableException(String message) {
		super(message);
	}

}
