package org.greenledger.procurement.pact;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors and warnings collected while reading one document, with a cap so that a
 * hostile document cannot make the list grow without bound.
 */
final class Problems {

	private final int maxErrors;

	private final List<PactError> errors = new ArrayList<>();

	private final List<PactError> warnings = new ArrayList<>();

	private boolean truncated;

	Problems(int maxErrors) {
		this.maxErrors = maxErrors;
	}

	void error(String path, String message) {
		if (this.errors.size() < this.maxErrors) {
			this.errors.add(new PactError(path, message));
		}
		else if (!this.truncated) {
			this.truncated = true;
			this.errors.add(new PactError("$", "more than " + this.maxErrors + " errors; the rest are not listed"));
		}
	}

	void warning(String path, String message) {
		if (this.warnings.size() < this.maxErrors) {
			this.warnings.add(new PactError(path, message));
		}
	}

	int errorCount() {
		return this.errors.size();
	}

	boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	List<PactError> errors() {
		return this.errors;
	}

	List<PactError> warnings() {
		return this.warnings;
	}

}
