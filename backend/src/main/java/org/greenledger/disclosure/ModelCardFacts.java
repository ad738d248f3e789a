package org.greenledger.disclosure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.FactorMatch;
import org.greenledger.workloads.Phase;
import org.greenledger.workloads.Training;
import org.greenledger.workloads.WorkloadFootprint;

/**
 * What the AI model card states, gathered: the workload's footprint summed for training
 * (experimentation, training and fine-tuning: the SCI for AI provider boundary) and
 * inference (the consumer boundary), what the provider entered about the training, and
 * the training compute, entered or estimated as accelerator-hours x 3,600 s/h x the
 * accelerator's peak throughput (factor library, Epoch AI) x utilization.
 *
 * @param provider legal name of the model provider (the organisation)
 * @param training what was entered about the training, if anything
 * @param computeFlop training compute, FLOP, or null when neither entered nor estimable
 * @param computeMethod how the compute was obtained, or what is missing
 * @param acceleratorHours accelerator-hours of training (entered, else from the ledger)
 */
record ModelCardFacts(WorkloadFootprint footprint, String provider, @Nullable Training training,
		WorkloadFootprint.Sums trainingSums, WorkloadFootprint.Sums inferenceSums, @Nullable Double computeFlop,
		String computeMethod, double acceleratorHours) {

	static final List<Phase> PROVIDER_PHASES = List.of(Phase.EXPERIMENTATION, Phase.TRAINING, Phase.FINE_TUNING);

	static ModelCardFacts of(WorkloadFootprint footprint, String provider, @Nullable Training training,
			FactorLibrary library) {
		WorkloadFootprint.Sums trainingSums = sum(footprint, PROVIDER_PHASES);
		WorkloadFootprint.Sums inferenceSums = sum(footprint, List.of(Phase.INFERENCE));
		boolean hoursEntered = training != null && training.acceleratorHours() != null;
		double hours = hoursEntered ? training.acceleratorHours() : trainingSums.acceleratorHours();
		String hoursSource = hoursEntered ? "entered" : "GPU telemetry and billed accelerator usage in the ledger";
		if (training != null && training.trainingComputeFlop() != null) {
			String method = (training.computeMethod() != null) ? training.computeMethod()
					: "as counted by the provider";
			return new ModelCardFacts(footprint, provider, training, trainingSums, inferenceSums,
					training.trainingComputeFlop(), "entered: " + method + " (evidence: " + training.evidence() + ")",
					hours);
		}
		String missing = "not known: enter trainingComputeFlop, or accelerator, acceleratorHours (or attribute"
				+ " GPU telemetry) and utilization (PUT /api/v1/workloads/" + footprint.workload().id() + "/training)";
		if (training == null || training.accelerator() == null || training.utilization() == null || hours <= 0) {
			return new ModelCardFacts(footprint, provider, training, trainingSums, inferenceSums, null, missing, hours);
		}
		LocalDate day = (training.trainingStart() != null) ? training.trainingStart() : footprint.from();
		FactorMatch peak = library.find(FactorKind.ACCELERATOR_PEAK_FLOPS, training.accelerator(), day).orElse(null);
		if (peak == null) {
			return new ModelCardFacts(footprint, provider, training, trainingSums, inferenceSums, null,
					"not known: the factor library has no peak throughput for accelerator '" + training.accelerator()
							+ "'; enter trainingComputeFlop",
					hours);
		}
		double flops = peak.value().value();
		double compute = hours * 3600 * flops * training.utilization();
		String method = String.format(Locale.ROOT,
				"estimated: %,.1f accelerator-hours (%s) x 3,600 s/h x %.4g FLOP/s peak dense 16-bit throughput of %s"
						+ " (%s %s, %s) x utilization %.2f",
				hours, hoursSource, flops, training.accelerator(), peak.value().dataset().id(),
				peak.value().dataset().version(), peak.value().dataset().licence(), training.utilization());
		return new ModelCardFacts(footprint, provider, training, trainingSums, inferenceSums, compute, method, hours);
	}

	/**
	 * Wall-clock training time in days (both days counted), when the dates were entered.
	 */
	@Nullable Double trainingDays() {
		if (this.training == null || this.training.trainingStart() == null || this.training.trainingEnd() == null) {
			return null;
		}
		return (double) (ChronoUnit.DAYS.between(this.training.trainingStart(), this.training.trainingEnd()) + 1);
	}

	/** How the energy of the given sums was obtained. */
	static String energyMethod(WorkloadFootprint.Sums sums) {
		if (sums.measuredLines() > 0 && sums.billedRows() > 0) {
			return "measured (" + sums.measuredLines() + " GPU telemetry, Kepler or CodeCarbon lines) and estimated"
					+ " from the cloud bill (" + sums.billedRows() + " billed rows, usage-based)";
		}
		if (sums.measuredLines() > 0) {
			return "measured: " + sums.measuredLines() + " GPU telemetry, Kepler or CodeCarbon lines, x PUE";
		}
		if (sums.billedRows() > 0) {
			return "estimated from the cloud bill: " + sums.billedRows() + " billed rows (usage-based), x PUE";
		}
		return "no activity attributed to these phases in the period";
	}

	static WorkloadFootprint.Sums sum(WorkloadFootprint footprint, List<Phase> phases) {
		double[] s = new double[8];
		long measured = 0;
		long billed = 0;
		for (WorkloadFootprint.Sums phase : footprint.phases()) {
			if (phases.contains(phase.phase())) {
				s[0] += phase.itKwh();
				s[1] += phase.facilityKwh();
				s[2] += phase.co2eLocationKg();
				s[3] += phase.co2eMarketKg();
				s[4] += phase.co2eEmbodiedKg();
				s[5] += phase.waterOnSiteLitres();
				s[6] += phase.waterOffSiteLitres();
				s[7] += phase.acceleratorHours();
				measured += phase.measuredLines();
				billed += phase.billedRows();
			}
		}
		return new WorkloadFootprint.Sums("all", phases.get(0), s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7],
				measured, billed);
	}

}
