package org.greenledger.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.greenledger.reports.Column;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;
import org.greenledger.workloads.WorkloadFootprint;

/**
 * The SCI for AI section (Green Software Foundation, Software Carbon Intensity for AI,
 * building on ISO/IEC 21031:2024): SCI = (operational + embodied carbon) / functional
 * units, for the consumer boundary (operation: inference, per token, per inference, per
 * image or per request as the outputs were recorded) and the provider boundary (design,
 * development and deployment: experimentation, training and fine-tuning, per FLOP, per
 * billion parameters or per training token).
 */
final class ModelCardSci {

	static final String SPEC = "Green Software Foundation, SCI for AI specification (github.com/Green-Software-"
			+ "Foundation/sci-ai SPEC.md @ 4b7c0f7, sections 6 and 8; CC BY 4.0), extending ISO/IEC 21031:2024";

	private ModelCardSci() {
	}

	/**
	 * The rows: boundary, functional unit, period, units, carbon g, g per unit, source.
	 */
	static List<List<Object>> rows(ModelCardFacts facts) {
		List<List<Object>> rows = new ArrayList<>();
		for (WorkloadFootprint.Sci sci : facts.footprint().sci()) {
			boolean inference = "INFERENCE".equals(sci.phase());
			rows.add(Arrays.asList(inference ? "Consumer" : "Consumer (all phases: no inference activity attributed)",
					"per " + unit(sci.output().unit().name()),
					sci.output().periodStart() + " to " + sci.output().periodEnd(), sci.output().quantity(),
					sci.carbonGrams(), sci.gramsPerUnit(), sci.gramsPerThousand(),
					"recorded outputs; location-based operational + embodied CO2e of the "
							+ (inference ? "inference phase" : "workload") + " over the output's days"));
		}
		double providerGrams = (facts.trainingSums().co2eLocationKg() + facts.trainingSums().co2eEmbodiedKg()) * 1000;
		String source = "experimentation, training and fine-tuning: location-based operational + embodied CO2e";
		if (facts.computeFlop() != null) {
			rows.add(Arrays.asList("Provider", "per 10^15 FLOP (gross)", "training", facts.computeFlop() / 1e15,
					providerGrams, providerGrams / (facts.computeFlop() / 1e15),
					1000 * providerGrams / (facts.computeFlop() / 1e15),
					source + "; FLOP as stated under Training compute"));
		}
		if (facts.training() != null && facts.training().parameters() != null) {
			double billions = facts.training().parameters() / 1e9;
			rows.add(Arrays.asList("Provider", "per billion parameters (gross)", "training", billions, providerGrams,
					providerGrams / billions, 1000 * providerGrams / billions, source + "; parameters entered"));
		}
		if (facts.training() != null && facts.training().trainingTokens() != null) {
			double thousands = facts.training().trainingTokens() / 1000;
			rows.add(Arrays.asList("Provider", "per 1,000 training tokens (gross)", "training", thousands,
					providerGrams, providerGrams / thousands, 1000 * providerGrams / thousands,
					source + "; training tokens entered"));
		}
		return rows;
	}

	static Section section(ModelCardFacts facts) {
		List<List<Object>> rows = rows(facts);
		Section.Builder section = Section.builder("SCI for AI").reference(SPEC);
		section.paragraph("SCI = (operational + embodied carbon) / functional units. The consumer boundary covers the"
				+ " operation of the model (inference) per unit as the outputs were recorded (tokens, inferences,"
				+ " images, requests); the provider boundary covers experimentation, training and fine-tuning, per"
				+ " FLOP, per billion parameters or per training token. Values are gross (total parameters, all"
				+ " training tokens, total FLOP).");
		if (rows.isEmpty()) {
			section.paragraph("No SCI is reported: no outputs were recorded for the period (POST /api/v1/workloads/"
					+ facts.footprint().workload().id() + "/outputs) and neither training compute, parameters nor"
					+ " training tokens were entered.");
			return section.build();
		}
		return section.add(Table.of("SCI for AI",
				List.of(Column.text("Boundary"), Column.text("Functional unit"), Column.text("Period"),
						Column.number("Functional units", null, 2), Column.number("Carbon", "g CO2e", 1),
						Column.number("SCI", "g CO2e per unit", 6), Column.text("Source")),
				rows))
			.build();
	}

	private static String unit(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
	}

}
