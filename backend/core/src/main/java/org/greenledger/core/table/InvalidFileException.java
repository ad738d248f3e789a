package org.greenledger.core.table;

/**
 * A file that cannot be read at all: unknown format, missing mandatory columns, damaged
 * compression. The message names the file and says what is wrong.
 */
public class InvalidFileException extends RuntimeException {

	public InvalidFileException(String message) {
		super(message);
	}

	public InvalidFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
