package org.greenledger.reports.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.greenledger.reports.Status;
import org.greenledger.reports.bench.SampleDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF checked against PDF/UA-1 (ISO 14289-1) with veraPDF, and its structure tree
 * read back with PDFBox: every block in marked content bound to a structure element of
 * its kind, in reading order (docs/reports.md, "Accessibility").
 */
class PdfAccessibilityTest {

	private static byte[] pdf;

	@BeforeAll
	static void render() {
		pdf = new PdfRenderer().toBytes(SampleDocument.fullYear(100));
	}

	@Test
	void passesEveryPdfUa1Rule() {
		PdfUa.Result result = PdfUa.validate(pdf);
		assertThat(result.failed()).isEmpty();
		// veraPDF checked the file (thousands of objects), not an empty result
		assertThat(result.checks()).isGreaterThan(10_000);
	}

	@Test
	void aTableOverManyPagesAndAnApprovedDocumentPassToo() {
		byte[] long400 = new PdfRenderer().toBytes(PdfRendererTest.longTable(400, Status.APPROVED));
		assertThat(PdfUa.validate(long400).failed()).isEmpty();
	}

	@Test
	void tagsHeadingsInReadingOrder() throws IOException {
		List<String> headings = new ArrayList<>();
		for (PDStructureElement element : StructureTree.elements(pdf)) {
			if (element.getStructureType().matches("H\\d")) {
				headings.add(element.getStructureType() + " " + StructureTree.text(element));
			}
		}
		assertThat(headings.subList(0, 15)).containsExactly("H1 Greenhouse gas inventory 2026", "H2 Contents",
				"H2 Differences from version 1", "H2 Summary", "H2 Emissions by month", "H2 Emissions by provider",
				"H2 Emissions by region", "H2 Emissions by service",
				"H2 Monthly detail by provider, region and service", "H2 Data quality", "H2 Methodology and sources",
				"H3 Boundary", "H3 Calculation", "H3 Sources", "H2 Spreadsheet-only data");
		assertThat(headings.subList(15, headings.size())).containsExactly("H2 Notes", "H2 Provenance");
	}

	@Test
	void tagsChartsAsFiguresWithAlternativeTextAndBoundingBox() throws IOException {
		List<PDStructureElement> figures = StructureTree.elements(pdf)
			.stream()
			.filter((element) -> element.getStructureType().equals("Figure"))
			.toList();
		assertThat(figures).hasSize(4);
		assertThat(figures.get(0).getAlternateDescription())
			.startsWith("Line chart: Emissions by month, 12 categories from Jan to Dec");
		for (PDStructureElement figure : figures) {
			COSDictionary attributes = figure.getCOSObject().getCOSDictionary(COSName.A);
			assertThat(attributes.getCOSName(COSName.O)).isEqualTo(COSName.getPDFName("Layout"));
			assertThat(attributes.getCOSArray(COSName.BBOX).toFloatArray()).hasSize(4);
		}
	}

	@Test
	void tagsTablesWithCaptionHeaderCellsAndRowsOnce() throws IOException {
		byte[] long400 = new PdfRenderer().toBytes(PdfRendererTest.longTable(400, Status.DRAFT));
		List<PDStructureElement> tables = StructureTree.elements(long400)
			.stream()
			.filter((element) -> element.getStructureType().equals("Table"))
			.toList();
		// the title page's facts, the long table, then the provenance's tables
		PDStructureElement lines = tables.get(1);
		List<String> kids = StructureTree.kids(lines).stream().map(PDStructureElement::getStructureType).toList();
		// the caption and the header row once, although they are printed on every page
		assertThat(kids).hasSize(1 + 1 + 400);
		assertThat(kids.get(0)).isEqualTo("Caption");
		assertThat(StructureTree.text(StructureTree.kids(lines).get(0))).isEqualTo("All lines");
		PDStructureElement header = StructureTree.kids(lines).get(1);
		for (PDStructureElement th : StructureTree.kids(header)) {
			assertThat(th.getStructureType()).isEqualTo("TH");
			assertThat(th.getCOSObject().getCOSDictionary(COSName.A).getCOSName(COSName.getPDFName("Scope")))
				.isEqualTo(COSName.getPDFName("Column"));
		}
		assertThat(StructureTree.kids(header).stream().map(StructureTree::text)).containsExactly("Line",
				"Energy (kWh)");
		PDStructureElement last = StructureTree.kids(lines).get(401);
		assertThat(StructureTree.kids(last).stream().map(StructureTree::text)).containsExactly("line 399", "399,200");
	}

	@Test
	void tagsTheContentsAsLinksToTheirAnnotations() throws IOException {
		List<PDStructureElement> links = StructureTree.elements(pdf)
			.stream()
			.filter((element) -> element.getStructureType().equals("Link"))
			.toList();
		assertThat(links).hasSize(12);
		for (PDStructureElement link : links) {
			assertThat(link.getParent()).isInstanceOfSatisfying(PDStructureElement.class,
					(toci) -> assertThat(toci.getStructureType()).isEqualTo("TOCI"));
			long annotations = link.getKids().stream().filter(PDObjectReference.class::isInstance).count();
			assertThat(annotations).isEqualTo(2);
		}
		assertThat(StructureTree.text(links.get(1))).isEqualTo("Summary 2");
	}

	@Test
	void tagsTheNotesAsANumberedList() throws IOException {
		PDStructureElement list = StructureTree.elements(pdf)
			.stream()
			.filter((element) -> element.getStructureType().equals("L"))
			.findFirst()
			.orElseThrow();
		List<PDStructureElement> items = StructureTree.kids(list);
		assertThat(items).hasSize(2);
		assertThat(StructureTree.kids(items.get(0)).stream().map(PDStructureElement::getStructureType))
			.containsExactly("Lbl", "LBody");
		assertThat(StructureTree.text(StructureTree.kids(items.get(1)).get(0))).isEqualTo("2");
		assertThat(StructureTree.text(StructureTree.kids(items.get(1)).get(1)))
			.isEqualTo("Totals may differ from the sum of rounded figures.");
	}

	@Test
	void statesLanguageTitleAndMetadata() throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
			assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Greenhouse gas inventory 2026");
			assertThat(document.getVersion()).isEqualTo(1.7f);
			String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(xmp).contains("Greenhouse gas inventory 2026", "2027-01-15T09:30");
			assertThat(document.getDocumentCatalog().getDocumentOutline().children()).isNotEmpty();
			assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(xmp).contains("<pdfuaid:part>1</pdfuaid:part>");
		}
	}

	@Test
	void describesEveryLinkOfTheContents() throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var first = document.getPage(0);
			assertThat(first.getCOSObject().getCOSName(COSName.getPDFName("Tabs"))).isEqualTo(COSName.S);
			int links = 0;
			for (PDAnnotation annotation : first.getAnnotations()) {
				if (annotation instanceof PDAnnotationLink) {
					assertThat(annotation.getContents()).startsWith("Go to ");
					assertThat(annotation.getStructParent()).isGreaterThanOrEqualTo(0);
					links++;
				}
			}
			// two per heading (title and page number); the sample has 12 headings
			assertThat(links).isEqualTo(2 * 12);
		}
	}

}
