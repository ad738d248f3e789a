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
 * @param marking what every page must say about the data, when anything (for example
 * {@code "Demo data"} while the demo organisation is loaded)
 */
public record TitleBlock(String title, @Nullable String subtitle, String reportingEntity, String period,
		String documentType, Instant generatedAt, Status status, String version, @Nullable String marking) {

	/** A title block without a marking. */
	public TitleBlock(String title, @Nullable String subtitle, String reportingEntity, String period,
			String documentType, Instant generatedAt, Status status, String version) {
		this(title, subtitle, reportingEntity, period, documentType, generatedAt, status, version, null);
	}

	/** The same title block with the given marking (none when null or blank). */
	public TitleBlock withMarking(@Nullable String text) {
		return new TitleBlock(this.title, this.subtitle, this.reportingEntity, this.period, this.documentType,
				this.generatedAt, this.status, this.version, (text != null && !text.isBlank()) ? text : null);
	}

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
