package org.greenledger.explorer.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

import org.greenledger.reports.RowSources;

/**
 * Writes the explorer's lines as CSV (RFC 4180, UTF-8) or XLSX (streamed: a window of
 * rows in memory, the rest on disk), with the auditor workbook's columns. Numbers stay
 * numbers; a text cell a spreadsheet would take for a formula ({@code = + - @}, tab or
 * carriage return first: a tag, a resource id or a file name from the input) is prefixed
 * with an apostrophe, so that opening the export never runs anything.
 */
final class LineExports {

	/** Rows of an XLSX sheet kept in memory while writing. */
	private static final int WINDOW = 200;

	private LineExports() {
	}

	static void csv(List<String> headers, Iterable<List<@Nullable Object>> lines, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		line(writer, headers);
		each(lines, line -> line(writer, line));
		writer.flush();
	}

	/**
	 * Writes every line, closing the lines' cursor however it ends: one not read to its
	 * end (a cancelled download, a line that could not be written) gives its database
	 * connection back.
	 */
	private static void each(Iterable<List<@Nullable Object>> lines, LineWriter writer) throws IOException {
		Iterator<List<@Nullable Object>> rows = lines.iterator();
		try {
			while (rows.hasNext()) {
				writer.write(rows.next());
			}
		}
		finally {
			RowSources.close(rows);
		}
	}

	private static void line(Writer writer, List<?> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			Object cell = cells.get(i);
			if (cell instanceof Number number) {
				writer.write(number(number));
			}
			else if (cell != null) {
				writer.write('"');
				writer.write(neutralised(cell.toString()).replace("\"", "\"\""));
				writer.write('"');
			}
		}
		writer.write("\r\n");
	}

	static void xlsx(String sheetName, List<String> headers, Iterable<List<@Nullable Object>> lines, OutputStream out)
			throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			workbook.setCompressTempFiles(true);
			SXSSFSheet sheet = workbook.createSheet(sheetName);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			Row header = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(headers.get(i));
				cell.setCellStyle(bold);
			}
			sheet.createFreezePane(0, 1);
			int[] number = { 1 };
			each(lines, line -> write(sheet.createRow(number[0]++), line, date));
			workbook.write(out);
			out.flush();
		}
	}

	private static void write(Row row, List<@Nullable Object> line, CellStyle date) {
		for (int i = 0; i < line.size(); i++) {
			Object value = line.get(i);
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (value instanceof Number n) {
				cell.setCellValue(n.doubleValue());
			}
			else if (value instanceof LocalDate day) {
				cell.setCellValue(day);
				cell.setCellStyle(date);
			}
			else {
				cell.setCellValue(neutralised(value.toString()));
			}
		}
	}

	/**
	 * A text cell as written: prefixed with an apostrophe when it starts like a formula.
	 */
	static String neutralised(String value) {
		return (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
	}

	private static String number(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (number instanceof Double value) {
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}
		return number.toString();
	}

	@FunctionalInterface
	private interface LineWriter {

		void write(List<@Nullable Object> line) throws IOException;

	}

}
