package org.greenledger.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a failed embedded PostgreSQL start as the one sentence that explains it. */
class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresException cause) {
		return new FailureAnalysis("The embedded PostgreSQL could not start: " + cause.getMessage(),
				"Fix the cause above, or set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and"
						+ " SPRING_DATASOURCE_PASSWORD) to use an external PostgreSQL server.",
				cause);
	}

}
