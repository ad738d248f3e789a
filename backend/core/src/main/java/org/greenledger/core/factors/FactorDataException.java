package org.greenledger.core.factors;

/** A shipped factor file is malformed; the message names the file, row and column. */
public class FactorDataException extends RuntimeException {

	FactorDataException(String message) {
		super(message);
	}

	public FactorDataException(String message, Throwable cause) {
		super(message, cause);
	}

}
