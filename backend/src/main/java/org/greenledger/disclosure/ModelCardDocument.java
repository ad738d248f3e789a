package org.greenledger.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * section 1, points 2(d) ("computational resources used to train the model ... training
 * time") and 2(e) ("known or estimated energy consumption of the model"), with the
 * compute and energy items of the GPAI Code of Practice's Model Documentation Form:
 * training compute in FLOP (entered or estimated, with the method), training time,
 * training and inference energy, CO2e location- and market-based, embodied share, water,
 * and the SCI for AI of the consumer and provider boundaries.
 */
final class ModelCardDocument {

	static final String ANNEX_XI = "EU AI Act (Regulation (EU) 2024/1689), Annex XI, section 1";

	private ModelCardDocument() {
	}

	static Map<String, Double> figures(ModelCardFacts facts) {
		Map<String, Double> figures = new LinkedHashMap<>();
		for (WorkloadFootprint.Sums phase : facts.footprint().phases()) {
			String name = phase.phase().name().toLowerCase(Locale.ROOT).replace('_', '-');
			figures.put(name + " energy, facility (kWh)", phase.facilityKwh());
			figures.put(name + " GPU hours", phase.acceleratorHours());
			figures.put(name + " CO2e location-based (kg)", phase.co2eLocationKg());
			figures.put(name + " CO2e market-based (kg)", phase.co2eMarketKg());
			figures.put(name + " CO2e embodied (kg)", phase.co2eEmbodiedKg());
		}
		if (facts.computeFlop() != null) {
			figures.put("training compute (FLOP)", facts.computeFlop());
		}
		if (facts.trainingDays() != null) {
			figures.put("training time (days)", facts.trainingDays());
		}
		figures.put("training energy (MWh)", facts.trainingSums().facilityKwh() / 1000);
		for (List<Object> row : ModelCardSci.rows(facts)) {
			figures.put("SCI " + row.get(0) + " " + row.get(1) + " " + row.get(2) + " (g CO2e)", (Double) row.get(5));
		}
		return figures;
	}

	static Document build(ModelCardFacts facts, DocumentContext context, Section changes) {
		WorkloadFootprint footprint = facts.footprint();
		var workload = footprint.workload();
		Document.Builder document = Document.builder(context.title(DisclosureType.AI_MODEL_CARD,
				workload.name() + ((workload.model() != null) ? " (" + workload.model() + ")" : "")));
		WorkloadFootprint.Sums training = facts.trainingSums();
		WorkloadFootprint.Sums inference = facts.inferenceSums();
		document.section(Section.builder("Training compute and time")
			.reference(ANNEX_XI + ", point 2(d); " + ModelCardForm.FORM)
			.add(Block.KeyFigures.of(
					new KeyFigure("Training compute", (facts.computeFlop() != null) ? facts.computeFlop() / 1e15 : 0,
							"x 10^15 FLOP", 1, ANNEX_XI + ", point 2(d)", facts.computeMethod()),
					new KeyFigure("Training time", (facts.trainingDays() != null) ? facts.trainingDays() : 0, "days", 0,
							ANNEX_XI + ", point 2(d)",
							(facts.trainingDays() != null) ? "wall clock, training dates entered"
									: "not known: training dates not entered"),
					new KeyFigure("Training compute time", facts.acceleratorHours(), "accelerator-hours", 1, null,
							(facts.training() != null && facts.training().acceleratorHours() != null) ? "entered"
									: "GPU telemetry and billed accelerator usage in the ledger")))
			.paragraph("Training compute: " + facts.computeMethod() + ".")
			.build());
		document.section(Section.builder("Energy, emissions and water of the model")
			.reference(ANNEX_XI + ", point 2(e)")
			.add(Block.KeyFigures.of(
					new KeyFigure("Training energy (incl. experimentation and fine-tuning)", training.facilityKwh(),
							"kWh", 1, ANNEX_XI + ", point 2(e)", ModelCardFacts.energyMethod(training)),
					new KeyFigure("Inference energy", inference.facilityKwh(), "kWh", 1, ANNEX_XI + ", point 2(e)",
							ModelCardFacts.energyMethod(inference)),
					new KeyFigure("CO2e, location-based", training.co2eLocationKg() + inference.co2eLocationKg(),
							"kg CO2e", 2, null, "facility energy x grid zone intensity"),
					new KeyFigure("CO2e, market-based", training.co2eMarketKg() + inference.co2eMarketKg(), "kg CO2e",
							2, null, "instruments, supplier rates or residual mix (GHG Protocol Scope 2 Guidance)"),
					new KeyFigure("CO2e, embodied share", training.co2eEmbodiedKg() + inference.co2eEmbodiedKg(),
							"kg CO2e", 2, null, "amortized GPU and server manufacturing (SCI, ISO/IEC 21031)"),
					new KeyFigure("Water, on and off site",
							training.waterOnSiteLitres() + training.waterOffSiteLitres() + inference.waterOnSiteLitres()
									+ inference.waterOffSiteLitres(),
							"L", 0, null, "on site IT energy x WUE, off site facility energy x EWIF")))
			.add(Table.of("Per phase",
					List.of(Column.text("Phase"), Column.number("IT energy", "kWh", 2),
							Column.number("Facility energy", "kWh", 2), Column.number("GPU hours", "h", 1),
							Column.number("CO2e location", "kg", 3), Column.number("CO2e market", "kg", 3),
							Column.number("CO2e embodied", "kg", 3), Column.number("Water on site", "L", 1),
							Column.number("Water off site", "L", 1), Column.text("Energy source")),
					footprint.phases()
						.stream()
						.map(phase -> List.<Object>of(phase.phase().name(), phase.itKwh(), phase.facilityKwh(),
								phase.acceleratorHours(), phase.co2eLocationKg(), phase.co2eMarketKg(),
								phase.co2eEmbodiedKg(), phase.waterOnSiteLitres(), phase.waterOffSiteLitres(),
								ModelCardFacts.energyMethod(phase)))
						.toList()))
			.build());
		document.section(ModelCardSci.section(facts));
		document.section(ModelCardForm.section(facts));
		document.section(overTime(footprint));
		document.section(Section.builder("Method and uncertainty")
			.paragraph("Measured lines: GPU power from nvidia-smi or the DCGM exporter integrated over time, Kepler"
					+ " energy counters, and CodeCarbon runs, attributed to the model's phases by the rules recorded"
					+ " for it. Billed cloud usage tagged for the model is estimated from usage (tier 3) or spend"
					+ " (tier 4). Training compute is entered by the provider or estimated as accelerator-hours x"
					+ " 3,600 s/h x the accelerator's peak dense 16-bit throughput (Epoch AI machine learning hardware"
					+ " data, CC BY 4.0) x the utilization entered; peak figures overstate what is achieved, which the"
					+ " utilization corrects.")
			.paragraph("Uncertainty: GPU telemetry measures the accelerators only (CPU, memory, storage and network"
					+ " of the hosts are not included unless Kepler or CodeCarbon measured them); PUE and WUE come"
					+ " from the site's meters when metered, else from the factor library; grid intensity is the"
					+ " zone's hourly value when imported, else its yearly average, which can differ from the hourly"
					+ " mix by tens of percent; embodied emissions rest on manufacturer-independent averages.")
			.build());
		document.changes(changes);
		double total = footprint.measuredCo2eKg() + footprint.billedCo2eKg();
		document.dataQuality(DocumentContext.TIERS.get(0), (total > 0) ? footprint.measuredCo2eKg() / total : 0);
		document.dataQuality(DocumentContext.TIERS.get(1), 0);
		document.dataQuality(DocumentContext.TIERS.get(2), (total > 0) ? footprint.billedCo2eKg() / total : 0);
		document.dataQuality(DocumentContext.TIERS.get(3), 0);
		document.dataQuality(DocumentContext.TIERS.get(4), 0);
		document.methodology("Data quality of the model card",
				"Share of the CO2e (location-based plus embodied)"
						+ " from measured lines (tier 1) and from the cloud bill (counted as tier 3, usage-based; rows"
						+ " estimated from spend only are tier 4 in the GHG inventory but are not told apart here).");
		document.methodology("SCI for AI", ModelCardSci.SPEC + ".");
		Methodology.add(document);
		document.provenance(context.provenance());
		return document.build();
	}

	private static Section overTime(WorkloadFootprint footprint) {
		List<String> months = footprint.months().stream().map(WorkloadFootprint.Sums::month).distinct().toList();
		return Section.builder("Over time")
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
			.build();
	}

}
