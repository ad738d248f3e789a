package org.greenledger.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A too-short GREENLEDGER_ADMIN_PASSWORD stops the first start with one clear message.
 */
class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<WeakPasswordException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WeakPasswordException cause) {
		return new FailureAnalysis("The initial admin password is too weak: " + cause.getMessage(),
				"Set GREENLEDGER_ADMIN_PASSWORD to 12 characters to 72 bytes, or leave it unset to have one generated.",
				cause);
	}

}
