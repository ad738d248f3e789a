package org.greenledger.ledger;

/**
 * An upload whose lines would count the same readings twice ({@link Overlap#APPEND} over
 * lines already in the ledger). The message names the file, the series, the time and the
 * earlier job, and says what to do instead.
 */
public class OverlapRefusedException extends RuntimeException {

	OverlapRefusedException(String message) {
		super(message);
	}

}
