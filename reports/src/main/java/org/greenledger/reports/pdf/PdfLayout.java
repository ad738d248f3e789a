package org.greenledger.reports.pdf;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfBorderArray;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

import org.greenledger.reports.Block;
import org.greenledger.reports.Chart;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.Formats;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Provenance;
import org.greenledger.reports.QualityShare;
import org.greenledger.reports.Section;
import org.greenledger.reports.Sheet;
import org.greenledger.reports.Table;
import org.greenledger.reports.TextBlock;

/**
 * One layout pass of a {@link Document} into a PDF. The table of contents comes first, so
 * its page numbers are only known after a first pass; the second pass prints the numbers
 * the first one found (their cells have a fixed width, so the layout does not move).
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

	private org.openpdf.text.@Nullable Document pdf;

	private @Nullable PdfWriter writer;

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
		this.pdf = pdf;
		this.writer = writer;
		PageEvents events = new PageEvents(this.document.titleBlock(), this.fonts,
				(previous != null) ? previous.pageCount() : 0, this.progress, this.pass);
		writer.setPageEvent(events);
		writer.setFullCompression();
		// Keep charts where they are in the flow, not after the text that follows them.
		writer.setStrictImageSequence(true);
		// For readers and assistive technology (PDF/UA-1 7.1, 7.2, 7.18.3): the title in
		// the window, the language of the text, tab order by structure on pages with
		// links, a PDF 1.7 header. See docs/reports.md, "Accessibility".
		writer.setPdfVersion(PdfWriter.VERSION_1_7);
		writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
		writer.getExtraCatalog().put(PdfName.LANG, new PdfString(LANGUAGE));
		writer.setTabs(PdfName.S);
		PdfMetadata.write(this.document, pdf, writer);
		pdf.open();
		titlePage();
		contents((previous != null) ? previous.headingPages() : Map.of());
		pdf.newPage();
		int next = 0;
		if (this.document.changes() != null) {
			section(this.headings.get(next++), this.document.changes());
		}
		for (Section section : this.document.sections()) {
			section(this.headings.get(next++), section);
		}
		if (!this.document.dataQuality().isEmpty()) {
			dataQuality(this.headings.get(next++));
		}
		if (!this.document.methodology().isEmpty()) {
			methodology(this.headings.get(next++));
		}
		if (!this.document.sheets().isEmpty()) {
			sheets(this.headings.get(next++));
		}
		if (!this.document.footnotes().isEmpty()) {
			footnotes(this.headings.get(next++));
		}
		pdf.newPage();
		provenance(this.headings.get(next));
		pdf.close();
		return new Result(Map.copyOf(events.headingPages()), events.pageCount());
	}

	private void titlePage() {
		var titleBlock = this.document.titleBlock();
		Paragraph type = new Paragraph(titleBlock.documentType().toUpperCase(java.util.Locale.ROOT),
				new Font(this.fonts.bold, 9, Font.NORMAL, PdfFonts.ACCENT));
		type.setSpacingAfter(6);
		add(type);
		add(new Paragraph(titleBlock.title(), this.fonts.title));
		if (titleBlock.subtitle() != null) {
			Paragraph subtitle = new Paragraph(titleBlock.subtitle(), this.fonts.subtitle);
			subtitle.setSpacingBefore(4);
			add(subtitle);
		}
		PdfPTable facts = new PdfPTable(new float[] { 1, 3 });
		facts.setWidthPercentage(100);
		facts.setSpacingBefore(18);
		facts.setSpacingAfter(24);
		fact(facts, "Reporting entity", titleBlock.reportingEntity());
		fact(facts, "Reporting period", titleBlock.period());
		fact(facts, "Status", titleBlock.status().label());
		fact(facts, "Version", titleBlock.version());
		fact(facts, "Generated", this.formats.timestamp(titleBlock.generatedAt()));
		fact(facts, "Report id", this.document.provenance().reportId());
		add(facts);
	}

	private void fact(PdfPTable table, String label, String value) {
		table.addCell(PdfCells.plain(new Phrase(label, this.fonts.bodyBold), Element.ALIGN_LEFT));
		table.addCell(PdfCells.plain(new Phrase(value, this.fonts.body), Element.ALIGN_LEFT));
	}

	private void contents(Map<String, Integer> pages) {
		Paragraph title = new Paragraph("Contents", this.fonts.heading);
		title.setSpacingAfter(8);
		add(title);
		PdfPTable toc = new PdfPTable(new float[] { 10, 1 });
		toc.setWidthPercentage(100);
		for (Heading heading : this.headings) {
			Integer page = pages.get(heading.tag());
			Chunk link = new Chunk(heading.title(), this.fonts.body);
			link.setAnnotation(link(heading));
			PdfPCell entry = PdfCells.plain(new Phrase(link), Element.ALIGN_LEFT);
			entry.setBorder(Rectangle.BOTTOM);
			entry.setBorderColor(PdfCells.RULE);
			toc.addCell(entry);
			Chunk number = new Chunk((page != null) ? page.toString() : "0", this.fonts.body);
			number.setAnnotation(link(heading));
			PdfPCell cell = PdfCells.plain(new Phrase(number), Element.ALIGN_RIGHT);
			cell.setBorder(Rectangle.BOTTOM);
			cell.setBorderColor(PdfCells.RULE);
			toc.addCell(cell);
		}
		add(toc);
	}

	/**
	 * A link to a heading with its description (the annotation's Contents), which
	 * assistive technology reads out instead of the bare page number.
	 */
	private PdfAnnotation link(Heading heading) {
		PdfAnnotation link = new PdfAnnotation(writer(), 0, 0, 0, 0, PdfAction.gotoLocalPage(heading.anchor(), false));
		link.put(PdfName.CONTENTS, new PdfString("Go to " + heading.title(), PdfObject.TEXT_UNICODE));
		link.setBorder(new PdfBorderArray(0, 0, 0));
		return link;
	}

	private void heading(Heading heading, @Nullable String reference, float keepWithNext) {
		if (this.writer().getVerticalPosition(true) - this.pdf().bottom() < keepWithNext) {
			this.pdf().newPage();
		}
		Chunk chunk = new Chunk(heading.title(), this.fonts.heading);
		chunk.setLocalDestination(heading.anchor());
		chunk.setGenericTag(heading.tag());
		Paragraph paragraph = new Paragraph(chunk);
		paragraph.setSpacingBefore(14);
		paragraph.setSpacingAfter((reference != null) ? 1 : 6);
		paragraph.setKeepTogether(true);
		add(paragraph);
		if (reference != null) {
			Paragraph ref = new Paragraph(reference, this.fonts.reference);
			ref.setSpacingAfter(6);
			add(ref);
		}
	}

	private void section(Heading heading, Section section) {
		float keepWithNext = MIN_SPACE_AFTER_HEADING;
		if (!section.blocks().isEmpty() && section.blocks().get(0) instanceof Chart chart) {
			keepWithNext += ChartAxis.fit(chart, pageWidth(), chartHeight()).height();
		}
		heading(heading, section.reference(), keepWithNext);
		for (Block block : section.blocks()) {
			switch (block) {
				case Block.Paragraph paragraph -> paragraph(paragraph.text());
				case Block.Note note -> note(note.text());
				case Block.KeyFigures figures -> keyFigures(figures.figures());
				case Table table -> table(table);
				case Chart chart -> chart(chart);
			}
		}
	}

	private void paragraph(String text) {
		for (String part : text.split("\\n\\s*\\n")) {
			Paragraph paragraph = new Paragraph(part.strip(), this.fonts.body);
			paragraph.setLeading(13);
			paragraph.setSpacingAfter(6);
			add(paragraph);
		}
	}

	private void note(String text) {
		PdfPTable box = new PdfPTable(1);
		box.setWidthPercentage(100);
		box.setSpacingBefore(2);
		box.setSpacingAfter(8);
		PdfPCell cell = new PdfPCell(new Phrase(text, this.fonts.smallItalic));
		cell.setBorder(Rectangle.LEFT);
		cell.setBorderWidthLeft(2);
		cell.setBorderColor(PdfFonts.ACCENT);
		cell.setPadding(6);
		box.addCell(cell);
		add(box);
	}

	private void keyFigures(List<KeyFigure> figures) {
		add(PdfTables.keyFigures(figures, this.fonts, this.formats));
	}

	private void table(Table table) {
		table(table, PdfCells.widths(table.columns()));
	}

	private void table(Table table, float[] widths) {
		PdfTables.write(table, widths, this.fonts, this.formats, this::add);
	}

	private float pageWidth() {
		return this.pdf().right() - this.pdf().left();
	}

	private float chartHeight() {
		return pageWidth() * 0.48f;
	}

	private void chart(Chart chart) {
		float width = pageWidth();
		Image image = ChartDrawer.draw(chart, this.writer().getDirectContent(), this.fonts, width, chartHeight());
		image.setSpacingBefore(6);
		add(image);
		table(chart.dataTable());
	}

	private void dataQuality(Heading heading) {
		heading(heading, null, MIN_SPACE_AFTER_HEADING);
		paragraph("Share of the reported total by data-quality tier.");
		List<List<Object>> rows = new ArrayList<>();
		for (QualityShare share : this.document.dataQuality()) {
			rows.add(List.of(share.tier(), share.share()));
		}
		table(Table.of("Data quality", List.of(Column.text("Tier"), Column.percent("Share", 1)), rows));
	}

	private void methodology(Heading heading) {
		heading(heading, null, MIN_SPACE_AFTER_HEADING);
		for (TextBlock text : this.document.methodology()) {
			Paragraph title = new Paragraph(text.heading(), this.fonts.bodyBold);
			title.setSpacingBefore(4);
			title.setSpacingAfter(2);
			add(title);
			paragraph(text.text());
		}
	}

	private void sheets(Heading heading) {
		heading(heading, null, MIN_SPACE_AFTER_HEADING);
		paragraph("These tables are too long to print; they are in the spreadsheet edition of this document, "
				+ "one worksheet each.");
		List<List<Object>> rows = new ArrayList<>();
		for (Sheet sheet : this.document.sheets()) {
			StringBuilder columns = new StringBuilder();
			for (Column column : sheet.table().columns()) {
				columns.append((columns.length() > 0) ? ", " : "").append(column.headerWithUnit());
			}
			rows.add(List.of(sheet.name(), sheet.table().caption(), sheet.table().rows().count(), columns.toString()));
		}
		table(Table.of("Spreadsheet-only data", List.of(Column.text("Worksheet"), Column.text("Content"),
				Column.integer("Rows", null), Column.text("Columns")), rows));
	}

	private void footnotes(Heading heading) {
		heading(heading, null, MIN_SPACE_AFTER_HEADING);
		int number = 1;
		for (String footnote : this.document.footnotes()) {
			Paragraph paragraph = new Paragraph((number++) + "  " + footnote, this.fonts.small);
			paragraph.setSpacingAfter(3);
			add(paragraph);
		}
	}

	private void provenance(Heading heading) {
		heading(heading, null, MIN_SPACE_AFTER_HEADING);
		Provenance provenance = this.document.provenance();
		PdfPTable facts = new PdfPTable(new float[] { 1, 3 });
		facts.setWidthPercentage(100);
		facts.setSpacingAfter(10);
		fact(facts, "Report id", provenance.reportId());
		fact(facts, "GreenLedger version", provenance.greenLedgerVersion());
		fact(facts, "Method version", provenance.methodVersion());
		fact(facts, "Generated", this.formats.timestamp(this.document.titleBlock().generatedAt()));
		fact(facts, "Content hash",
				(provenance.contentHash() != null) ? provenance.contentHash() : "not yet computed (draft)");
		add(facts);
		List<List<Object>> datasets = new ArrayList<>();
		for (Provenance.FactorDataset dataset : provenance.factorDatasets()) {
			datasets.add(List.of(dataset.name(), dataset.version()));
		}
		table(Table.of("Emission factor datasets", List.of(Column.text("Dataset"), Column.text("Version")), datasets));
		List<List<Object>> files = new ArrayList<>();
		for (Provenance.SourceFile file : provenance.sourceFiles()) {
			files.add(List.of(file.name(), file.sha256()));
		}
		table(Table.of("Source files", List.of(Column.text("File"), Column.text("SHA-256")), files),
				new float[] { 1, 1.7f });
	}

	private void add(Element element) {
		try {
			pdf().add(element);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Could not lay out the document", ex);
		}
	}

	private org.openpdf.text.Document pdf() {
		if (this.pdf == null) {
			throw new IllegalStateException("Not writing");
		}
		return this.pdf;
	}

	private PdfWriter writer() {
		if (this.writer == null) {
			throw new IllegalStateException("Not writing");
		}
		return this.writer;
	}

	/**
	 * What a pass found: the page of each heading (by tag) and the page count.
	 */
	record Result(Map<String, Integer> headingPages, int pageCount) {

	}

}
