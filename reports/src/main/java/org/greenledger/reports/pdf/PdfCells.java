package org.greenledger.reports.pdf;

import java.awt.Color;
import java.util.List;

import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;

import org.greenledger.reports.Column;

/** Cells and column widths shared by the PDF's tables. */
final class PdfCells {

	static final Color RULE = new Color(0xD5, 0xDA, 0xDF);

	static final Color HEADER_FILL = new Color(0xEE, 0xF2, 0xF0);

	private PdfCells() {
	}

	/** Relative widths: text columns wider, dates a little, numbers narrow. */
	static float[] widths(List<Column> columns) {
		float[] widths = new float[columns.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = switch (columns.get(i).kind()) {
				case TEXT -> 1.6f;
				case DATE -> 1.1f;
				default -> 1f;
			};
		}
		return widths;
	}

	static PdfPCell table(Phrase phrase, Column column) {
		PdfPCell cell = new PdfPCell(phrase);
		cell.setHorizontalAlignment(column.kind().isNumeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(RULE);
		cell.setBorderWidth(0.5f);
		cell.setPaddingTop(2);
		cell.setPaddingBottom(3);
		return cell;
	}

	/** A cell without borders (facts, contents). */
	static PdfPCell plain(Phrase phrase, int alignment) {
		PdfPCell cell = new PdfPCell(phrase);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setHorizontalAlignment(alignment);
		cell.setPaddingTop(2);
		cell.setPaddingBottom(4);
		return cell;
	}

}
