package org.greenledger.reports.pdf;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;

import org.greenledger.reports.Block;
import org.greenledger.reports.Chart;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.Formats;
import org.greenledger.reports.Provenance;
import org.greenledger.reports.QualityShare;
import org.greenledger.reports.Section;
import org.greenledger.reports.Sheet;
import org.greenledger.reports.Table;
import org.greenledger.reports.TextBlock;

/**
 * One layout pass of a {@link Document} into a tagged PDF: the title page ({@code H1}, a
 * table of facts), the contents ({@code TOC}), one {@code Sect} per heading and the
 * provenance, in reading order, drawn by {@link Blocks} on the pages' direct content. The
 * table of contents comes first, so its page numbers are only known after a first pass;
 * the second pass prints the numbers the first one found (their cells have a fixed width,
 * so the layout does not move).
 */
final class PdfLayout {

	/**
	 * A heading starts a new page unless at least this much space (in points) is left.
	 */
	private static final float MIN_SPACE_AFTER_HEADING = 110;

	/** The language of every document's text. */
	static final String LANGUAGE = "en";

	private final Document document;

	private final List<Heading> headings;

	private final PdfFonts fonts = new PdfFonts();

	private final Formats formats = new Formats();

	private @Nullable Flow flow;

	private @Nullable Blocks blocks;

	private final org.greenledger.reports.RenderProgress progress;

	private final int pass;

	PdfLayout(Document document, org.greenledger.reports.RenderProgress progress, int pass) {
		this.progress = progress;
		this.pass = pass;
		this.document = document;
		this.headings = Heading.list(document);
	}

	/**
	 * Lays the document out.
	 * @param out where to write
	 * @param previous the result of the previous pass, or {@code null} on the first pass
	 * @return where the headings landed and the page count
	 */
	Result write(OutputStream out, @Nullable Result previous) {
		org.openpdf.text.Document pdf = new org.openpdf.text.Document(PageSize.A4, 50, 50, 56, 60);
		PdfWriter writer = PdfWriter.getInstance(pdf, out);
		PageEvents events = new PageEvents(this.document.titleBlock(), this.fonts,
				(previous != null) ? previous.pageCount() : 0, this.progress, this.pass);
		writer.setPageEvent(events);
		writer.setFullCompression();
		// For readers and assistive technology (PDF/UA-1): tagged (a structure tree,
		// every block in marked content), the title in the window, the language of the
		// text, tab order by structure on pages with links, a PDF 1.7 header. See
		// docs/reports.md, "Accessibility".
		writer.setTagged();
		writer.setPdfVersion(PdfWriter.VERSION_1_7);
		writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
		writer.getExtraCatalog().put(PdfName.LANG, new PdfString(LANGUAGE));
		writer.setTabs(PdfName.S);
		PdfMetadata.write(this.document, pdf, writer);
		pdf.open();
		Tags tags = new Tags(writer);
		this.flow = new Flow(pdf, writer, tags);
		this.blocks = new Blocks(this.flow, this.fonts, this.formats);
		PdfStructureElement root = tags.document();
		titlePage(root);
		new Contents(this.flow, this.fonts).write(root, this.headings,
				(previous != null) ? previous.headingPages() : Map.of());
		this.flow.newPage();
		int next = 0;
		if (this.document.changes() != null) {
			section(root, this.headings.get(next++), this.document.changes());
		}
		for (Section section : this.document.sections()) {
			section(root, this.headings.get(next++), section);
		}
		if (!this.document.dataQuality().isEmpty()) {
			dataQuality(sect(root, this.headings.get(next++)));
		}
		if (!this.document.methodology().isEmpty()) {
			methodology(sect(root, this.headings.get(next++)));
		}
		if (!this.document.sheets().isEmpty()) {
			sheets(sect(root, this.headings.get(next++)));
		}
		if (!this.document.footnotes().isEmpty()) {
			blocks().numbered(sect(root, this.headings.get(next++)), this.document.footnotes());
		}
		this.flow.newPage();
		provenance(sect(root, this.headings.get(next)));
		pdf.close();
		return new Result(Map.copyOf(events.headingPages()), events.pageCount());
	}

	private void titlePage(PdfStructureElement root) {
		var titleBlock = this.document.titleBlock();
		blocks().paragraph(root, Flow.spaced(new Paragraph(titleBlock.documentType().toUpperCase(java.util.Locale.ROOT),
				new Font(this.fonts.bold, 9, Font.NORMAL, PdfFonts.ACCENT)), 0, 6));
		flow().paragraph(Tags.element(root, PdfName.H1), new Paragraph(titleBlock.title(), this.fonts.title), 0);
		if (titleBlock.subtitle() != null) {
			blocks().paragraph(root, Flow.spaced(new Paragraph(titleBlock.subtitle(), this.fonts.subtitle), 4, 0));
		}
		flow().space(18);
		blocks().tables()
			.facts(root,
					List.of(fact("Reporting entity", titleBlock.reportingEntity()),
							fact("Reporting period", titleBlock.period()), fact("Status", titleBlock.status().label()),
							fact("Version", titleBlock.version()),
							fact("Generated", this.formats.timestamp(titleBlock.generatedAt())),
							fact("Report id", this.document.provenance().reportId())),
					24);
	}

	private static String[] fact(String label, String value) {
		return new String[] { label, value };
	}

	/** A section ({@code Sect}) under its heading. */
	private PdfStructureElement sect(PdfStructureElement root, Heading heading) {
		PdfStructureElement sect = Tags.element(root, PdfName.SECT);
		blocks().heading(sect, heading, null, MIN_SPACE_AFTER_HEADING);
		return sect;
	}

	private void section(PdfStructureElement root, Heading heading, Section section) {
		float keepWithNext = MIN_SPACE_AFTER_HEADING;
		if (!section.blocks().isEmpty() && section.blocks().get(0) instanceof Chart chart) {
			keepWithNext += ChartAxis.fit(chart, flow().width(), blocks().chartHeight()).height();
		}
		PdfStructureElement sect = Tags.element(root, PdfName.SECT);
		blocks().heading(sect, heading, section.reference(), keepWithNext);
		for (Block block : section.blocks()) {
			blocks().block(sect, block);
		}
	}

	private void dataQuality(PdfStructureElement sect) {
		blocks().text(sect, "Share of the reported total by data-quality tier.");
		List<List<Object>> rows = new ArrayList<>();
		for (QualityShare share : this.document.dataQuality()) {
			rows.add(List.of(share.tier(), share.share()));
		}
		blocks().table(sect, Table.of("Data quality", List.of(Column.text("Tier"), Column.percent("Share", 1)), rows));
	}

	private void methodology(PdfStructureElement sect) {
		for (TextBlock text : this.document.methodology()) {
			blocks().subheading(sect, text.heading());
			blocks().text(sect, text.text());
		}
	}

	private void sheets(PdfStructureElement sect) {
		blocks().text(sect, "These tables are too long to print; they are in the spreadsheet edition of this document, "
				+ "one worksheet each.");
		List<List<Object>> rows = new ArrayList<>();
		for (Sheet sheet : this.document.sheets()) {
			StringBuilder columns = new StringBuilder();
			for (Column column : sheet.table().columns()) {
				columns.append((columns.length() > 0) ? ", " : "").append(column.headerWithUnit());
			}
			rows.add(List.of(sheet.name(), sheet.table().caption(), sheet.table().rows().count(), columns.toString()));
		}
		blocks().table(sect, Table.of("Spreadsheet-only data", List.of(Column.text("Worksheet"), Column.text("Content"),
				Column.integer("Rows", null), Column.text("Columns")), rows));
	}

	private void provenance(PdfStructureElement sect) {
		Provenance provenance = this.document.provenance();
		blocks().tables()
			.facts(sect,
					List.of(fact("Report id", provenance.reportId()),
							fact("GreenLedger version", provenance.greenLedgerVersion()),
							fact("Method version", provenance.methodVersion()),
							fact("Generated", this.formats.timestamp(this.document.titleBlock().generatedAt())),
							fact("Content hash", (provenance.contentHash() != null) ? provenance.contentHash()
									: "not yet computed (draft)")),
					10);
		List<List<Object>> datasets = new ArrayList<>();
		for (Provenance.FactorDataset dataset : provenance.factorDatasets()) {
			datasets.add(List.of(dataset.name(), dataset.version()));
		}
		blocks().table(sect, Table.of("Emission factor datasets",
				List.of(Column.text("Dataset"), Column.text("Version")), datasets));
		List<List<Object>> files = new ArrayList<>();
		for (Provenance.SourceFile file : provenance.sourceFiles()) {
			files.add(List.of(file.name(), file.sha256()));
		}
		blocks().tables()
			.write(sect, Table.of("Source files", List.of(Column.text("File"), Column.text("SHA-256")), files),
					new float[] { 1, 1.7f });
	}

	private Flow flow() {
		if (this.flow == null) {
			throw new IllegalStateException("Not writing");
		}
		return this.flow;
	}

	private Blocks blocks() {
		if (this.blocks == null) {
			throw new IllegalStateException("Not writing");
		}
		return this.blocks;
	}

	/**
	 * What a pass found: the page of each heading (by tag) and the page count.
	 */
	record Result(Map<String, Integer> headingPages, int pageCount) {

	}

}
