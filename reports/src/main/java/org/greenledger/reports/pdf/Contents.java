package org.greenledger.reports.pdf;

import java.util.List;
import java.util.Map;

import org.openpdf.text.Element;
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
import org.openpdf.text.pdf.PdfStructureElement;

/**
 * The table of contents: a {@code TOC} of one {@code TOCI} per heading, each holding a
 * {@code Link} element with the heading's title and page number and the two link
 * annotations over them (with a description that assistive technology reads out).
 */
final class Contents {

	private final Flow flow;

	private final PdfFonts fonts;

	Contents(Flow flow, PdfFonts fonts) {
		this.flow = flow;
		this.fonts = fonts;
	}

	/**
	 * Draws the contents.
	 * @param parent the element the contents belong to
	 * @param headings the headings
	 * @param pages the page of each heading by tag, empty on the first pass
	 */
	void write(PdfStructureElement parent, List<Heading> headings, Map<String, Integer> pages) {
		PdfStructureElement title = Tags.element(parent, PdfName.H2);
		this.flow.paragraph(title, Flow.spaced(new Paragraph("Contents", this.fonts.heading), 0, 8), 0);
		PdfStructureElement toc = Tags.element(parent, PdfName.TOC);
		PdfPTable grid = Rows.sized(new PdfPTable(new float[] { 10, 1 }), this.flow.width());
		for (Heading heading : headings) {
			Integer page = pages.get(heading.tag());
			grid.addCell(entry(heading.title(), Element.ALIGN_LEFT));
			grid.addCell(entry((page != null) ? page.toString() : "0", Element.ALIGN_RIGHT));
		}
		for (int k = 0; k < headings.size(); k++) {
			this.flow.keep(Rows.height(grid, k));
			float top = this.flow.y();
			PdfStructureElement link = Tags.element(Tags.element(toc, PdfName.TOCI), PdfName.LINK);
			Rows.draw(this.flow, grid, k, (c) -> link);
			for (int c = 0; c < 2; c++) {
				PdfAnnotation annotation = link(Rows.box(this.flow, grid, k, c, top), headings.get(k));
				this.flow.tags().link(link, annotation);
				this.flow.writer().addAnnotation(annotation);
			}
		}
	}

	private PdfPCell entry(String text, int alignment) {
		PdfPCell cell = PdfCells.plain(new Phrase(text, this.fonts.body), alignment);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(PdfCells.RULE);
		return cell;
	}

	/**
	 * A link to a heading with its description (the annotation's Contents), which
	 * assistive technology reads out instead of the bare page number.
	 */
	private PdfAnnotation link(Rectangle box, Heading heading) {
		PdfAnnotation link = new PdfAnnotation(this.flow.writer(), box.getLeft(), box.getBottom(), box.getRight(),
				box.getTop(), PdfAction.gotoLocalPage(heading.anchor(), false));
		link.put(PdfName.CONTENTS, new PdfString("Go to " + heading.title(), PdfObject.TEXT_UNICODE));
		link.setBorder(new PdfBorderArray(0, 0, 0));
		return link;
	}

}
