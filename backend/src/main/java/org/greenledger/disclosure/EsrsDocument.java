package org.greenledger.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;

/**
 * The ESRS document of AI and cloud compute: a list of sections (energy consumption and
 * mix, gross Scopes 1, 2, 3 and totals, GHG intensity per net revenue, water
 * consumption), each labelled with the reference of the ESRS text that applies (first set
 * or revised), and an appendix mapping every reported figure to its datapoint.
 */
final class EsrsDocument {

	static final String APPENDIX = "Appendix: datapoints";

	private EsrsDocument() {
	}

	/**
	 * The sections of the document, in order. A disclosure requirement is added here as
	 * another {@link EsrsSection}.
	 */
	static List<EsrsSection> sections(EsrsSection.Facts facts) {
		return List.of(new EsrsEnergySection(), new EsrsEmissionsSection(), new EsrsIntensitySection(),
				new EsrsWaterSection());
	}

	/** The sections built from the facts, in order. */
	static List<EsrsSection.Part> parts(EsrsSection.Facts facts) {
		return sections(facts).stream().map(section -> section.build(facts)).toList();
	}

	/** The reported figures by key (figures not reported are left out). */
	static Map<String, Double> figures(List<EsrsSection.Part> parts) {
		Map<String, Double> figures = new LinkedHashMap<>();
		parts.stream()
			.flatMap(part -> part.datapoints().stream())
			.filter(datapoint -> datapoint.value() != null)
			.forEach(datapoint -> figures.put(datapoint.key(), datapoint.value()));
		return figures;
	}

	/**
	 * @param targetsAndActions the sections of targets and actions (E1-4, E1-3), from the
	 * reduction module, after the figures' sections
	 */
	static Document build(EsrsSection.Facts facts, List<EsrsSection.Part> parts, DocumentContext context,
			Section changes, List<Section> targetsAndActions) {
		EsrsVersion version = facts.version();
		Document.Builder document = Document.builder(context.title(DisclosureType.ESRS,
				"Energy, greenhouse gas emissions and water of AI and cloud compute (ESRS " + version.code() + ")"));
		document.section(Section.builder("ESRS text applied")
			.paragraph("This document follows "
					+ version.text() + ". "
					+ ((version == EsrsVersion.ESRS_2027)
							? "The revised standards apply from financial year " + EsrsVersion.REVISED_FROM
									+ "."
							: "The revised standards apply from financial year " + EsrsVersion.REVISED_FROM
									+ "; this text applies to earlier financial years.")
					+ " The version is chosen by the financial year of the report's first day, or by the request"
					+ " (esrsVersion 2023 or 2027).")
			.build());
		List<EsrsSection.Datapoint> datapoints = new ArrayList<>();
		for (EsrsSection.Part part : parts) {
			document.section(part.section());
			datapoints.addAll(part.datapoints());
		}
		targetsAndActions.forEach(document::section);
		document.section(appendix(datapoints));
		document.changes(changes);
		for (int tier = 1; tier <= 5; tier++) {
			document.dataQuality(DocumentContext.TIERS.get(tier - 1),
					facts.inventory().qualityShares().getOrDefault(tier, 0.0));
		}
		facts.inventory().exclusions().forEach(document::footnote);
		document.methodology("ESRS references",
				"Figures are labelled with the paragraphs of " + version.text()
						+ ". References the sources available to GreenLedger did not show are marked '"
						+ EsrsVersion.TO_CONFIRM + "'; docs/reports.md lists the sources.");
		Methodology.add(document, facts.inventory());
		document.provenance(context.provenance());
		return document.build();
	}

	/** Every reported figure with its datapoint reference and source. */
	private static Section appendix(List<EsrsSection.Datapoint> datapoints) {
		return Section.builder(APPENDIX)
			.paragraph("Each figure of this document with its ESRS datapoint reference, how far the reference was"
					+ " confirmed, and where the value comes from in GreenLedger.")
			.add(Table.of("Datapoints",
					List.of(Column.text("Figure"), Column.number("Value", null, 4), Column.text("Unit"),
							Column.text("ESRS reference"), Column.text("Reference confirmed in"),
							Column.text("Source in GreenLedger")),
					datapoints.stream()
						.map(datapoint -> java.util.Arrays.<Object>asList(capitalized(datapoint.label()),
								datapoint.value(), datapoint.unit(), datapoint.reference(), datapoint.confirmation(),
								datapoint.source()))
						.toList()))
			.build();
	}

	/** The datapoint as a key figure, with its reference and source. */
	static KeyFigure keyFigure(EsrsSection.Datapoint datapoint, int decimals) {
		return new KeyFigure(capitalized(datapoint.label()), (datapoint.value() != null) ? datapoint.value() : 0,
				datapoint.unit(), decimals, datapoint.reference(), datapoint.source());
	}

	static double total(List<EnergyMix.SiteEnergy> sites, ToDoubleFunction<EnergyMix.SiteEnergy> value) {
		return sites.stream().mapToDouble(value).sum();
	}

	private static String capitalized(String label) {
		return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
	}

}
