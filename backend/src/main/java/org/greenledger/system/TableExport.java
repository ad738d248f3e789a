package org.greenledger.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What a portal page shows, as a table to download in CSV (RFC 4180, UTF-8, CRLF) or
 * XLSX: numbers at full precision (numeric cells in XLSX), a month without data as the
 * text "no data" (never 0), and every text cell that a spreadsheet would take for a
 * formula ({@code = + - @}, tab or carriage return first) prefixed with an apostrophe, so
 * that opening an export never runs anything. XLSX cells are written as text or number
 * values, never as formulas.
 *
 * @param name the file name without extension ({@code dashboard-2018})
 * @param header the column names, with their unit
 * @param rows the cells: {@link Number}, {@link String} or null for "no data"
 */
public record TableExport(String name, List<String> header, List<List<@Nullable Object>> rows) {

	/** The text of a cell whose month or source holds no data. */
	public static final String NO_DATA = "no data";

	public TableExport {
		header = List.copyOf(header);
		rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row))).toList();
	}

	/** Whether {@code format} is one this export writes ({@code csv} or {@code xlsx}). */
	public static boolean supports(@Nullable String format) {
		return "csv".equals(format) || "xlsx".equals(format);
	}

	/** The export as a download in the format ({@code csv} or {@code xlsx}). */
	public ResponseEntity<byte[]> download(String format) {
		boolean xlsx = "xlsx".equals(format);
		byte[] body = xlsx ? xlsx() : csv().getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(
					xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
							: new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(this.name + (xlsx ? ".xlsx" : ".csv")).build().toString())
			.body(body);
	}

	/** The CSV text: the header, then one line per row. */
	public String csv() {
		StringBuilder csv = new StringBuilder();
		line(csv, new ArrayList<>(this.header));
		this.rows.forEach(row -> line(csv, row));
		return csv.toString();
	}

	/** The XLSX workbook's bytes: one sheet, a bold header row, then the rows. */
	public byte[] xlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("export");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row head = sheet.createRow(0);
			for (int column = 0; column < this.header.size(); column++) {
				Cell cell = head.createCell(column);
				cell.setCellValue(neutralised(this.header.get(column)));
				cell.setCellStyle(bold);
			}
			for (int index = 0; index < this.rows.size(); index++) {
				Row row = sheet.createRow(index + 1);
				List<@Nullable Object> cells = this.rows.get(index);
				for (int column = 0; column < cells.size(); column++) {
					Object value = cells.get(column);
					Cell cell = row.createCell(column);
					if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
						cell.setCellValue(number.doubleValue());
					}
					else {
						cell.setCellValue(text(value));
					}
				}
			}
			sheet.createFreezePane(0, 1);
			write(workbook, bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(XSSFWorkbook workbook, OutputStream out) throws IOException {
		workbook.write(out);
	}

	/** A cell's text: numbers unrounded, null as "no data", text neutralised. */
	static String text(@Nullable Object value) {
		if (value == null) {
			return NO_DATA;
		}
		if (value instanceof Double number) {
			return Double.isFinite(number) ? java.math.BigDecimal.valueOf(number).toPlainString() : NO_DATA;
		}
		if (value instanceof java.math.BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof Number) {
			return value.toString();
		}
		return neutralised(value.toString());
	}

	/**
	 * The text with a leading apostrophe when a spreadsheet would run it as a formula.
	 */
	public static String neutralised(String text) {
		return (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

	private static void line(StringBuilder csv, List<@Nullable Object> cells) {
		for (int column = 0; column < cells.size(); column++) {
			if (column > 0) {
				csv.append(',');
			}
			String cell = text(cells.get(column));
			boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
					|| cell.indexOf('\r') >= 0;
			csv.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
		}
		csv.append("\r\n");
	}

}
