package org.greenledger.procurement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A workload-aware evaluation: what the workload uses over a period, the candidate
 * offers, and the scoring methodology.
 *
 * @param orgUnit the org unit the evaluation belongs to; when left out, the user's only
 * org unit (or none for a user assigned to none)
 */
public record EvaluationRequest(@Nullable String name, @Nullable Workload workload,
		@Nullable List<Candidate> candidates, @Nullable String methodology, @Nullable Integer methodologyVersion,
		@Nullable String orgUnit) {

	/** The same request for another org unit (the one resolved for the user). */
	public EvaluationRequest withOrgUnit(@Nullable String unit) {
		return new EvaluationRequest(this.name, this.workload, this.candidates, this.methodology,
				this.methodologyVersion, unit);
	}

	/**
	 * The workload profile.
	 *
	 * @param acceleratorHours accelerator-hours by model (a model of the factor library,
	 * for example {@code H100-SXM}); a candidate may name its own accelerator instead
	 * @param storageType HDD or SSD (default SSD)
	 */
	public record Workload(@Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable List<AcceleratorUse> acceleratorHours, @Nullable Double vcpuHours, @Nullable Double memoryGbHours,
			@Nullable Double storageTbHours, @Nullable String storageType, @Nullable Double dataTransferGb) {
	}

	/** Accelerator-hours of one model. */
	public record AcceleratorUse(@Nullable String model, @Nullable Double hours) {
	}

	/**
	 * A candidate offer: a supplier and where and on what the workload would run.
	 *
	 * @param provider and {@code region}: a cloud region of the factor library
	 * @param gridZone an Electricity Maps zone, for a colocation site or an AI API
	 * provider without a region
	 * @param accelerator the accelerator model the candidate offers (replaces the
	 * workload's models)
	 * @param cpuMicroarchitecture the CPU microarchitecture (default Cascade Lake)
	 * @param serviceProduct an IT service of the supplier with a PACT footprint per hour
	 * (its product name or id), used as a supplier-specific factor for
	 * {@code serviceHours}
	 * @param serviceHours hours of that service the workload would use
	 */
	public record Candidate(@Nullable UUID supplierId, @Nullable String label, @Nullable String provider,
			@Nullable String region, @Nullable String gridZone, @Nullable String accelerator,
			@Nullable String cpuMicroarchitecture, @Nullable String serviceProduct, @Nullable Double serviceHours) {
	}

}
