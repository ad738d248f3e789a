package org.greenledger.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A generated report as stored: what it covers, its figures and provenance, and the
 * SHA-256 of each rendering.
 *
 * @param figures the document's figures by key (for comparing versions)
 * @param contents format ({@code pdf}, {@code xlsx}, {@code html}) to SHA-256
 * @param previousId the report of the same type for the version this period version
 * restates, if any
 */
public record StoredReport(UUID id, DisclosureType type, @Nullable UUID periodId, LocalDate from, LocalDate to,
		@Nullable String orgUnit, @Nullable UUID modelId, String title, Map<String, Double> figures,
		Map<String, Object> provenance, Map<String, String> contents, @Nullable UUID previousId, Instant createdAt,
		String createdBy) {

}
