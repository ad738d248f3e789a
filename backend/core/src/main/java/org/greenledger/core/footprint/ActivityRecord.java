package org.greenledger.core.footprint;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One normalized piece of usage: what was used, when, where, under which scope, for whom,
 * and where the record came from.
 *
 * @param usage what was used
 * @param periodStart first day of use
 * @param periodEnd last day of use (inclusive)
 * @param location where the electricity was used
 * @param scope the GHG Protocol scope the impacts belong to
 * @param attribution who it is for: org unit, workload, project, model and other tags
 * @param source the file and row it came from, or {@code null} when entered directly
 */
public record ActivityRecord(Usage usage, LocalDate periodStart, LocalDate periodEnd, Location location, Scope scope,
		Map<String, String> attribution, @Nullable SourceRow source) {

	public ActivityRecord {
		if (periodEnd.isBefore(periodStart)) {
			throw new IllegalArgumentException(
					"Period ends (" + periodEnd + ") before it starts (" + periodStart + ")");
		}
		attribution = Map.copyOf(attribution);
	}

}
