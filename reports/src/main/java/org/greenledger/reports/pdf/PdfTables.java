package org.greenledger.reports.pdf;

import java.util.Iterator;
import java.util.List;

import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfStructureElement;

import org.greenledger.reports.Column;
import org.greenledger.reports.Formats;
import org.greenledger.reports.RowSources;
import org.greenledger.reports.Table;

/**
 * A {@link Table} as a tagged PDF table ({@code Table} with a {@code Caption}, a header
 * row of {@code TH} with scope {@code Column}, and rows of {@code TD}), streamed: its
 * rows are laid out {@value #ROWS_PER_FRAGMENT} at a time, so a long table is never held
 * in full. On every page the table continues on, the caption and the column headers are
 * drawn again as pagination artifacts (the reader meets them once, where they belong).
 */
final class PdfTables {

	/** Rows laid out at a time. */
	static final int ROWS_PER_FRAGMENT = 200;

	private final Flow flow;

	private final PdfFonts fonts;

	private final Formats formats;

	PdfTables(Flow flow, PdfFonts fonts, Formats formats) {
		this.flow = flow;
		this.fonts = fonts;
		this.formats = formats;
	}

	/**
	 * Draws the table.
	 * @param parent the element the table belongs to
	 * @param table the table
	 * @param widths the relative column widths
	 */
	void write(PdfStructureElement parent, Table table, float[] widths) {
		List<Column> columns = table.columns();
		PdfStructureElement element = Tags.element(parent, PdfName.TABLE);
		PdfPTable caption = Rows.sized(new PdfPTable(1), this.flow.width());
		caption.addCell(PdfCells.plain(new Phrase(table.caption(), this.fonts.smallBold), Element.ALIGN_LEFT));
		PdfPTable grid = Rows.sized(new PdfPTable(widths), this.flow.width());
		grid.setHeaderRows(1);
		for (Column column : columns) {
			PdfPCell cell = PdfCells.table(new Phrase(column.headerWithUnit(), this.fonts.tableHeader), column);
			cell.setBackgroundColor(PdfCells.HEADER_FILL);
			grid.addCell(cell);
		}
		float headerHeight = Rows.height(caption, 0) + Rows.height(grid, 0);
		this.flow.space(4);
		boolean started = false;
		Iterator<? extends List<?>> rows = table.rows().iterator();
		try {
			while (rows.hasNext() || !started) {
				int inFragment = 0;
				while (rows.hasNext() && inFragment < ROWS_PER_FRAGMENT) {
					List<?> row = rows.next();
					for (int i = 0; i < columns.size(); i++) {
						Object value = (i < row.size()) ? row.get(i) : null;
						Column column = columns.get(i);
						grid.addCell(PdfCells.table(new Phrase(this.formats.cell(value, column), this.fonts.tableCell),
								column));
					}
					inFragment++;
				}
				for (int k = 1; k <= inFragment; k++) {
					float height = Rows.height(grid, k);
					if (!started) {
						this.flow.keep(headerHeight + height);
						headers(element, caption, grid);
						started = true;
					}
					else if (this.flow.remaining() < height) {
						this.flow.newPage();
						Rows.draw(this.flow, caption, 0, (c) -> null);
						Rows.draw(this.flow, grid, 0, (c) -> null);
					}
					PdfStructureElement tr = Tags.element(element, Tags.TR);
					Rows.draw(this.flow, grid, k, (c) -> Tags.element(tr, PdfName.TD));
				}
				if (!started) {
					this.flow.keep(headerHeight);
					headers(element, caption, grid);
					started = true;
				}
				grid.deleteBodyRows();
			}
		}
		finally {
			RowSources.close(rows);
		}
		this.flow.space(10);
	}

	private void headers(PdfStructureElement table, PdfPTable caption, PdfPTable grid) {
		Rows.draw(this.flow, caption, 0, (c) -> Tags.element(table, PdfName.CAPTION));
		PdfStructureElement tr = Tags.element(table, Tags.TR);
		Rows.draw(this.flow, grid, 0, (c) -> Tags.header(tr, true));
	}

	/**
	 * Label and value pairs (the title page, the provenance) as a table of rows whose
	 * first cell is the row's header.
	 * @param parent the element the table belongs to
	 * @param facts label and value, in order
	 * @param after space after the table
	 */
	void facts(PdfStructureElement parent, List<String[]> facts, float after) {
		PdfStructureElement element = Tags.element(parent, PdfName.TABLE);
		PdfPTable grid = Rows.sized(new PdfPTable(new float[] { 1, 3 }), this.flow.width());
		for (String[] fact : facts) {
			grid.addCell(PdfCells.plain(new Phrase(fact[0], this.fonts.bodyBold), Element.ALIGN_LEFT));
			grid.addCell(PdfCells.plain(new Phrase(fact[1], this.fonts.body), Element.ALIGN_LEFT));
		}
		for (int k = 0; k < facts.size(); k++) {
			this.flow.keep(Rows.height(grid, k));
			PdfStructureElement tr = Tags.element(element, Tags.TR);
			Rows.draw(this.flow, grid, k, (c) -> (c == 0) ? Tags.header(tr, false) : Tags.element(tr, PdfName.TD));
		}
		this.flow.space(after);
	}

}
