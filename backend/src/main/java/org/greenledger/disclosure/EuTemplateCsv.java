package org.greenledger.disclosure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The EU data-centre report as CSV in the layout of its XLSX sheet "EU database
 * template": one row per data centre and indicator (site, year, field, indicator, value,
 * unit, source, reference, data-quality tier), RFC 4180 quoting, UTF-8, CRLF line ends.
 * The bytes depend only on the figures, so the same report renders to the same file.
 */
final class EuTemplateCsv {

	static final List<String> HEADERS = List.of("Site", "Reporting year", "Field", "Indicator", "Value", "Unit",
			"Source", "Reference", "Data quality tier");

	private EuTemplateCsv() {
	}

	static byte[] render(List<EuDataCentres.SiteIndicators> sites) {
		StringBuilder csv = new StringBuilder();
		line(csv, HEADERS);
		for (EuDataCentres.SiteIndicators site : sites) {
			for (EuIndicator indicator : site.indicators()) {
				line(csv,
						List.of(site.site().code(), String.valueOf(site.year()), indicator.field(), indicator.name(),
								value(indicator), indicator.unit(), indicator.source(), indicator.reference(),
								(indicator.tier() > 0) ? String.valueOf(indicator.tier()) : ""));
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String value(EuIndicator indicator) {
		if (indicator.number() != null) {
			return BigDecimal.valueOf(indicator.number()).stripTrailingZeros().toPlainString();
		}
		return (indicator.text() != null) ? indicator.text() : "";
	}

	private static void line(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(cell(cells.get(i)));
		}
		csv.append("\r\n");
	}

	/** Quotes when needed, and neutralizes a leading formula character. */
	private static String cell(String value) {
		String text = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+"))
				? "'" + value : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
