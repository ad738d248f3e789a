package org.greenledger.workloads;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Inputs of the workload API and forms. */
public final class WorkloadInput {

	private WorkloadInput() {
	}

	/** A new workload. */
	public record Create(@Nullable String name, @Nullable String kind, @Nullable String model, @Nullable String orgUnit,
			@Nullable String description) {

		/** The same input for another org unit (the one resolved for the user). */
		public Create withOrgUnit(@Nullable String unit) {
			return new Create(this.name, this.kind, this.model, unit, this.description);
		}

	}

	/** A new attribution rule. */
	public record NewRule(@Nullable String phase, @Nullable String source, @Nullable Map<String, String> match) {
	}

	/** Outputs served over a period. */
	public record NewOutput(@Nullable LocalDate periodStart, @Nullable LocalDate periodEnd, @Nullable String unit,
			@Nullable Double quantity) {
	}

}
