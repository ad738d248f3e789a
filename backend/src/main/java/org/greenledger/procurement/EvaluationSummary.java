package org.greenledger.procurement;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An evaluation in words: the workload restated, the candidate with the lowest projected
 * CO2e, the saving against each other candidate (in figures and as a share), and the
 * trade-offs of choosing it: where another candidate uses less water or has lower
 * embodied emissions. Cost is compared only when the offers carry prices, which they do
 * not yet.
 *
 * @param workload the workload, e.g. "2026-01-01 to 2026-03-31 (90 days): 10,000
 * accelerator-hours of H100-SXM, 500 vCPU-hours"
 * @param best which candidate projects the least CO2e, with its figure
 * @param savings per other candidate, what choosing the best avoids
 * @param tradeOffs what the best candidate does worse than another
 * @param cost whether cost is compared
 */
public record EvaluationSummary(String workload, String best, List<String> savings, List<String> tradeOffs,
		String cost) {

	/** Differences below this share of the larger figure are not called trade-offs. */
	private static final double NOTICEABLE = 0.005;

	public static EvaluationSummary of(EvaluationResult result) {
		List<EvaluationResult.CandidateResult> ranked = result.candidates()
			.stream()
			.sorted(Comparator.comparingInt(EvaluationResult.CandidateResult::rank))
			.toList();
		EvaluationResult.CandidateResult best = ranked.get(0);
		String bestText = best.label() + " projects the least CO2e: " + co2e(best.co2eRankingKg())
				+ " (market-based operational plus embodied).";
		List<String> savings = new ArrayList<>();
		List<String> tradeOffs = new ArrayList<>();
		for (EvaluationResult.CandidateResult other : ranked.subList(1, ranked.size())) {
			double saving = other.co2eRankingKg() - best.co2eRankingKg();
			if (saving > 0) {
				savings.add("Choosing " + best.label() + " instead of " + other.label() + " avoids " + co2e(saving)
						+ " (" + percent(saving / other.co2eRankingKg()) + " less than " + co2e(other.co2eRankingKg())
						+ ").");
			}
			else {
				savings.add(best.label() + " and " + other.label() + " project the same CO2e ("
						+ co2e(best.co2eRankingKg()) + "); " + best.label() + " ranks first on the higher score.");
			}
			double water = best.waterLitres() - other.waterLitres();
			if (water > NOTICEABLE * Math.max(best.waterLitres(), other.waterLitres())) {
				tradeOffs.add("Water: " + best.label() + " uses " + water(water) + " more water than " + other.label()
						+ " (" + water(best.waterLitres()) + " against " + water(other.waterLitres()) + ").");
			}
			double embodied = best.co2eEmbodiedKg() - other.co2eEmbodiedKg();
			if (embodied > NOTICEABLE * Math.max(best.co2eEmbodiedKg(), other.co2eEmbodiedKg())) {
				tradeOffs.add("Embodied emissions: " + best.label() + " carries " + co2e(embodied) + " more embodied"
						+ " CO2e than " + other.label() + " (" + co2e(best.co2eEmbodiedKg()) + " against "
						+ co2e(other.co2eEmbodiedKg()) + "), made up by its lower operational emissions.");
			}
		}
		if (ranked.size() > 1 && tradeOffs.isEmpty()) {
			tradeOffs.add(best.label() + " also uses the least water and carries the least embodied CO2e: no"
					+ " trade-off.");
		}
		return new EvaluationSummary(workload(result.request()), bestText, savings, tradeOffs,
				"No prices were given with the offers, so cost is not compared.");
	}

	static String workload(EvaluationRequest request) {
		EvaluationRequest.Workload workload = request.workload();
		if (workload == null || workload.from() == null || workload.to() == null) {
			return "";
		}
		long days = ChronoUnit.DAYS.between(workload.from(), workload.to()) + 1;
		List<String> uses = new ArrayList<>();
		if (workload.acceleratorHours() != null) {
			for (EvaluationRequest.AcceleratorUse use : workload.acceleratorHours()) {
				if (use.hours() != null && use.hours() > 0) {
					uses.add(number(use.hours(), decimals(use.hours())) + " accelerator-hours of " + use.model());
				}
			}
		}
		add(uses, workload.vcpuHours(), "vCPU-hours");
		add(uses, workload.memoryGbHours(), "memory GB-hours");
		add(uses, workload.storageTbHours(),
				"storage TB-hours (" + ("HDD".equalsIgnoreCase(workload.storageType()) ? "HDD" : "SSD") + ")");
		add(uses, workload.dataTransferGb(), "GB of data transfer");
		return workload.from() + " to " + workload.to() + " (" + days + ((days == 1) ? " day" : " days") + "): "
				+ (uses.isEmpty() ? "no usage given" : String.join(", ", uses)) + ".";
	}

	private static void add(List<String> uses, @Nullable Double amount, String what) {
		if (amount != null && amount > 0) {
			uses.add(number(amount, decimals(amount)) + " " + what);
		}
	}

	/** CO2e in kg below a tonne, in t from a tonne. */
	static String co2e(double kilograms) {
		return (Math.abs(kilograms) < 1000) ? number(kilograms, 1) + " kg CO2e"
				: number(kilograms / 1000, 3) + " t CO2e";
	}

	private static String water(double litres) {
		return (Math.abs(litres) < 1000) ? number(litres, 1) + " L" : number(litres / 1000, 2) + " m³";
	}

	private static String percent(double share) {
		return number(share * 100, 1) + " %";
	}

	private static int decimals(double value) {
		return (value == Math.rint(value)) ? 0 : 2;
	}

	private static String number(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

}
