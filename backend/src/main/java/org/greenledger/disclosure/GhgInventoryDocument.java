package org.greenledger.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.greenledger.inventory.GhgInventory;
import org.greenledger.reports.Block;
import org.greenledger.reports.Chart;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;

/**
 * The GHG inventory document: totals by scope (Scope 2 location- and market-based), the
 * monthly trend, breakdowns by provider, region, org unit and site, the providers' own
 * figures against GreenLedger's, exclusions, methodology (with the choice of figure) and
 * data quality. Its figures are keyed for comparing versions.
 */
final class GhgInventoryDocument {

	/** What a month without data shows in place of its figures. */
	static final String NO_DATA = "no data";

	private GhgInventoryDocument() {
	}

	/** The figures a restatement compares, in tonnes CO2e and MWh. */
	static Map<String, Double> figures(GhgInventory inventory) {
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("Scope 1 (t CO2e)", inventory.scope1Kg() / 1000);
		figures.put("Scope 2 location-based (t CO2e)", inventory.scope2LocationKg() / 1000);
		figures.put("Scope 2 market-based (t CO2e)", inventory.scope2MarketKg() / 1000);
		figures.put("Scope 3 category 1 location-based (t CO2e)", inventory.scope3Category1LocationKg() / 1000);
		figures.put("Scope 3 category 1 market-based (t CO2e)", inventory.scope3Category1MarketKg() / 1000);
		figures.put("Scope 3 category 1 embodied (t CO2e)", inventory.scope3Category1EmbodiedKg() / 1000);
		figures.put("Scope 3 category 2 (t CO2e)", inventory.scope3Category2Kg() / 1000);
		figures.put("Total location-based (t CO2e)", inventory.totalLocationKg() / 1000);
		figures.put("Total market-based (t CO2e)", inventory.totalMarketKg() / 1000);
		figures.put("Site electricity (MWh)", inventory.siteFacilityKwh() / 1000);
		figures.put("Cloud electricity, facility level (MWh)", inventory.cloudFacilityKwh() / 1000);
		return figures;
	}

	static Document build(GhgInventory inventory, DocumentContext context, Section changes, Section reconciliation) {
		Document.Builder document = Document.builder(context.title(DisclosureType.GHG_INVENTORY,
				"Scope 1, Scope 2 (location- and market-based) and Scope 3 categories 1 and 2"));
		document.section(Section.builder("Summary")
			.add(Block.KeyFigures.of(
					new KeyFigure("Scope 1", inventory.scope1Kg() / 1000, "t CO2e", 3, "GHG Protocol Scope 1", null),
					new KeyFigure("Scope 2, location-based", inventory.scope2LocationKg() / 1000, "t CO2e", 3,
							"GHG Protocol Scope 2", null),
					new KeyFigure("Scope 2, market-based", inventory.scope2MarketKg() / 1000, "t CO2e", 3,
							"GHG Protocol Scope 2", null),
					new KeyFigure("Scope 3, category 1",
							(inventory.scope3Category1LocationKg() + inventory.scope3Category1EmbodiedKg()) / 1000,
							"t CO2e", 3, "GHG Protocol Scope 3", "location-based operational plus amortized embodied"),
					new KeyFigure("Total, location-based", inventory.totalLocationKg() / 1000, "t CO2e", 3, null, null),
					new KeyFigure("Total, market-based", inventory.totalMarketKg() / 1000, "t CO2e", 3, null, null)))
			.build());
		document.section(Section.builder("Emissions by scope")
			.add(Table.of("Emissions by scope (t CO2e)",
					List.of(Column.text("Scope"), Column.number("Location-based", "t CO2e", 3),
							Column.number("Market-based", "t CO2e", 3)),
					List.of(List.of("Scope 1: fuel burnt at own sites", inventory.scope1Kg() / 1000,
							inventory.scope1Kg() / 1000),
							List.of("Scope 2: electricity of own and colocated sites",
									inventory.scope2LocationKg() / 1000, inventory.scope2MarketKg() / 1000),
							List.of("Scope 3 category 1: cloud and AI services, operational",
									inventory.scope3Category1LocationKg() / 1000,
									inventory.scope3Category1MarketKg() / 1000),
							List.of("Scope 3 category 1: cloud hardware, embodied (amortized)",
									inventory.scope3Category1EmbodiedKg() / 1000,
									inventory.scope3Category1EmbodiedKg() / 1000),
							List.of("Scope 3 category 2: purchased IT hardware", inventory.scope3Category2Kg() / 1000,
									inventory.scope3Category2Kg() / 1000),
							List.of("Total", inventory.totalLocationKg() / 1000, inventory.totalMarketKg() / 1000))))
			.build());
		List<String> months = inventory.months().stream().map(GhgInventory.MonthFigures::month).toList();
		document.section(Section.builder("Monthly trend")
			.add(new Chart(Chart.Kind.STACKED_BAR, "Emissions per month by scope (location-based)", months,
					List.of(new Chart.Series("Scope 1", tonnes(inventory.months(), 0)),
							new Chart.Series("Scope 2", tonnes(inventory.months(), 1)),
							new Chart.Series("Scope 3 operational", tonnes(inventory.months(), 2)),
							new Chart.Series("Scope 3 embodied", tonnes(inventory.months(), 3))),
					"t CO2e"))
			.add(Table.of("Emissions per month (t CO2e)", List.of(Column.text("Month"),
					Column.number("Scope 1", "t CO2e", 3), Column.number("Scope 2 location", "t CO2e", 3),
					Column.number("Scope 2 market", "t CO2e", 3), Column.number("Scope 3 operational", "t CO2e", 3),
					Column.number("Scope 3 embodied", "t CO2e", 3)),
					inventory.months()
						.stream()
						.map(month -> month.hasData()
								? List.<Object>of(month.month(), month.scope1Kg() / 1000,
										month.scope2LocationKg() / 1000, month.scope2MarketKg() / 1000,
										month.scope3LocationKg() / 1000, month.scope3EmbodiedKg() / 1000)
								: List.<Object>of(month.month(), NO_DATA, NO_DATA, NO_DATA, NO_DATA, NO_DATA))
						.toList()))
			.build());
		document.section(breakdown("Cloud and AI services by provider", "Provider", inventory.byProvider()));
		document.section(breakdown("Cloud and AI services by region", "Region", inventory.byRegion()));
		document.section(breakdown("Cloud and AI services by org unit", "Org unit", inventory.byOrgUnit()));
		document.section(Section.builder("Own and colocated sites")
			.add(Table.of("Sites: electricity, Scope 1 and Scope 2",
					List.of(Column.text("Site"), Column.text("Kind"), Column.number("Electricity", "MWh", 3),
							Column.number("Diesel", "L", 0), Column.number("Scope 1", "t CO2e", 3),
							Column.number("Scope 2 location", "t CO2e", 3),
							Column.number("Scope 2 market", "t CO2e", 3)),
					inventory.bySite()
						.stream()
						.map(site -> List.<Object>of(site.code() + " " + site.name(), site.kind(),
								site.facilityKwh() / 1000, site.fuelLitres(), site.scope1Kg() / 1000,
								site.scope2LocationKg() / 1000, site.scope2MarketKg() / 1000))
						.toList()))
			.build());
		document.section(reconciliation);
		Section.Builder exclusions = Section.builder("Exclusions");
		inventory.exclusions().forEach(exclusions::paragraph);
		document.section(exclusions.build());
		document.changes(changes);
		for (int tier = 1; tier <= 5; tier++) {
			document.dataQuality(DocumentContext.TIERS.get(tier - 1),
					inventory.qualityShares().getOrDefault(tier, 0.0));
		}
		Methodology.add(document, inventory);
		document.provenance(context.provenance());
		return document.build();
	}

	private static Section breakdown(String heading, String key, List<GhgInventory.Breakdown> groups) {
		return Section.builder(heading)
			.add(Table.of(heading + " (Scope 3 category 1)",
					List.of(Column.text(key), Column.number("Facility electricity", "MWh", 3),
							Column.number("Location-based", "t CO2e", 3), Column.number("Market-based", "t CO2e", 3),
							Column.number("Embodied", "t CO2e", 3)),
					groups.stream()
						.map(group -> List.<Object>of(group.key(), group.facilityKwh() / 1000,
								group.locationKg() / 1000, group.marketKg() / 1000, group.embodiedKg() / 1000))
						.toList()))
			.build();
	}

	/**
	 * One scope's tonnes per month; a month without data is NaN, which the charts leave
	 * blank and their data tables print as "no data".
	 */
	private static List<Double> tonnes(List<GhgInventory.MonthFigures> months, int which) {
		List<Double> values = new ArrayList<>();
		for (GhgInventory.MonthFigures month : months) {
			if (!month.hasData()) {
				values.add(Double.NaN);
				continue;
			}
			values.add(switch (which) {
				case 0 -> month.scope1Kg() / 1000;
				case 1 -> month.scope2LocationKg() / 1000;
				case 2 -> month.scope3LocationKg() / 1000;
				default -> month.scope3EmbodiedKg() / 1000;
			});
		}
		return values;
	}

}
