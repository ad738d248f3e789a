package org.greenledger.procurement;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stateless scoring request: a supplier profile (criterion key to a number or a level),
 * optional evidence per key, the date the data is as of, and the methodology.
 *
 * @param methodology the methodology name (default {@value Methodologies#DEFAULT})
 * @param methodologyVersion its version (default the latest)
 * @param profile values by criterion key, for example {@code "facility.pue": 1.2} or
 * {@code "targets.sbti": "validated"}
 * @param evidence what each value rests on, by key
 * @param dataAsOf the date the disclosed data is as of (scores data freshness)
 */
public record ScoreRequest(@Nullable String methodology, @Nullable Integer methodologyVersion,
		@Nullable Map<String, Object> profile, @Nullable Map<String, String> evidence, @Nullable LocalDate dataAsOf) {

}
