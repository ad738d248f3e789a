package org.greenledger.disclosure;

import java.util.ArrayList;
import java.util.List;

import org.greenledger.inventory.GhgInventory;
import org.greenledger.reports.Block;
import org.greenledger.reports.Column;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;

/**
 * Gross Scope 1, 2 (location- and market-based), Scope 3 by category and the totals (ESRS
 * E1-6 of 2023/2772, E1-8 of the revised text). Scope 3 is listed by the fifteen
 * categories of the GHG Protocol Scope 3 Standard, which both texts refer to: the two
 * GreenLedger computes with their values, the others as outside the boundary of a
 * document on AI and cloud compute.
 */
final class EsrsEmissionsSection implements EsrsSection {

	/** The GHG Protocol Corporate Value Chain (Scope 3) Standard's categories. */
	static final List<String> SCOPE3_CATEGORIES = List.of("Purchased goods and services", "Capital goods",
			"Fuel- and energy-related activities", "Upstream transportation and distribution",
			"Waste generated in operations", "Business travel", "Employee commuting", "Upstream leased assets",
			"Downstream transportation and distribution", "Processing of sold products", "Use of sold products",
			"End-of-life treatment of sold products", "Downstream leased assets", "Franchises", "Investments");

	private static final String OUTSIDE = "outside this document's boundary (AI and cloud compute); report from"
			+ " the organisation's wider inventory";

	@Override
	public Part build(Facts facts) {
		GhgInventory ghg = facts.inventory();
		EsrsVersion version = facts.version();
		double category1Location = (ghg.scope3Category1LocationKg() + ghg.scope3Category1EmbodiedKg()) / 1000;
		double category1Market = (ghg.scope3Category1MarketKg() + ghg.scope3Category1EmbodiedKg()) / 1000;
		double category2 = ghg.scope3Category2Kg() / 1000;
		List<Datapoint> datapoints = List.of(
				facts.datapoint(EsrsFigure.SCOPE1, ghg.scope1Kg() / 1000,
						"generator fuel burnt at own sites x US EPA GHG Emission Factors Hub 2024"),
				facts.datapoint(EsrsFigure.SCOPE2_LOCATION, ghg.scope2LocationKg() / 1000,
						"sites' metered electricity x grid zone intensity"),
				facts.datapoint(EsrsFigure.SCOPE2_MARKET, ghg.scope2MarketKg() / 1000,
						"sites' metered electricity x instruments, supplier rates or residual mix"),
				facts.datapoint(EsrsFigure.SCOPE3, category1Location + category2,
						"categories 1 and 2, location-based operational plus embodied"),
				facts.datapoint(EsrsFigure.SCOPE3_CATEGORY_1, category1Location,
						"cloud and AI services: activity lines (operational, location-based) plus amortized embodied"),
				facts.datapoint(EsrsFigure.SCOPE3_CATEGORY_2, category2,
						"purchased IT hardware recorded in GreenLedger (none recorded: listed as an exclusion)"),
				facts.datapoint(EsrsFigure.TOTAL_LOCATION, ghg.totalLocationKg() / 1000,
						"Scope 1 + Scope 2 location-based + Scope 3"),
				facts.datapoint(EsrsFigure.TOTAL_MARKET, ghg.totalMarketKg() / 1000,
						"Scope 1 + Scope 2 market-based + Scope 3 (category 1 market-based)"));
		List<List<Object>> categories = new ArrayList<>();
		for (int i = 0; i < SCOPE3_CATEGORIES.size(); i++) {
			List<Object> row = new ArrayList<>();
			row.add((double) (i + 1));
			row.add(SCOPE3_CATEGORIES.get(i));
			if (i == 0) {
				row.addAll(List.of(category1Location, category1Market, datapoints.get(4).source()));
			}
			else if (i == 1) {
				row.addAll(List.of(category2, category2, datapoints.get(5).source()));
			}
			else {
				row.add(null);
				row.add(null);
				row.add(OUTSIDE);
			}
			categories.add(row);
		}
		String requirement = version.requirement(EsrsFigure.SCOPE1);
		Section section = Section.builder(requirement + " Gross Scopes 1, 2, 3 and total GHG emissions")
			.reference("ESRS " + requirement)
			.add(Block.KeyFigures.of(EsrsDocument.keyFigure(datapoints.get(0), 3),
					EsrsDocument.keyFigure(datapoints.get(1), 3), EsrsDocument.keyFigure(datapoints.get(2), 3),
					EsrsDocument.keyFigure(datapoints.get(3), 3), EsrsDocument.keyFigure(datapoints.get(6), 3),
					EsrsDocument.keyFigure(datapoints.get(7), 3)))
			.add(Table.of("Scope 3 by category (t CO2e)",
					List.of(Column.integer("Category", null), Column.text("Name"),
							Column.number("Location-based", "t CO2e", 3), Column.number("Market-based", "t CO2e", 3),
							Column.text("Source")),
					categories))
			.build();
		return new Part(section, datapoints);
	}

}
