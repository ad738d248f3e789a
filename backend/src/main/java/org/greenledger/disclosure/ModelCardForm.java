package org.greenledger.disclosure;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.reports.Column;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;
import org.greenledger.workloads.Training;

/**
 * The items of the General-Purpose AI Code of Practice's Model Documentation Form
 * (Transparency chapter, Measure 1.1; European Commission, 10 July 2025) that concern the
 * model's identity, size, compute and energy, filled from GreenLedger, with their source.
 * The identity items are named as the form's section 1 asks them (the unique identifier
 * of the model; the models it is a modification or fine-tuning of), as dastra.eu's copy
 * of the form words them. The other items of the form (architecture, data, distribution,
 * licence, uses) are the provider's to write and are not covered here.
 */
final class ModelCardForm {

	static final String FORM = "General-Purpose AI Code of Practice, Transparency chapter, Model Documentation Form";

	private ModelCardForm() {
	}

	static Section section(ModelCardFacts facts) {
		Training training = facts.training();
		var workload = facts.footprint().workload();
		String entered = (training != null) ? "entered (evidence: " + training.evidence() + ")"
				: "not entered (PUT /api/v1/workloads/" + workload.id() + "/training)";
		List<List<@Nullable Object>> rows = List.of(
				row("Legal name for the model provider", null, facts.provider(), "", "organisation"),
				row("Unique identifier of the model", null,
						workload.name() + ((workload.model() != null) ? " (" + workload.model() + ")" : ""), "",
						"workload register"),
				row("Models it modifies or fine-tunes", null, (training != null) ? training.modelDependencies() : null,
						"", entered),
				row("Total number of parameters", (training != null) ? training.parameters() : null, null, "parameters",
						entered),
				row("Training time", facts.trainingDays(), null, "days (wall clock)",
						(facts.trainingDays() != null) ? "training dates " + entered : "training dates " + entered),
				row("Training time, hardware", facts.acceleratorHours() / 24, null, "accelerator-days",
						"accelerator-hours / 24"),
				row("Amount of computation used for training", facts.computeFlop(),
						(facts.computeFlop() != null)
								? String.format(java.util.Locale.ROOT, "%.2e", facts.computeFlop()) : null,
						"FLOP", facts.computeMethod()),
				row("Measurement methodology (computation)", null, facts.computeMethod(), "", "GreenLedger"),
				row("Amount of energy used for training", facts.trainingSums().facilityKwh() / 1000, null, "MWh",
						"facility level (IT energy x PUE); experimentation, training and fine-tuning"),
				row("Measurement methodology (energy)", null, ModelCardFacts.energyMethod(facts.trainingSums()), "",
						"GreenLedger"),
				row("Benchmarked amount of computation used for inference",
						(training != null) ? training.inferenceComputeFlop() : null, null, "FLOP", entered),
				row("Measurement methodology (inference)", null,
						(training != null) ? training.inferenceBenchmark() : null, "", entered));
		return Section.builder("Model Documentation Form: compute and energy")
			.reference(FORM)
			.paragraph("The form's items on the model's identity, size, computation and energy, with their values"
					+ " from GreenLedger and where each comes from. An item without a value was not entered.")
			.add(Table.of("Model Documentation Form",
					List.of(Column.text("Item"), Column.number("Value", null, 4), Column.text("Text"),
							Column.text("Unit"), Column.text("Source")),
					rows))
			.build();
	}

	private static List<@Nullable Object> row(String item, @Nullable Double value, @Nullable String text, String unit,
			String source) {
		return Arrays.asList(item, value, text, unit, source);
	}

}
