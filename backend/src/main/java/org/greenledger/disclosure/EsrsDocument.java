package org.greenledger.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.greenledger.inventory.GhgInventory;
import org.greenledger.reports.Block;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;

/**
 * ESRS datapoints GreenLedger can compute for AI and cloud compute: E1-5 energy
 * consumption and mix of own operations, E1-6 gross Scope 1, 2 and 3 emissions, E3-4
 * water consumption; each labelled with its ESRS reference.
 */
final class EsrsDocument {

	private EsrsDocument() {
	}

	static Map<String, Double> figures(GhgInventory inventory, List<EnergyMix.SiteEnergy> sites) {
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("E1-5 total energy consumption (MWh)", total(sites, EnergyMix.SiteEnergy::totalKwh) / 1000);
		figures.put("E1-5 from fossil sources (MWh)", total(sites, EnergyMix.SiteEnergy::fossilKwh) / 1000);
		figures.put("E1-5 from nuclear sources (MWh)", total(sites, EnergyMix.SiteEnergy::nuclearKwh) / 1000);
		figures.put("E1-5 from renewable sources (MWh)", total(sites, EnergyMix.SiteEnergy::renewableKwh) / 1000);
		figures.put("E1-6 gross Scope 1 (t CO2e)", inventory.scope1Kg() / 1000);
		figures.put("E1-6 gross location-based Scope 2 (t CO2e)", inventory.scope2LocationKg() / 1000);
		figures.put("E1-6 gross market-based Scope 2 (t CO2e)", inventory.scope2MarketKg() / 1000);
		figures.put("E1-6 gross Scope 3 (t CO2e)", (inventory.scope3Category1LocationKg()
				+ inventory.scope3Category1EmbodiedKg() + inventory.scope3Category2Kg()) / 1000);
		figures.put("E1-6 total location-based (t CO2e)", inventory.totalLocationKg() / 1000);
		figures.put("E1-6 total market-based (t CO2e)", inventory.totalMarketKg() / 1000);
		figures.put("E3-4 water consumption (m3)", total(sites, EnergyMix.SiteEnergy::waterLitres) / 1000);
		return figures;
	}

	static Document build(GhgInventory inventory, List<EnergyMix.SiteEnergy> sites, DocumentContext context,
			Section changes, List<Section> targetsAndActions) {
		Map<String, Double> figures = figures(inventory, sites);
		Document.Builder document = Document.builder(context.title(DisclosureType.ESRS,
				"Energy, greenhouse gas emissions and water of AI and cloud compute"));
		double total = figures.get("E1-5 total energy consumption (MWh)");
		document.section(Section.builder("E1-5 Energy consumption and mix")
			.reference("ESRS E1-5")
			.paragraph("Energy consumption of own operations: electricity bought for own and colocated data centres"
					+ " and fuel burnt by their generators. Electricity of cloud services is not own consumption"
					+ " (it is in Scope 3); it is shown for information.")
			.add(Block.KeyFigures.of(new KeyFigure("Total energy consumption", total, "MWh", 3, "ESRS E1-5 (37)", null),
					new KeyFigure("From fossil sources", figures.get("E1-5 from fossil sources (MWh)"), "MWh", 3,
							"ESRS E1-5 (37 a)", null),
					new KeyFigure("From nuclear sources", figures.get("E1-5 from nuclear sources (MWh)"), "MWh", 3,
							"ESRS E1-5 (37 b)", null),
					new KeyFigure("From renewable sources", figures.get("E1-5 from renewable sources (MWh)"), "MWh", 3,
							"ESRS E1-5 (37 c)", null),
					new KeyFigure("Renewable share",
							(total > 0) ? 100 * figures.get("E1-5 from renewable sources (MWh)") / total : 0, "%", 1,
							"ESRS E1-5", null),
					new KeyFigure("Cloud electricity (information)", inventory.cloudFacilityKwh() / 1000, "MWh", 3,
							null, "Scope 3 category 1; not own consumption")))
			.add(Table.of("Energy per site (MWh)",
					List.of(Column.text("Site"), Column.number("Electricity", "MWh", 3),
							Column.number("Generator fuel", "MWh", 3), Column.number("Fossil", "MWh", 3),
							Column.number("Nuclear", "MWh", 3), Column.number("Renewable", "MWh", 3)),
					sites.stream()
						.map(site -> List.<Object>of(site.site().code(), site.electricityKwh() / 1000,
								site.fuelKwh() / 1000, site.fossilKwh() / 1000, site.nuclearKwh() / 1000,
								site.renewableKwh() / 1000))
						.toList()))
			.note("Electricity not covered by zero-rate certificates or PPAs is split by the grid zone's yearly"
					+ " renewable and carbon-free shares (Electricity Maps, ODbL); generator fuel is fossil.")
			.build());
		document.section(Section.builder("E1-6 Gross Scopes 1, 2, 3 and total GHG emissions")
			.reference("ESRS E1-6")
			.add(Block.KeyFigures.of(
					new KeyFigure("Gross Scope 1", inventory.scope1Kg() / 1000, "t CO2e", 3, "ESRS E1-6 (44 a)", null),
					new KeyFigure("Gross location-based Scope 2", inventory.scope2LocationKg() / 1000, "t CO2e", 3,
							"ESRS E1-6 (44 b)", null),
					new KeyFigure("Gross market-based Scope 2", inventory.scope2MarketKg() / 1000, "t CO2e", 3,
							"ESRS E1-6 (44 b)", null),
					new KeyFigure("Gross Scope 3", figures.get("E1-6 gross Scope 3 (t CO2e)"), "t CO2e", 3,
							"ESRS E1-6 (44 c)", "categories 1 and 2"),
					new KeyFigure("Total GHG emissions, location-based", inventory.totalLocationKg() / 1000, "t CO2e",
							3, "ESRS E1-6 (44 d)", null),
					new KeyFigure("Total GHG emissions, market-based", inventory.totalMarketKg() / 1000, "t CO2e", 3,
							"ESRS E1-6 (44 d)", null)))
			.build());
		document.section(Section.builder("E3-4 Water consumption")
			.reference("ESRS E3-4")
			.add(Block.KeyFigures.of(
					new KeyFigure("Water consumption of own sites", figures.get("E3-4 water consumption (m3)"), "m3", 3,
							"ESRS E3-4 (28 a)", "metered water intake; discharge is not metered"),
					new KeyFigure("Cloud water on site (information)", inventory.cloudWaterOnSiteLitres() / 1000, "m3",
							3, null, "providers' cooling water, estimated with WUE"),
					new KeyFigure("Cloud water off site (information)", inventory.cloudWaterOffSiteLitres() / 1000,
							"m3", 3, null, "water of electricity generation, estimated with EWIF")))
			.build());
		targetsAndActions.forEach(document::section);
		document.changes(changes);
		for (int tier = 1; tier <= 5; tier++) {
			document.dataQuality(DocumentContext.TIERS.get(tier - 1),
					inventory.qualityShares().getOrDefault(tier, 0.0));
		}
		inventory.exclusions().forEach(document::footnote);
		Methodology.add(document, inventory);
		document.provenance(context.provenance());
		return document.build();
	}

	static double total(List<EnergyMix.SiteEnergy> sites,
			java.util.function.ToDoubleFunction<EnergyMix.SiteEnergy> value) {
		return sites.stream().mapToDouble(value).sum();
	}

}
