package org.greenledger.reports.pdf;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.Provenance;
import org.greenledger.reports.Section;
import org.greenledger.reports.Status;
import org.greenledger.reports.Table;
import org.greenledger.reports.TitleBlock;
import org.greenledger.reports.bench.SampleDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PdfRenderer}, reading the PDF back with PDFBox.
 */
class PdfRendererTest {

	private static final List<String> HEADINGS = List.of("Differences from version 1", "Summary", "Emissions by month",
			"Emissions by provider", "Emissions by region", "Emissions by service",
			"Monthly detail by provider, region and service", "Data quality", "Methodology and sources",
			"Spreadsheet-only data", "Notes", "Provenance");

	private static byte[] sample;

	private static List<String> pages;

	@BeforeAll
	static void render() throws IOException {
		sample = new PdfRenderer().toBytes(SampleDocument.fullYear(1_234));
		pages = pages(sample);
	}

	@Test
	void printsKeyFiguresWithGroupingDecimalsAndUnits() {
		String all = String.join("\n", pages);
		// Three significant digits (Precision): 1,061.6 -> 1,062; 12.345 -> 12.3; -8.4 ->
		// -8.40; whole-number figures (0 decimals) stay whole.
		assertThat(all).contains("1,062 t CO2e", "658 t CO2e", "4,321,988 kWh", "12.3 kg CO2e / k EUR", "-8.40 %",
				"ESRS E1-6 §44 (a)", "Metered GPU power, rest estimated");
	}

	@Test
	void printsTableNumbersRightFormatted() {
		String all = String.join("\n", pages);
		assertThat(all).contains("Version 1 (t CO2e)", "1,083", "-2.0 %", "-9.1 %");
		assertThat(all).containsPattern("Jan 2026 AWS eu-central-1 Compute \\d{1,3}(,\\d{3})* \\d+\\.\\d{1,3}");
		assertThat(all).contains("2026-01-01");
	}

	@Test
	void numbersEveryPageOfTheTotal() {
		int count = pages.size();
		assertThat(count).isGreaterThan(5);
		for (int i = 0; i < count; i++) {
			assertThat(pages.get(i)).contains("Page " + (i + 1) + " of " + count);
		}
	}

	@Test
	void tableOfContentsShowsThePageOfEveryHeading() {
		Map<String, Integer> toc = tableOfContents(pages.get(0));
		assertThat(List.copyOf(toc.values())).isSorted();
		toc.forEach((heading, page) -> assertThat(pages.get(page - 1)).as(heading).contains(heading));
		assertThat(toc.get("Provenance")).isEqualTo(pages.size());
	}

	@Test
	void bookmarksEveryHeading() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(sample)) {
			List<String> titles = new ArrayList<>();
			for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
				titles.add(item.getTitle());
			}
			assertThat(titles).containsExactlyElementsOf(HEADINGS);
		}
	}

	@Test
	void provenanceIsOnTheLastPageWithHashes() {
		String last = pages.get(pages.size() - 1);
		assertThat(last).contains("Provenance", "RPT-2026-0042", "greenledger-method 1.3", "greenledger-grid 2026.1",
				"aws-cur-2026.parquet 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
				"not yet computed (draft)");
	}

	@Test
	void listsSpreadsheetOnlySheetsWithTheirRowCount() {
		String all = String.join("\n", pages);
		assertThat(all).contains("Activity lines Activity lines behind the totals 1,234");
	}

	@Test
	void embedsAllFonts() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(sample)) {
			for (PDPage page : pdf.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					assertThat(font.getName()).contains("LiberationSans");
				}
			}
		}
	}

	@Test
	void theSameDocumentGivesTheSameBytes() {
		byte[] again = new PdfRenderer().toBytes(SampleDocument.fullYear(1_234));
		assertThat(again).isEqualTo(sample);
	}

	@Test
	void usesTheGenerationTimeAsCreationDate() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(sample)) {
			assertThat(pdf.getDocumentInformation().getCreationDate().toInstant())
				.isEqualTo(Instant.parse("2027-01-15T09:30:00Z"));
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Greenhouse gas inventory 2026");
		}
	}

	@Test
	void repeatsTheHeaderRowsOfALongTableOnEveryPage() throws IOException {
		List<String> texts = pages(new PdfRenderer().toBytes(longTable(400, Status.APPROVED)));
		List<String> tablePages = texts.stream().filter((text) -> text.contains("line ")).toList();
		assertThat(tablePages).hasSizeGreaterThan(2);
		assertThat(tablePages).allSatisfy((text) -> assertThat(text).contains("All lines", "Energy (kWh)"));
		assertThat(String.join("\n", texts)).contains("line 399 399,200", "line 0 0");
		assertThat(texts.get(0)).doesNotContain("not approved");
	}

	/** A document of one section holding a table of {@code rows} rows. */
	static Document longTable(int count, Status status) {
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(List.of("line " + i, i * 1000.5));
		}
		return Document.builder(new TitleBlock("Long", null, "Entity", "2026", "Test", Instant.EPOCH, status, "1"))
			.section(Section.builder("Lines")
				.add(Table.of("All lines", List.of(Column.text("Line"), Column.number("Energy", "kWh", 1)), rows))
				.build())
			.provenance(new Provenance("0.1.0", "m1", List.of(), List.of(), "R-1", "abc"))
			.build();
	}

	static Map<String, Integer> tableOfContents(String firstPage) {
		Map<String, Integer> toc = new LinkedHashMap<>();
		for (String heading : HEADINGS) {
			Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(heading) + " (\\d+)$").matcher(firstPage);
			assertThat(matcher.find()).as(heading).isTrue();
			toc.put(heading, Integer.parseInt(matcher.group(1)));
		}
		return toc;
	}

	static List<String> pages(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			List<String> texts = new ArrayList<>();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				texts.add(stripper.getText(document));
			}
			return texts;
		}
	}

}
