package org.greenledger.core.table;

import java.io.IOException;

/**
 * The file may be fine, but this installation cannot decode it: a native codec library
 * that does not load, or a part of parquet-java that needs a library left out.
 */
class UnreadableHereException extends IOException {

	UnreadableHereException(String message, Throwable cause) {
		super(message, cause);
	}

}
