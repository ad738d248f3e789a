package org.greenledger.reports;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a document is, for whom and for when: the first thing a reader sees.
 *
 * @param title the title
 * @param subtitle an optional subtitle
 * @param reportingEntity the organisation the document reports on
 * @param period the reporting period as text, for example
 * {@code "1 January - 31 December 2026"}
 * @param documentType the kind of document, for example {@code "GHG inventory"}
 * @param generatedAt when the document was generated; renderers use it as the file's
 * creation date, so the same document gives the same bytes
 * @param status the status
 * @param version the document version, for example {@code "3"}
 */
public record TitleBlock(String title, @Nullable String subtitle, String reportingEntity, String period,
		String documentType, Instant generatedAt, Status status, String version) {

	public TitleBlock {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(reportingEntity, "reportingEntity");
		Objects.requireNonNull(period, "period");
		Objects.requireNonNull(documentType, "documentType");
		Objects.requireNonNull(generatedAt, "generatedAt");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(version, "version");
	}

}
