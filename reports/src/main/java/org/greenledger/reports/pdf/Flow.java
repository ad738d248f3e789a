package org.greenledger.reports.pdf;

import org.openpdf.text.DocumentException;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The position on the page while the blocks are drawn, top to bottom, on the page's
 * direct content (where every block can be wrapped in its marked content; OpenPDF's
 * {@code Document.add} writes into layers of its own that no structure element can
 * reach). Text is laid out with {@link ColumnText} and continues on the next page when
 * the page is full.
 */
final class Flow {

	private final org.openpdf.text.Document pdf;

	private final PdfWriter writer;

	private final Tags tags;

	private float y;

	private boolean noSpace;

	Flow(org.openpdf.text.Document pdf, PdfWriter writer, Tags tags) {
		this.pdf = pdf;
		this.writer = writer;
		this.tags = tags;
		this.y = pdf.top();
	}

	PdfContentByte canvas() {
		return this.writer.getDirectContent();
	}

	PdfWriter writer() {
		return this.writer;
	}

	Tags tags() {
		return this.tags;
	}

	float left() {
		return this.pdf.left();
	}

	float right() {
		return this.pdf.right();
	}

	float width() {
		return this.pdf.right() - this.pdf.left();
	}

	float y() {
		return this.y;
	}

	/** Space left on the page, in points. */
	float remaining() {
		return this.y - this.pdf.bottom();
	}

	boolean atTop() {
		return this.y >= this.pdf.top() - 0.01f;
	}

	/**
	 * Moves down, except at the top of a page and right under a heading (as OpenPDF's own
	 * layout did).
	 */
	void space(float points) {
		if (!atTop() && !this.noSpace) {
			this.y = Math.max(this.y - points, this.pdf.bottom());
		}
		this.noSpace = false;
	}

	/** The next block starts right under what was drawn last, without its spacing. */
	void noSpaceNext() {
		this.noSpace = true;
	}

	/** Moves down by the height of something just drawn. */
	void advance(float points) {
		this.y -= points;
	}

	void newPage() {
		this.writer.setPageEmpty(false);
		this.pdf.newPage();
		this.y = this.pdf.top();
	}

	/** Starts a new page unless {@code height} points are left on this one. */
	void keep(float height) {
		if (remaining() < height && !atTop()) {
			newPage();
		}
	}

	/**
	 * Draws a paragraph as (part of) an element, continuing on the next pages as needed.
	 * @param element the structure element the text belongs to
	 * @param paragraph the paragraph; its spacing before and after applies
	 * @param indent extra left indentation of every line, in points
	 */
	void paragraph(PdfStructureElement element, Paragraph paragraph, float indent) {
		space(paragraph.getSpacingBefore());
		paragraph.setSpacingBefore(0);
		keep(paragraph.getTotalLeading());
		ColumnText column = new ColumnText(canvas());
		column.addElement(paragraph);
		while (true) {
			boolean fresh = atTop();
			column.setSimpleColumn(left() + indent, this.pdf.bottom(), right(), this.y);
			int[] status = new int[1];
			Tags.mark(canvas(), element, () -> status[0] = go(column));
			boolean moved = column.getYLine() < this.y;
			this.y = column.getYLine();
			if (!ColumnText.hasMoreText(status[0])) {
				return;
			}
			if (fresh && !moved) {
				throw new IllegalStateException("A line of text does not fit on a page");
			}
			newPage();
		}
	}

	static int go(ColumnText column) {
		try {
			return column.go();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Could not lay out the document", ex);
		}
	}

	static Paragraph spaced(Paragraph paragraph, float before, float after) {
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

}
