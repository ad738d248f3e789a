package org.greenledger.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.greenledger.reports.Block;
import org.greenledger.reports.Chart;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;
import org.greenledger.workloads.Phase;
import org.greenledger.workloads.WorkloadFootprint;

/**
 * The AI model footprint card for the technical documentation of EU AI Act Annex XI,
 * section 1, point 2(e) ("known or estimated energy consumption of the model"): training
 * and inference energy, compute time, CO2e, water, embodied share, with method and
 * uncertainty.
 */
final class ModelCardDocument {

	private ModelCardDocument() {
	}

	static Map<String, Double> figures(WorkloadFootprint footprint) {
		Map<String, Double> figures = new LinkedHashMap<>();
		for (WorkloadFootprint.Sums phase : footprint.phases()) {
			String name = phase.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
			figures.put(name + " energy, facility (kWh)", phase.facilityKwh());
			figures.put(name + " GPU hours", phase.acceleratorHours());
			figures.put(name + " CO2e location-based (kg)", phase.co2eLocationKg());
			figures.put(name + " CO2e embodied (kg)", phase.co2eEmbodiedKg());
		}
		return figures;
	}

	static Document build(WorkloadFootprint footprint, DocumentContext context, Section changes) {
		var workload = footprint.workload();
		Document.Builder document = Document.builder(context.title(DisclosureType.AI_MODEL_CARD,
				workload.name() + ((workload.model() != null) ? " (" + workload.model() + ")" : "")));
		WorkloadFootprint.Sums training = sum(footprint,
				List.of(Phase.EXPERIMENTATION, Phase.TRAINING, Phase.FINE_TUNING));
		WorkloadFootprint.Sums inference = sum(footprint, List.of(Phase.INFERENCE));
		document.section(Section.builder("Energy consumption of the model")
			.reference("EU AI Act, Annex XI, section 1, point 2(e)")
			.add(Block.KeyFigures.of(
					new KeyFigure("Training energy (incl. experimentation and fine-tuning)", training.facilityKwh(),
							"kWh", 1, null, "facility level (IT energy x PUE)"),
					new KeyFigure("Inference energy", inference.facilityKwh(), "kWh", 1, null, "facility level"),
					new KeyFigure("Training compute time", training.acceleratorHours(), "GPU hours", 1, null, null),
					new KeyFigure("Inference compute time", inference.acceleratorHours(), "GPU hours", 1, null, null),
					new KeyFigure("CO2e, location-based", (training.co2eLocationKg() + inference.co2eLocationKg()),
							"kg CO2e", 2, null, null),
					new KeyFigure("CO2e, embodied share", (training.co2eEmbodiedKg() + inference.co2eEmbodiedKg()),
							"kg CO2e", 2, null, "amortized GPU and server manufacturing"),
					new KeyFigure("Water, on and off site",
							training.waterOnSiteLitres() + training.waterOffSiteLitres() + inference.waterOnSiteLitres()
									+ inference.waterOffSiteLitres(),
							"L", 0, null, null)))
			.add(Table.of("Per phase",
					List.of(Column.text("Phase"), Column.number("IT energy", "kWh", 2),
							Column.number("Facility energy", "kWh", 2), Column.number("GPU hours", "h", 1),
							Column.number("CO2e location", "kg", 3), Column.number("CO2e market", "kg", 3),
							Column.number("CO2e embodied", "kg", 3), Column.number("Water on site", "L", 1),
							Column.number("Water off site", "L", 1)),
					footprint.phases()
						.stream()
						.map(phase -> List.<Object>of(phase.phase().name(), phase.itKwh(), phase.facilityKwh(),
								phase.acceleratorHours(), phase.co2eLocationKg(), phase.co2eMarketKg(),
								phase.co2eEmbodiedKg(), phase.waterOnSiteLitres(), phase.waterOffSiteLitres()))
						.toList()))
			.build());
		List<String> months = footprint.months().stream().map(WorkloadFootprint.Sums::month).distinct().toList();
		document.section(Section.builder("Over time")
			.add(new Chart(Chart.Kind.STACKED_BAR, "Facility energy per month and phase", months,
					java.util.Arrays.stream(Phase.values())
						.map(phase -> new Chart.Series(phase.name(),
								months.stream()
									.map(month -> footprint.months()
										.stream()
										.filter(sums -> sums.month().equals(month) && sums.phase() == phase)
										.mapToDouble(WorkloadFootprint.Sums::facilityKwh)
										.sum())
									.toList()))
						.toList(),
					"kWh"))
			.build());
		document.section(Section.builder("Method and uncertainty")
			.paragraph("Measured lines: GPU power from nvidia-smi or the DCGM exporter integrated over time, Kepler"
					+ " energy counters, and CodeCarbon runs, attributed to the model's phases by the rules recorded"
					+ " for it. Billed cloud usage tagged for the model is estimated from usage (tier 3) or spend"
					+ " (tier 4).")
			.paragraph("Uncertainty: GPU telemetry measures the accelerators only (CPU, memory, storage and network"
					+ " of the hosts are not included unless Kepler or CodeCarbon measured them); PUE and WUE come"
					+ " from the site's meters when metered, else from the factor library; grid intensity is the"
					+ " zone's hourly value when imported, else its yearly average, which can differ from the hourly"
					+ " mix by tens of percent; embodied emissions rest on manufacturer-independent averages.")
			.build());
		document.changes(changes);
		document.dataQuality(DocumentContext.TIERS.get(0), 1.0);
		Methodology.add(document);
		document.provenance(context.provenance());
		return document.build();
	}

	private static WorkloadFootprint.Sums sum(WorkloadFootprint footprint, List<Phase> phases) {
		double[] s = new double[8];
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
			}
		}
		return new WorkloadFootprint.Sums("all", phases.get(0), s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], 0, 0);
	}

}
