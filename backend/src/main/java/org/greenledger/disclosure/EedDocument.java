package org.greenledger.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.greenledger.reports.Block;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;
import org.greenledger.sites.SiteKind;

/**
 * The EU Energy Efficiency Directive data-centre report (Article 12 and Delegated
 * Regulation (EU) 2024/1364): for each own data centre, the key performance indicators
 * GreenLedger computes from its meters and instruments, and those it cannot compute yet.
 */
final class EedDocument {

	/** Indicators of the delegated regulation GreenLedger does not have data for yet. */
	static final List<String> MISSING = List.of("Total and computer-room floor area (m2)",
			"Installed information technology power demand (kW)", "Incoming and outgoing data traffic",
			"Data storage capacity", "Energy reuse factor (ERF) and waste heat reused (kWh): heat reuse is not metered",
			"Cooling efficiency ratio (CER): cooling output is not metered",
			"Cooling system and temperature set points",
			"Renewable energy factor (REF) from guarantees of origin, PPAs and on-site generation, separately",
			"Potable water share of the water input");

	private EedDocument() {
	}

	static Map<String, Double> figures(List<EnergyMix.SiteEnergy> sites) {
		Map<String, Double> figures = new LinkedHashMap<>();
		for (EnergyMix.SiteEnergy site : own(sites)) {
			String code = site.site().code();
			figures.put(code + " total energy consumption (kWh)", site.totalKwh());
			figures.put(code + " IT energy consumption (kWh)", site.itKwh());
			if (site.pue() != null) {
				figures.put(code + " PUE", site.pue());
			}
			if (site.wue() != null) {
				figures.put(code + " WUE (L/kWh)", site.wue());
			}
			figures.put(code + " renewable energy share (%)",
					(site.electricityKwh() > 0) ? 100 * site.renewableKwh() / site.electricityKwh() : 0);
			figures.put(code + " water input (m3)", site.waterLitres() / 1000);
		}
		return figures;
	}

	static Document build(List<EnergyMix.SiteEnergy> sites, DocumentContext context, Section changes) {
		Document.Builder document = Document
			.builder(context.title(DisclosureType.EED_DATACENTRE, "Key performance indicators of own data centres"));
		List<EnergyMix.SiteEnergy> own = own(sites);
		if (own.isEmpty()) {
			document.section(Section.builder("Own data centres")
				.paragraph("No own data centre has meter readings in the period. Register sites under Sites and"
						+ " upload their facility, IT, water and fuel meters.")
				.build());
		}
		for (EnergyMix.SiteEnergy site : own) {
			document.section(Section.builder("Data centre " + site.site().code() + ": " + site.site().name())
				.reference("Delegated Regulation (EU) 2024/1364, Annex I and II")
				.add(Block.KeyFigures.of(
						new KeyFigure("Total energy consumption", site.totalKwh(), "kWh", 0,
								"Delegated Regulation (EU) 2024/1364, Annex II", null),
						new KeyFigure("IT energy consumption", site.itKwh(), "kWh", 0,
								"Delegated Regulation (EU) 2024/1364, Annex II", null),
						new KeyFigure("Power usage effectiveness (PUE)", (site.pue() != null) ? site.pue() : 0, "", 3,
								"ISO/IEC 30134-2", (site.pue() != null) ? null : "IT load not metered"),
						new KeyFigure("Water usage effectiveness (WUE)", (site.wue() != null) ? site.wue() : 0, "L/kWh",
								3, "ISO/IEC 30134-9", (site.wue() != null) ? null : "water not metered"),
						new KeyFigure("Renewable energy share",
								(site.electricityKwh() > 0) ? 100 * site.renewableKwh() / site.electricityKwh() : 0,
								"%", 1, "Delegated Regulation (EU) 2024/1364, Annex II", null),
						new KeyFigure("Water input", site.waterLitres() / 1000, "m3", 3,
								"Delegated Regulation (EU) 2024/1364, Annex II", null)))
				.add(Table.of("Indicators not computed yet", List.of(Column.text("Indicator")),
						MISSING.stream().map(missing -> List.<Object>of(missing)).toList()))
				.build());
		}
		document.changes(changes);
		document.dataQuality(DocumentContext.TIERS.get(0), 1.0);
		document.footnote("Colocated sites and cloud regions are not own data centres and are not reported here.");
		Methodology.add(document);
		document.provenance(context.provenance());
		return document.build();
	}

	private static List<EnergyMix.SiteEnergy> own(List<EnergyMix.SiteEnergy> sites) {
		return sites.stream().filter(site -> site.site().kind() == SiteKind.OWN).toList();
	}

}
