package org.greenledger.workloads;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the provider of a model states about its training (EU AI Act Annex XI, section 1;
 * the GPAI Code of Practice's Model Documentation Form), besides what the ledger
 * measured.
 *
 * @param trainingComputeFlop training compute, FLOP, when known (else it is estimated
 * from the accelerator, accelerator-hours and utilization)
 * @param computeMethod how the entered training compute was counted, for example
 * {@code 6 x parameters x training tokens}
 * @param accelerator the accelerator model trained on, keyed as in the factor library
 * (for example {@code H100-SXM})
 * @param acceleratorHours accelerator-hours of training, when not taken from telemetry
 * @param utilization share of the accelerators' peak throughput achieved (model FLOP
 * utilization), 0 to 1
 * @param trainingStart first day of training
 * @param trainingEnd last day of training
 * @param parameters number of parameters
 * @param trainingTokens tokens in the training data
 * @param modelDependencies models this one was fine-tuned or modified from, or
 * {@code N/A}
 * @param inferenceComputeFlop benchmarked computation of the inference task, FLOP
 * @param inferenceBenchmark the benchmarked task and hardware, for example
 * {@code generating 100,000 tokens on 8 H100-SXM}
 * @param evidence where the values come from
 */
public record Training(@Nullable Double trainingComputeFlop, @Nullable String computeMethod,
		@Nullable String accelerator, @Nullable Double acceleratorHours, @Nullable Double utilization,
		@Nullable LocalDate trainingStart, @Nullable LocalDate trainingEnd, @Nullable Double parameters,
		@Nullable Double trainingTokens, @Nullable String modelDependencies, @Nullable Double inferenceComputeFlop,
		@Nullable String inferenceBenchmark, @Nullable String evidence) {

	/** The values as entered, with who entered them last and when. */
	public record Entered(Training values, Instant updatedAt, String updatedBy) {
	}

}
