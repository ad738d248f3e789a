package org.greenledger.reports.pdf;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

import org.greenledger.reports.TitleBlock;

/**
 * Page decoration and bookkeeping of one layout pass: the footer ("page X of Y"), the
 * draft marking, the page each heading landed on and the bookmarks (outline) to the
 * headings.
 */
final class PageEvents extends PdfPageEventHelper {

	/** Prefix of the generic tags put on headings. */
	static final String HEADING_TAG = "heading:";

	private final TitleBlock titleBlock;

	private final PdfFonts fonts;

	private final int totalPages;

	private final Map<String, Integer> headingPages = new LinkedHashMap<>();

	private int lastPage;

	private final org.greenledger.reports.RenderProgress progress;

	private final int pass;

	/**
	 * @param titleBlock the title block, for the footer
	 * @param fonts the fonts
	 * @param totalPages the page count from the previous pass, or 0 when not known yet
	 * @param progress told of every page laid out
	 * @param pass the layout pass
	 */
	PageEvents(TitleBlock titleBlock, PdfFonts fonts, int totalPages, org.greenledger.reports.RenderProgress progress,
			int pass) {
		this.progress = progress;
		this.pass = pass;
		this.titleBlock = titleBlock;
		this.fonts = fonts;
		this.totalPages = totalPages;
	}

	@Override
	public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String text) {
		if (text.startsWith(HEADING_TAG) && !this.headingPages.containsKey(text)) {
			this.headingPages.put(text, writer.getPageNumber());
			String title = text.substring(text.indexOf(':', HEADING_TAG.length()) + 1);
			new PdfOutline(writer.getRootOutline(), new PdfDestination(PdfDestination.FITH, rect.getTop() + 20), title);
		}
	}

	@Override
	public void onEndPage(PdfWriter writer, Document document) {
		this.lastPage = writer.getPageNumber();
		PdfContentByte canvas = writer.getDirectContent();
		// Not part of the document's text: pagination artifacts (PDF/UA-1 7.1).
		Tags.pagination(canvas, () -> decorate(canvas, document));
	}

	private void decorate(PdfContentByte canvas, Document document) {
		Font footer = new Font(this.fonts.regular, 7.5f, Font.NORMAL, PdfFonts.MUTED);
		float y = document.bottom() - 24;
		canvas.setColorStroke(new Color(0xD5, 0xDA, 0xDF));
		canvas.setLineWidth(0.5f);
		canvas.moveTo(document.left(), y + 10);
		canvas.lineTo(document.right(), y + 10);
		canvas.stroke();
		String left = this.titleBlock.title() + "  |  " + this.titleBlock.reportingEntity() + "  |  version "
				+ this.titleBlock.version() + "  |  " + this.titleBlock.status().label()
				+ ((this.titleBlock.marking() != null) ? "  |  " + this.titleBlock.marking() : "");
		if (this.titleBlock.marking() != null) {
			Font marked = new Font(this.fonts.bold, 9, Font.NORMAL, new Color(0x92, 0x40, 0x0E));
			ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
					new Phrase(this.titleBlock.marking().toUpperCase(java.util.Locale.ROOT), marked), document.left(),
					document.top() + 16, 0);
		}
		ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(left, footer), document.left(), y, 0);
		String total = (this.totalPages > 0) ? Integer.toString(this.totalPages) : "?";
		ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
				new Phrase("Page " + this.lastPage + " of " + total, footer), document.right(), y, 0);
		if (this.titleBlock.status() != org.greenledger.reports.Status.APPROVED) {
			Font marking = new Font(this.fonts.bold, 8, Font.NORMAL, new Color(0xB0, 0x3A, 0x2E));
			ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
					new Phrase(this.titleBlock.status().label().toUpperCase(java.util.Locale.ROOT)
							+ " - not approved for disclosure", marking),
					document.right(), document.top() + 16, 0);
		}
		this.progress.pageDone(this.pass, this.lastPage, this.totalPages);
	}

	/**
	 * The page each heading landed on, by tag.
	 * @return the pages
	 */
	Map<String, Integer> headingPages() {
		return this.headingPages;
	}

	/**
	 * The number of the last page written.
	 * @return the page count
	 */
	int pageCount() {
		return this.lastPage;
	}

}
