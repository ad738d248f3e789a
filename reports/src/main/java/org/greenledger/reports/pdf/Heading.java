package org.greenledger.reports.pdf;

import java.util.ArrayList;
import java.util.List;

import org.greenledger.reports.Document;

/**
 * A heading listed in the table of contents.
 */
record Heading(int index, String title) {

	String tag() {
		return PageEvents.HEADING_TAG + this.index + ":" + this.title;
	}

	String anchor() {
		return "h" + this.index;
	}

	/** The headings of a document, in order: its sections and the closing parts. */
	static List<Heading> list(Document document) {
		List<String> titles = new ArrayList<>();
		if (document.changes() != null) {
			titles.add(document.changes().heading());
		}
		document.sections().forEach((section) -> titles.add(section.heading()));
		if (!document.dataQuality().isEmpty()) {
			titles.add("Data quality");
		}
		if (!document.methodology().isEmpty()) {
			titles.add("Methodology and sources");
		}
		if (!document.sheets().isEmpty()) {
			titles.add("Spreadsheet-only data");
		}
		if (!document.footnotes().isEmpty()) {
			titles.add("Notes");
		}
		titles.add("Provenance");
		List<Heading> headings = new ArrayList<>();
		for (int i = 0; i < titles.size(); i++) {
			headings.add(new Heading(i, titles.get(i)));
		}
		return List.copyOf(headings);
	}

}
