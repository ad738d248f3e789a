package org.greenledger.reduction;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An opportunity marked as adopted, as a caller describes it: the opportunity (its kind
 * and subject, as found over {@code from} to {@code to}) and the first day the change is
 * in effect.
 *
 * @param subject the opportunity's subject name, as {@code GET /api/v1/opportunities}
 * gives it
 * @param orgUnit the org unit the opportunity was found for (none: the whole
 * organisation)
 */
public record AdoptionInput(@Nullable String kind, @Nullable String subject,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate adoptedOn, @Nullable String orgUnit,
		@Nullable String note) implements java.io.Serializable {

}
