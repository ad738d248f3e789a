package org.greenledger.procurement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.reports.Block;
import org.greenledger.reports.Chart;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Provenance;
import org.greenledger.reports.Renderers;
import org.greenledger.reports.Section;
import org.greenledger.reports.Status;
import org.greenledger.reports.Table;
import org.greenledger.reports.TitleBlock;
import org.greenledger.system.DataMarkings;
import org.greenledger.system.GreenLedgerProperties;

import org.springframework.stereotype.Component;

/**
 * An evaluation as a document (PDF or XLSX through the reports library): the workload,
 * the candidates side by side with their projected footprint, score and rank, each
 * candidate's score breakdown, and the factors used.
 */
@Component
public class EvaluationReport {

	private final GreenLedgerProperties properties;

	private final List<DataMarkings> markings;

	EvaluationReport(GreenLedgerProperties properties, List<DataMarkings> markings) {
		this.properties = properties;
		this.markings = List.copyOf(markings);
	}

	public byte[] render(EvaluationResult result, boolean xlsx) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			(xlsx ? Renderers.xlsx() : Renderers.pdf()).render(document(result), out);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not render the evaluation: " + ex.getMessage(), ex);
		}
		return out.toByteArray();
	}

	Document document(EvaluationResult result) {
		EvaluationRequest.Workload workload = result.request().workload();
		String period = (workload != null) ? workload.from() + " to " + workload.to() : "";
		Document.Builder document = Document.builder(new TitleBlock("Procurement evaluation: " + result.name(),
				"Projected footprint of the workload at each candidate, supplier scores and ranking",
				this.properties.organisationName(), period, "PROCUREMENT_EVALUATION", result.createdAt(), Status.DRAFT,
				"1")
			.withMarking(DataMarkings.joined(this.markings)));
		List<EvaluationResult.CandidateResult> candidates = result.candidates();
		EvaluationSummary summary = EvaluationSummary.of(result);
		Section.Builder words = Section.builder("Summary")
			.paragraph("Workload: " + summary.workload())
			.paragraph(summary.best());
		summary.savings().forEach(saving -> words.paragraph("Saving: " + saving));
		summary.tradeOffs().forEach(tradeOff -> words.paragraph("Trade-off: " + tradeOff));
		document.section(words.paragraph(summary.cost()).build());
		document.section(Section.builder("Ranking")
			.paragraph("Candidates are ranked by projected CO2e (market-based operational plus embodied); ties by the"
					+ " higher supplier score. Scoring methodology: " + result.methodology() + " version "
					+ result.methodologyVersion() + ".")
			.add(Block.KeyFigures.of(candidates.stream()
				.sorted(java.util.Comparator.comparingInt(EvaluationResult.CandidateResult::rank))
				.limit(3)
				.map(candidate -> new KeyFigure("Rank " + candidate.rank() + ": " + candidate.label(),
						candidate.co2eRankingKg() / 1000, "t CO2e", 3, null, "score " + candidate.score().score()))
				.toArray(KeyFigure[]::new)))
			.add(Table.of("Candidates side by side",
					List.of(Column.text("Candidate"), Column.text("Supplier"), Column.text("Location"),
							Column.integer("Rank", null), Column.number("Facility energy", "MWh", 3),
							Column.number("CO2e location", "t", 3), Column.number("CO2e market", "t", 3),
							Column.number("CO2e embodied", "t", 3), Column.number("Water on site", "m3", 2),
							Column.number("Water off site", "m3", 2), Column.number("Score", "of 100", 1)),
					candidates.stream()
						.map(c -> List.<Object>of(c.label(), c.supplier(), c.location(), c.rank(),
								c.facilityKwh() / 1000, c.co2eLocationKg() / 1000, c.co2eMarketKg() / 1000,
								c.co2eEmbodiedKg() / 1000, c.waterOnSiteLitres() / 1000, c.waterOffSiteLitres() / 1000,
								c.score().score()))
						.toList()))
			.add(new Chart(Chart.Kind.STACKED_BAR, "Projected CO2e per candidate",
					candidates.stream().map(EvaluationResult.CandidateResult::label).toList(),
					List.of(new Chart.Series("Operational, market-based",
							candidates.stream().map(c -> c.co2eMarketKg() / 1000).toList()),
							new Chart.Series("Embodied",
									candidates.stream().map(c -> c.co2eEmbodiedKg() / 1000).toList())),
					"t CO2e"))
			.build());
		for (EvaluationResult.CandidateResult candidate : candidates) {
			document.section(Section.builder("Score of " + candidate.label())
				.add(Table.of("Score breakdown: " + candidate.supplier(),
						List.of(Column.text("Criterion"), Column.text("Value"), Column.number("Weight", null, 0),
								Column.number("Score", "of 100", 1), Column.number("Points", null, 2),
								Column.text("Evidence"), Column.text("What would change it")),
						candidate.score()
							.criteria()
							.stream()
							.map(c -> java.util.Arrays.<Object>asList(c.label(),
									(c.value() != null) ? c.value() : "missing", c.weight(), c.score(), c.points(),
									c.evidence(), c.toImprove()))
							.toList()))
				.add(Table.of("Factors used: " + candidate.label(), List.of(Column.text("Factor")),
						candidate.factors().stream().map(factor -> List.<Object>of(factor)).toList()))
				.build());
		}
		document.methodology("Projection", "Each candidate's energy, CO2e and water come from GreenLedger's footprint"
				+ " engine (method " + FootprintEngine.METHOD_VERSION + ") with the candidate's region or grid zone and"
				+ " the supplier's latest valid disclosure of PUE, WUE and market-based intensity in place of the factor"
				+ " library's (data-quality tier 2).");
		document.provenance(new Provenance("0.1.0-SNAPSHOT", FootprintEngine.METHOD_VERSION, List.of(), List.of(),
				result.id().toString(), null));
		return document.build();
	}

}
