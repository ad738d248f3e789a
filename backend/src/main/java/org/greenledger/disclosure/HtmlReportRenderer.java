package org.greenledger.disclosure;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.greenledger.reports.Document;
import org.greenledger.reports.Formats;
import org.springframework.stereotype.Component;

/**
 * Renders a disclosure document as a standalone HTML page with the portal's Thymeleaf
 * template {@code report-document}: the same sections, figures and tables as the PDF and
 * the workbook (spreadsheet-only sheets are summarised by their row count), numbers
 * printed by the reports module's {@link Formats} (one precision rule in every
 * rendering).
 */
@Component
class HtmlReportRenderer {

	private final ITemplateEngine templates;

	HtmlReportRenderer(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(Document document) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("document", document);
		// The reports module's number printer: the same precision rule as the PDF and the
		// workbook.
		context.setVariable("figures", new Formats());
		return this.templates.process("report-document", context).getBytes(StandardCharsets.UTF_8);
	}

}
