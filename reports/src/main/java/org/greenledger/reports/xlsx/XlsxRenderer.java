package org.greenledger.reports.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.greenledger.reports.Block;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.DocumentRenderer;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Provenance;
import org.greenledger.reports.QualityShare;
import org.greenledger.reports.RowSources;
import org.greenledger.reports.Section;
import org.greenledger.reports.Sheet;
import org.greenledger.reports.Table;
import org.greenledger.reports.TitleBlock;

/**
 * Renders a {@link Document} as an XLSX workbook with Apache POI's streaming
 * {@link SXSSFWorkbook}: a "Summary" worksheet (title block, key figures, data quality,
 * provenance), then one worksheet per table of the sections, then one per {@link Sheet}.
 * <p>
 * Rows are written as they are read and only a small window of them is kept in memory
 * (the rest go to a compressed temporary file, deleted when the rendering ends), so a
 * streamed table of a million rows needs no more heap than one of a hundred. Header rows
 * are bold and frozen, numbers are numeric cells with number formats, dates are date
 * cells.
 * <p>
 * Spreadsheet safety: the renderer never writes a formula. Every text value is a string
 * cell, and text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return is also styled {@link CellStyle#setQuotePrefixed(boolean)
 * quotePrefixed}, so a spreadsheet program keeps it text even when a user edits the cell.
 * <p>
 * Instances are stateless and thread-safe.
 */
public final class XlsxRenderer implements DocumentRenderer {

	/** Rows kept in memory per worksheet by default. */
	public static final int DEFAULT_ROW_WINDOW = 100;

	private static final int MAX_SHEET_NAME = 31;

	private final int rowWindow;

	/**
	 * A renderer that keeps {@value #DEFAULT_ROW_WINDOW} rows per worksheet in memory.
	 */
	public XlsxRenderer() {
		this(DEFAULT_ROW_WINDOW);
	}

	/**
	 * A renderer that keeps the given number of rows per worksheet in memory.
	 * @param rowWindow the rows kept in memory, at least 1
	 */
	public XlsxRenderer(int rowWindow) {
		if (rowWindow < 1) {
			throw new IllegalArgumentException("rowWindow must be at least 1");
		}
		this.rowWindow = rowWindow;
	}

	@Override
	public String mediaType() {
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	}

	@Override
	public void render(Document document, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new StreamingWorkbook(this.rowWindow)) {
			properties(workbook, document.titleBlock());
			CellWriter cells = new CellWriter(workbook);
			Set<String> names = new HashSet<>();
			summary(workbook.createSheet(sheetName("Summary", names)), document, cells);
			for (Section section : document.sections()) {
				for (Block block : section.blocks()) {
					if (block instanceof Table table) {
						table(workbook.createSheet(sheetName(table.caption(), names)), table, cells);
					}
				}
			}
			for (Sheet sheet : document.sheets()) {
				table(workbook.createSheet(sheetName(sheet.name(), names)), sheet.table(), cells);
			}
			String marking = document.titleBlock().marking();
			if (marking != null) {
				// printed at the top of every page of every sheet
				for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
					sheet.getHeader().setCenter(marking);
				}
			}
			workbook.write(out);
		}
	}

	private static void properties(SXSSFWorkbook workbook, TitleBlock titleBlock) {
		POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
		core.setTitle(titleBlock.title());
		core.setCreator("GreenLedger");
		core.setDescription(titleBlock.documentType() + ", " + titleBlock.reportingEntity() + ", " + titleBlock.period()
				+ ", version " + titleBlock.version() + ", " + titleBlock.status().label()
				+ ((titleBlock.marking() != null) ? ", " + titleBlock.marking() : ""));
		core.setCreated(Optional.of(Date.from(titleBlock.generatedAt())));
	}

	private static void summary(SXSSFSheet sheet, Document document, CellWriter cells) {
		TitleBlock titleBlock = document.titleBlock();
		Provenance provenance = document.provenance();
		int[] widths = { 34, 40, 16, 16, 22, 40 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
		Rows rows = new Rows(sheet);
		cells.text(rows.next().createCell(0), titleBlock.title(), cells.title, cells.title);
		if (titleBlock.subtitle() != null) {
			cells.text(rows.next().createCell(0), titleBlock.subtitle());
		}
		rows.skip();
		fact(rows, cells, "Document type", titleBlock.documentType());
		fact(rows, cells, "Reporting entity", titleBlock.reportingEntity());
		fact(rows, cells, "Reporting period", titleBlock.period());
		if (titleBlock.marking() != null) {
			fact(rows, cells, "Data", titleBlock.marking());
		}
		fact(rows, cells, "Status", titleBlock.status().label());
		fact(rows, cells, "Version", titleBlock.version());
		fact(rows, cells, "Generated (UTC)", titleBlock.generatedAt());
		fact(rows, cells, "Report id", provenance.reportId());
		rows.skip();
		header(rows.next(), cells, List.of(Column.text("Section"), Column.text("Key figure"),
				Column.number("Value", null, 0), Column.text("Unit"), Column.text("Reference"), Column.text("Note")));
		for (Section section : document.sections()) {
			for (Block block : section.blocks()) {
				if (block instanceof Block.KeyFigures figures) {
					for (KeyFigure figure : figures.figures()) {
						Row row = rows.next();
						cells.text(row.createCell(0), section.heading());
						cells.text(row.createCell(1), figure.label());
						// declared 0 decimals: a whole number; else by its magnitude
						// (Precision)
						Column number = Column.number("", null, Math.min(1, figure.decimals()));
						cells.value(row.createCell(2), figure.value(), cells.numberStyle(number, figure.value()));
						cells.text(row.createCell(3), figure.unit());
						cells.value(row.createCell(4), figure.reference(), null);
						cells.value(row.createCell(5), figure.note(), null);
					}
				}
			}
		}
		if (!document.dataQuality().isEmpty()) {
			rows.skip();
			header(rows.next(), cells, List.of(Column.text("Data-quality tier"), Column.percent("Share", 1)));
			CellStyle percent = cells.columnStyle(Column.percent("", 1));
			for (QualityShare share : document.dataQuality()) {
				Row row = rows.next();
				cells.text(row.createCell(0), share.tier());
				cells.value(row.createCell(1), share.share(), percent);
			}
		}
		rows.skip();
		cells.text(rows.next().createCell(0), "Provenance", cells.bold, cells.quotedBold);
		fact(rows, cells, "GreenLedger version", provenance.greenLedgerVersion());
		fact(rows, cells, "Method version", provenance.methodVersion());
		fact(rows, cells, "Content hash",
				(provenance.contentHash() != null) ? provenance.contentHash() : "not yet computed (draft)");
		for (Provenance.FactorDataset dataset : provenance.factorDatasets()) {
			fact(rows, cells, "Factor dataset " + dataset.name(), dataset.version());
		}
		for (Provenance.SourceFile file : provenance.sourceFiles()) {
			fact(rows, cells, "Source file " + file.name(), "SHA-256 " + file.sha256());
		}
	}

	private static void fact(Rows rows, CellWriter cells, String label, Object value) {
		Row row = rows.next();
		cells.text(row.createCell(0), label, cells.bold, cells.quotedBold);
		cells.value(row.createCell(1), value, null);
	}

	private static void header(Row row, CellWriter cells, List<Column> columns) {
		for (int i = 0; i < columns.size(); i++) {
			Column column = columns.get(i);
			CellStyle style = column.kind().isNumeric() ? cells.numericHeader : cells.header;
			cells.text(row.createCell(i), column.headerWithUnit(), style, style);
		}
	}

	private static void table(SXSSFSheet sheet, Table table, CellWriter cells) {
		List<Column> columns = table.columns();
		CellStyle[] styles = new CellStyle[columns.size()];
		for (int i = 0; i < styles.length; i++) {
			Column column = columns.get(i);
			styles[i] = cells.columnStyle(column);
			sheet.setColumnWidth(i, width(column) * 256);
		}
		header(sheet.createRow(0), cells, columns);
		sheet.createFreezePane(0, 1);
		Iterator<? extends List<?>> rows = table.rows().iterator();
		try {
			int index = 1;
			while (rows.hasNext()) {
				List<?> values = rows.next();
				Row row = sheet.createRow(index++);
				int count = Math.min(values.size(), styles.length);
				for (int i = 0; i < count; i++) {
					Object value = values.get(i);
					if (value != null) {
						cells.value(row.createCell(i), value, (value instanceof Number number)
								? cells.numberStyle(columns.get(i), number.doubleValue()) : styles[i]);
					}
				}
			}
		}
		finally {
			RowSources.close(rows);
		}
	}

	private static int width(Column column) {
		int header = column.headerWithUnit().length() + 2;
		int content = switch (column.kind()) {
			case TEXT -> 20;
			case DATE -> 12;
			default -> 14;
		};
		return Math.min(60, Math.max(header, content));
	}

	/**
	 * A worksheet name Excel accepts: no {@code : \ / ? * [ ]}, at most 31 characters,
	 * unique regardless of case.
	 */
	static String sheetName(String wanted, Set<String> taken) {
		String stripped = wanted.strip().replaceAll("^'+|'+$", "");
		String base = WorkbookUtil.createSafeSheetName(stripped.isEmpty() ? "Sheet" : stripped, '_');
		String name = truncate(base, MAX_SHEET_NAME);
		for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
			String suffix = " (" + n + ")";
			name = truncate(base, MAX_SHEET_NAME - suffix.length()) + suffix;
		}
		return name;
	}

	private static String truncate(String value, int length) {
		return (value.length() > length) ? value.substring(0, length).stripTrailing() : value;
	}

	/**
	 * Hands out the rows of a worksheet in order.
	 */
	private static final class Rows {

		private final SXSSFSheet sheet;

		private int next;

		Rows(SXSSFSheet sheet) {
			this.sheet = sheet;
		}

		Row next() {
			return this.sheet.createRow(this.next++);
		}

		void skip() {
			this.next++;
		}

	}

}
