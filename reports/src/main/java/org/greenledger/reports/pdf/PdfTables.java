package org.greenledger.reports.pdf;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.openpdf.text.Element;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

import org.greenledger.reports.Column;
import org.greenledger.reports.Formats;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.RowSources;
import org.greenledger.reports.Table;

/**
 * A {@link Table} as a PDF table, streamed: its rows are handed to the document
 * {@value #ROWS_PER_FRAGMENT} at a time, so a long table is never held in full.
 */
final class PdfTables {

	/** Rows handed to OpenPDF at a time. */
	static final int ROWS_PER_FRAGMENT = 200;

	private PdfTables() {
	}

	/**
	 * Writes the table: its caption and column headers are header rows that repeat on
	 * every page.
	 */
	static void write(Table table, float[] widths, PdfFonts fonts, Formats formats, Consumer<Element> add) {
		List<Column> columns = table.columns();
		PdfPTable pdfTable = new PdfPTable(widths);
		pdfTable.setWidthPercentage(100);
		pdfTable.setSpacingBefore(4);
		pdfTable.setSpacingAfter(10);
		pdfTable.setComplete(false);
		// The caption and the column headers are the header rows: they repeat on every
		// page.
		pdfTable.setHeaderRows(2);
		PdfPCell caption = PdfCells.plain(new Phrase(table.caption(), fonts.smallBold), Element.ALIGN_LEFT);
		caption.setColspan(columns.size());
		pdfTable.addCell(caption);
		for (Column column : columns) {
			PdfPCell cell = PdfCells.table(new Phrase(column.headerWithUnit(), fonts.tableHeader), column);
			cell.setBackgroundColor(PdfCells.HEADER_FILL);
			pdfTable.addCell(cell);
		}
		Iterator<? extends List<?>> rows = table.rows().iterator();
		try {
			int inFragment = 0;
			while (rows.hasNext()) {
				List<?> row = rows.next();
				for (int i = 0; i < columns.size(); i++) {
					Object value = (i < row.size()) ? row.get(i) : null;
					Column column = columns.get(i);
					pdfTable.addCell(PdfCells.table(new Phrase(formats.cell(value, column), fonts.tableCell), column));
				}
				if (++inFragment == ROWS_PER_FRAGMENT) {
					add.accept(pdfTable);
					inFragment = 0;
				}
			}
		}
		finally {
			RowSources.close(rows);
		}
		pdfTable.setComplete(true);
		add.accept(pdfTable);
	}

	/** Key figures in a grid of up to three columns, each under an accent rule. */
	static PdfPTable keyFigures(List<KeyFigure> figures, PdfFonts fonts, Formats formats) {
		int columns = Math.min(3, Math.max(1, figures.size()));
		PdfPTable grid = new PdfPTable(columns);
		grid.setWidthPercentage(100);
		grid.setSpacingBefore(4);
		grid.setSpacingAfter(10);
		for (KeyFigure figure : figures) {
			Paragraph content = new Paragraph();
			content.add(new Phrase(figure.label() + "\n", fonts.small));
			content.add(new Phrase(formats.figure(figure), fonts.figure));
			content.add(new Phrase(" " + figure.unit(), fonts.bodyBold));
			if (figure.reference() != null) {
				content.add(new Phrase("\n" + figure.reference(), fonts.reference));
			}
			if (figure.note() != null) {
				content.add(new Phrase("\n" + figure.note(), fonts.smallItalic));
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
		return grid;
	}

}
