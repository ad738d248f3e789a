package org.greenledger.reports.pdf;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

import org.greenledger.reports.Column;
import org.greenledger.reports.Formats;
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

}
