package org.greenledger.procurement.pact;

import java.util.List;

/**
 * A PACT document that is refused as a whole: it is not JSON, exceeds a limit, or at
 * least one footprint in it is invalid. {@link #errors()} lists every problem found, each
 * with its JSON path; nothing of the document should be stored.
 */
public class PactValidationException extends RuntimeException {

	private static final int ERRORS_IN_MESSAGE = 5;

	private final String fileName;

	private final List<PactError> errors;

	public PactValidationException(String fileName, List<PactError> errors) {
		super(message(fileName, errors));
		this.fileName = fileName;
		this.errors = List.copyOf(errors);
	}

	/**
	 * The name of the refused file.
	 * @return the file name given to the reader
	 */
	public String fileName() {
		return this.fileName;
	}

	/**
	 * Every problem found, in document order.
	 * @return the errors, never empty
	 */
	public List<PactError> errors() {
		return this.errors;
	}

	private static String message(String fileName, List<PactError> errors) {
		StringBuilder message = new StringBuilder(fileName).append(": ")
			.append(errors.size())
			.append(errors.size() == 1 ? " error" : " errors");
		errors.stream().limit(ERRORS_IN_MESSAGE).forEach((error) -> message.append("; ").append(error));
		if (errors.size() > ERRORS_IN_MESSAGE) {
			message.append("; ...");
		}
		return message.toString();
	}

}
