package org.greenledger.reports.pdf;

import java.util.List;

import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfStructureElement;

import org.greenledger.reports.Formats;
import org.greenledger.reports.KeyFigure;

/**
 * Boxed text: key figures in a grid of up to three columns, each under an accent rule,
 * and notes beside an accent bar. The boxes are layout, not tables: each key figure and
 * each note is a paragraph ({@code P}); the rules are artifacts.
 */
final class Boxes {

	private final Flow flow;

	private final PdfFonts fonts;

	private final Formats formats;

	Boxes(Flow flow, PdfFonts fonts, Formats formats) {
		this.flow = flow;
		this.fonts = fonts;
		this.formats = formats;
	}

	void keyFigures(PdfStructureElement parent, List<KeyFigure> figures) {
		int columns = Math.min(3, Math.max(1, figures.size()));
		PdfPTable grid = Rows.sized(new PdfPTable(columns), this.flow.width());
		for (KeyFigure figure : figures) {
			Paragraph content = new Paragraph();
			content.add(new Phrase(figure.label() + "\n", this.fonts.small));
			content.add(new Phrase(this.formats.figure(figure), this.fonts.figure));
			content.add(new Phrase(" " + figure.unit(), this.fonts.bodyBold));
			if (figure.reference() != null) {
				content.add(new Phrase("\n" + figure.reference(), this.fonts.reference));
			}
			if (figure.note() != null) {
				content.add(new Phrase("\n" + figure.note(), this.fonts.smallItalic));
			}
			PdfPCell cell = new PdfPCell();
			cell.addElement(content);
			cell.setBorder(Rectangle.TOP);
			cell.setBorderWidthTop(2);
			cell.setBorderColor(PdfFonts.ACCENT);
			cell.setPadding(6);
			cell.setPaddingBottom(10);
			grid.addCell(cell);
		}
		grid.completeRow();
		draw(parent, grid, 4, 10);
	}

	void note(PdfStructureElement parent, String text) {
		PdfPTable box = Rows.sized(new PdfPTable(1), this.flow.width());
		PdfPCell cell = new PdfPCell(new Phrase(text, this.fonts.smallItalic));
		cell.setBorder(Rectangle.LEFT);
		cell.setBorderWidthLeft(2);
		cell.setBorderColor(PdfFonts.ACCENT);
		cell.setPadding(6);
		box.addCell(cell);
		draw(parent, box, 2, 8);
	}

	/** Each row kept whole on a page; each cell with content a paragraph. */
	private void draw(PdfStructureElement parent, PdfPTable grid, float before, float after) {
		this.flow.space(before);
		for (int k = 0; k < grid.size(); k++) {
			int row = k;
			this.flow.keep(Rows.height(grid, row));
			Rows.draw(this.flow, grid, row,
					(c) -> isEmpty(grid.getRow(row).getCells()[c]) ? null : Tags.element(parent, PdfName.P));
		}
		this.flow.space(after);
	}

	/** A cell {@code completeRow} added to fill the grid. */
	private static boolean isEmpty(PdfPCell cell) {
		return cell.getPhrase() == null
				&& (cell.getCompositeElements() == null || cell.getCompositeElements().isEmpty());
	}

}
