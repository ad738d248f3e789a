package org.greenledger.reports.pdf;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfTemplate;

import org.greenledger.reports.Block;
import org.greenledger.reports.Chart;
import org.greenledger.reports.Formats;
import org.greenledger.reports.Table;

/**
 * The blocks of a section, each drawn inside its structure element: headings ({@code H2},
 * {@code H3}), paragraphs ({@code P}), notes and key figures ({@link Boxes}), tables
 * ({@link PdfTables}), charts ({@code Figure} with alternative text, followed by their
 * data table) and numbered notes ({@code L} of {@code LI} with {@code Lbl} and
 * {@code LBody}).
 */
final class Blocks {

	/** Room for a note's number before its text. */
	private static final float LABEL_WIDTH = 14;

	/**
	 * Space above a section heading that does not start a page: the gap OpenPDF's
	 * {@code Document.add} left there before the PDF was tagged, kept so the pages look
	 * as they did.
	 */
	private static final float SPACE_BEFORE_HEADING = 35;

	private final Flow flow;

	private final PdfFonts fonts;

	private final PdfTables tables;

	private final Boxes boxes;

	Blocks(Flow flow, PdfFonts fonts, Formats formats) {
		this.flow = flow;
		this.fonts = fonts;
		this.tables = new PdfTables(flow, fonts, formats);
		this.boxes = new Boxes(flow, fonts, formats);
	}

	PdfTables tables() {
		return this.tables;
	}

	/**
	 * A section heading ({@code H2}) with its bookmark and link target, and the
	 * disclosure reference under it.
	 * @param parent the section
	 * @param heading the heading
	 * @param reference the disclosure reference, if any
	 * @param keepWithNext the heading starts a new page unless this much space is left
	 */
	void heading(PdfStructureElement parent, Heading heading, @Nullable String reference, float keepWithNext) {
		this.flow.keep(keepWithNext);
		Chunk chunk = new Chunk(heading.title(), this.fonts.heading);
		chunk.setLocalDestination(heading.anchor());
		chunk.setGenericTag(heading.tag());
		this.flow.paragraph(Tags.element(parent, PdfName.H2),
				Flow.spaced(new Paragraph(chunk), SPACE_BEFORE_HEADING, 0), 0);
		this.flow.noSpaceNext();
		if (reference != null) {
			paragraph(parent, Flow.spaced(new Paragraph(reference, this.fonts.reference), 0, 6));
		}
	}

	/** A heading inside a section ({@code H3}). */
	void subheading(PdfStructureElement parent, String text) {
		this.flow.paragraph(Tags.element(parent, PdfName.H3),
				Flow.spaced(new Paragraph(text, this.fonts.bodyBold), 4, 2), 0);
	}

	void paragraph(PdfStructureElement parent, Paragraph paragraph) {
		this.flow.paragraph(Tags.element(parent, PdfName.P), paragraph, 0);
	}

	/** Body text; blank lines separate its paragraphs. */
	void text(PdfStructureElement parent, String text) {
		for (String part : text.split("\\n\\s*\\n")) {
			Paragraph paragraph = new Paragraph(part.strip(), this.fonts.body);
			paragraph.setLeading(13);
			paragraph(parent, Flow.spaced(paragraph, 0, 6));
		}
	}

	void block(PdfStructureElement parent, Block block) {
		switch (block) {
			case Block.Paragraph paragraph -> text(parent, paragraph.text());
			case Block.Note note -> this.boxes.note(parent, note.text());
			case Block.KeyFigures figures -> this.boxes.keyFigures(parent, figures.figures());
			case Table table -> table(parent, table);
			case Chart chart -> chart(parent, chart);
		}
	}

	void table(PdfStructureElement parent, Table table) {
		this.tables.write(parent, table, PdfCells.widths(table.columns()));
	}

	float chartHeight() {
		return this.flow.width() * 0.48f;
	}

	/** The chart as a figure, kept whole on a page, then its figures as a table. */
	void chart(PdfStructureElement parent, Chart chart) {
		float width = this.flow.width();
		PdfTemplate template = ChartDrawer.draw(chart, this.flow.canvas(), this.fonts, width, chartHeight());
		float height = template.getHeight();
		this.flow.space(6);
		this.flow.keep(height);
		float left = this.flow.left();
		float bottom = this.flow.y() - height;
		PdfStructureElement figure = Tags.figure(parent, ChartDrawer.alternativeText(chart), left, bottom, left + width,
				bottom + height);
		Tags.mark(this.flow.canvas(), figure, () -> this.flow.canvas().addTemplate(template, left, bottom));
		this.flow.advance(height);
		table(parent, chart.dataTable());
	}

	/**
	 * Numbered notes as a list: the number is the item's label, the text its body,
	 * indented under the first line.
	 */
	void numbered(PdfStructureElement parent, List<String> notes) {
		PdfStructureElement list = Tags.element(parent, PdfName.L);
		int number = 1;
		for (String note : notes) {
			PdfStructureElement item = Tags.element(list, PdfName.LI);
			Paragraph body = Flow.spaced(new Paragraph(note, this.fonts.small), 0, 3);
			this.flow.keep(body.getTotalLeading());
			float baseline = this.flow.y() - body.getTotalLeading();
			Font font = this.fonts.small;
			String label = Integer.toString(number++);
			Tags.mark(this.flow.canvas(), Tags.element(item, PdfName.LBL), () -> ColumnText
				.showTextAligned(this.flow.canvas(), 0, new Phrase(label, font), this.flow.left(), baseline, 0));
			this.flow.paragraph(Tags.element(item, PdfName.LBODY), body, LABEL_WIDTH);
		}
	}

}
