package org.greenledger.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.reports.Block;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Section;
import org.greenledger.reports.Sheet;
import org.greenledger.reports.Table;

/**
 * The EU Energy Efficiency Directive data-centre report (Article 12 and Delegated
 * Regulation (EU) 2024/1364): for each own data centre, every indicator of Annexes I and
 * II with its value and source, the sustainability indicators PUE, WUE, ERF and REF, and
 * what is missing for the year, by name; the XLSX adds the sheet of the EU database
 * template (one row per data centre and indicator, as the CSV rendering).
 */
final class EedDocument {

	static final String TEMPLATE_SHEET = "EU database template";

	private static final List<Column> COLUMNS = List.of(Column.text("Field"), Column.text("Indicator"),
			Column.number("Value", null, 3), Column.text("Text value"), Column.text("Unit"), Column.text("Source"),
			Column.text("Reference"), Column.integer("Data quality tier", null));

	private EedDocument() {
	}

	static Map<String, Double> figures(List<EuDataCentres.SiteIndicators> sites) {
		Map<String, Double> figures = new LinkedHashMap<>();
		for (EuDataCentres.SiteIndicators site : sites) {
			String code = site.site().code();
			put(figures, code + " total energy consumption (kWh)", number(site, "EDC"));
			put(figures, code + " IT energy consumption (kWh)", number(site, "EIT"));
			put(figures, code + " PUE", number(site, "PUE"));
			put(figures, code + " WUE (L/kWh)", number(site, "WUE"));
			put(figures, code + " ERF", number(site, "ERF"));
			put(figures, code + " REF", number(site, "REF"));
			put(figures, code + " water input (m3)", number(site, "WIN"));
			put(figures, code + " renewable energy (kWh)", number(site, "ERES-TOT"));
			put(figures, code + " waste heat reused (kWh)", number(site, "EREUSE"));
			put(figures, code + " installed IT power (kW)", number(site, "PDIT"));
			figures.put(code + " indicators missing", (double) site.missing().size());
		}
		return figures;
	}

	static Document build(List<EuDataCentres.SiteIndicators> sites, DocumentContext context, Section changes) {
		Document.Builder document = Document
			.builder(context.title(DisclosureType.EED_DATACENTRE, "Information and key performance indicators of own"
					+ " data centres (Annexes I and II) and sustainability indicators (Annex III)"));
		if (sites.isEmpty()) {
			document.section(Section.builder("Own data centres")
				.paragraph("No own data centre has meter readings in the period. Register sites under Sites and"
						+ " upload their facility, IT, water and fuel meters.")
				.build());
		}
		List<List<@Nullable Object>> template = new ArrayList<>();
		for (EuDataCentres.SiteIndicators site : sites) {
			document.section(section(site, context));
			for (EuIndicator indicator : site.indicators()) {
				List<@Nullable Object> row = new ArrayList<>();
				row.add(site.site().code());
				row.add((double) site.year());
				row.addAll(cells(indicator));
				template.add(row);
			}
		}
		List<Column> templateColumns = new ArrayList<>(
				List.of(Column.text("Site"), Column.number("Reporting year", null, 0)));
		templateColumns.addAll(COLUMNS);
		document.sheet(new Sheet(TEMPLATE_SHEET, Table.of(TEMPLATE_SHEET, templateColumns, template)));
		document.changes(changes);
		double[] shares = tierShares(sites);
		for (int tier = 1; tier <= 5; tier++) {
			document.dataQuality(DocumentContext.TIERS.get(tier - 1), shares[tier - 1]);
		}
		document.footnote("Colocated sites and cloud regions are not own data centres and are not reported here.");
		document.methodology("EU data-centre indicators", "Energy (EDC, EIT) and water input (WIN) are the sums of"
				+ " the site's metered months over the report's dates. EDC is all energy entering the data centre"
				+ " (EN 50600-4-2, ISO/IEC 30134-2): the facility-total meters' electricity from the grid, plus the"
				+ " renewable electricity generated on site and consumed (ERES-OS, metered at the generator's output"
				+ " and so not in the grid meter), plus generator fuel at its energy content. Waste heat reused"
				+ " (EREUSE) and on-site renewable generation (ERES-OS) are the sums of the site's waste-heat and"
				+ " on-site renewable meters when they measured anything in those dates,"
				+ " else the values entered for the year (metered wins; each indicator's source says which), and"
				+ " the waste heat temperature is the heat-weighted mean of the temperatures registered with the"
				+ " waste-heat meters. The other Annex I and II values are entered per site and calendar year with"
				+ " their evidence (Sites, EU indicators). PUE = EDC / EIT (ISO/IEC 30134-2, EN 50600-4-2); WUE = WIN in"
				+ " litres / EIT (ISO/IEC 30134-9, EN 50600-4-9); ERF = EREUSE / EDC (ISO/IEC 30134-6, EN 50600-4-6);"
				+ " REF = ERES-TOT / EDC with ERES-TOT = ERES-GOO + ERES-PPA + ERES-OS (ISO/IEC 30134-3,"
				+ " EN 50600-4-3).");
		Methodology.add(document);
		document.provenance(context.provenance());
		return document.build();
	}

	private static Section section(EuDataCentres.SiteIndicators site, DocumentContext context) {
		Section.Builder section = Section.builder("Data centre " + site.site().code() + ": " + site.site().name())
			.reference(EuDataCentreIndicators.ANNEX_I + ", II and III");
		if (!context.from().equals(LocalDate.of(site.year(), 1, 1))
				|| !context.to().equals(LocalDate.of(site.year(), 12, 31))) {
			section.paragraph("The regulation reports calendar years. Metered values cover " + context.from() + " to "
					+ context.to() + "; entered values are those of " + site.year() + ".");
		}
		List<KeyFigure> figures = new ArrayList<>();
		for (String field : List.of("PUE", "WUE", "ERF", "REF")) {
			EuIndicator indicator = indicator(site, field);
			if (indicator.number() != null) {
				figures.add(new KeyFigure(indicator.name() + " (" + field + ")", indicator.number(), indicator.unit(),
						3, indicator.reference(), indicator.source()));
			}
		}
		if (!figures.isEmpty()) {
			section.add(Block.KeyFigures.of(figures.toArray(KeyFigure[]::new)));
		}
		section.add(Table.of("Indicators " + site.year(), COLUMNS,
				site.indicators().stream().map(EedDocument::cells).toList()));
		List<EuIndicator> missing = site.missing();
		if (missing.isEmpty()) {
			section.paragraph("Every indicator of Annexes I and II has a value for " + site.year() + ".");
		}
		else {
			section.add(Table.of("Missing for " + site.year() + ": " + missing.size() + " indicator(s)",
					List.of(Column.text("Field"), Column.text("Indicator"), Column.text("What to do")),
					missing.stream()
						.map(indicator -> List.<Object>of(indicator.field(), indicator.name(), indicator.source()))
						.toList()));
		}
		return section.build();
	}

	/**
	 * The share of the reported indicators of every site in each data-quality tier (1
	 * metered, 2 reported by the operator; computed indicators in the worse tier of their
	 * inputs); missing indicators are not counted.
	 */
	static double[] tierShares(List<EuDataCentres.SiteIndicators> sites) {
		double[] counts = new double[5];
		long reported = 0;
		for (EuDataCentres.SiteIndicators site : sites) {
			for (EuIndicator indicator : site.indicators()) {
				if (indicator.tier() > 0) {
					counts[indicator.tier() - 1]++;
					reported++;
				}
			}
		}
		for (int i = 0; i < counts.length && reported > 0; i++) {
			counts[i] /= reported;
		}
		return counts;
	}

	private static List<@Nullable Object> cells(EuIndicator indicator) {
		List<@Nullable Object> row = new ArrayList<>();
		row.add(indicator.field());
		row.add(indicator.name());
		row.add(indicator.number());
		row.add(indicator.text());
		row.add(indicator.unit());
		row.add(indicator.source());
		row.add(indicator.reference());
		row.add((indicator.tier() > 0) ? (Object) (double) indicator.tier() : null);
		return row;
	}

	private static EuIndicator indicator(EuDataCentres.SiteIndicators site, String field) {
		return site.indicators()
			.stream()
			.filter(indicator -> indicator.field().equals(field))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no indicator " + field));
	}

	private static @Nullable Double number(EuDataCentres.SiteIndicators site, String field) {
		return indicator(site, field).number();
	}

	private static void put(Map<String, Double> figures, String key, @Nullable Double value) {
		if (value != null) {
			figures.put(key, value);
		}
	}

}
