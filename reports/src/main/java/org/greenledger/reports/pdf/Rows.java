package org.greenledger.reports.pdf;

import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPRow;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfStructureElement;

/**
 * Draws the rows of a {@link PdfPTable} one at a time at the flow's position, cell by
 * cell, so that each cell's text is its own marked-content sequence (a {@code TD},
 * {@code TH}, {@code P}...) while the fills and borders of the row are one artifact.
 * OpenPDF lays the table out (widths, row heights, padding, alignment) as it would in
 * {@code Document.add}; only the drawing is split.
 */
final class Rows {

	private Rows() {
	}

	/**
	 * Prepares a table for drawing at the flow's width.
	 * @param table the table
	 * @param width the width in points
	 * @return the table
	 */
	static PdfPTable sized(PdfPTable table, float width) {
		table.setTotalWidth(width);
		table.setLockedWidth(true);
		return table;
	}

	/**
	 * The height of a row, its cells laid out at the table's width (when the row was
	 * added to the {@linkplain #sized sized} table).
	 */
	static float height(PdfPTable table, int row) {
		return table.getRowHeight(row, false);
	}

	/**
	 * Draws one row and moves the flow below it.
	 * @param flow where to draw
	 * @param table the table, {@linkplain #sized sized}
	 * @param row the row index
	 * @param cell the element each cell's content belongs to, by column, or {@code null}
	 * to draw the content as a pagination artifact (a repeated header)
	 */
	static void draw(Flow flow, PdfPTable table, int row, IntFunction<@Nullable PdfStructureElement> cell) {
		float height = height(table, row);
		PdfPRow cells = table.getRow(row);
		PdfContentByte canvas = flow.canvas();
		PdfContentByte fills = canvas.getDuplicate();
		PdfContentByte lines = canvas.getDuplicate();
		PdfCell[] texts = new PdfCell[cells.getCells().length];
		for (int c = 0; c < texts.length; c++) {
			PdfPCell pdfCell = cells.getCells()[c];
			if (pdfCell == null) {
				continue;
			}
			PdfContentByte text = canvas.getDuplicate();
			cells.writeCells(c, c + 1, flow.left() + pdfCell.getLeft(), flow.y(),
					new PdfContentByte[] { canvas.getDuplicate(), fills, lines, text });
			texts[c] = new PdfCell(text, cell.apply(c));
		}
		if (fills.getInternalBuffer().size() > 0 || lines.getInternalBuffer().size() > 0) {
			Tags.artifact(canvas, () -> {
				canvas.saveState();
				canvas.add(fills);
				canvas.restoreState();
				canvas.saveState();
				canvas.setLineCap(2);
				canvas.resetRGBColorStroke();
				canvas.add(lines);
				canvas.restoreState();
			});
		}
		for (PdfCell text : texts) {
			if (text == null) {
				continue;
			}
			if (text.element() != null) {
				Tags.mark(canvas, text.element(), () -> canvas.add(text.content()));
			}
			else {
				Tags.pagination(canvas, () -> canvas.add(text.content()));
			}
		}
		flow.advance(height);
	}

	/** The box of a cell of the row drawn last at {@code top}. */
	static Rectangle box(Flow flow, PdfPTable table, int row, int column, float top) {
		PdfPCell cell = table.getRow(row).getCells()[column];
		float height = table.getRow(row).getMaxHeights();
		return new Rectangle(flow.left() + cell.getLeft(), top - height, flow.left() + cell.getRight(), top);
	}

	private record PdfCell(PdfContentByte content, @Nullable PdfStructureElement element) {

	}

}
