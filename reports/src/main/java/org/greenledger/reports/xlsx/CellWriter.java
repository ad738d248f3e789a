package org.greenledger.reports.xlsx;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;
import org.jspecify.annotations.Nullable;

import org.greenledger.reports.Column;
import org.greenledger.reports.Precision;

/**
 * Writes cell values with the styles of one workbook, created once and shared by all
 * cells (a workbook holds at most 64,000 styles).
 * <p>
 * Spreadsheet safety: text is only ever written as a string cell, never as a formula, and
 * text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a style with {@link CellStyle#setQuotePrefixed(boolean) quotePrefixed} set,
 * so that Excel and other spreadsheet programs keep it text even when the cell is edited.
 */
final class CellWriter {

	private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	private final Workbook workbook;

	private final CellStyle text;

	private final CellStyle quotedText;

	final CellStyle header;

	final CellStyle numericHeader;

	final CellStyle title;

	final CellStyle bold;

	final CellStyle quotedBold;

	final CellStyle date;

	final CellStyle dateTime;

	private final Map<String, CellStyle> numberStyles = new HashMap<>();

	/** The number styles by decimals, looked up for every numeric cell. */
	private final CellStyle[] numbersByDecimals = new CellStyle[Precision.MAX_DECIMALS + 1];

	CellWriter(Workbook workbook) {
		this.workbook = workbook;
		Font boldFont = workbook.createFont();
		boldFont.setBold(true);
		Font titleFont = workbook.createFont();
		titleFont.setBold(true);
		titleFont.setFontHeightInPoints((short) 16);
		this.text = workbook.createCellStyle();
		this.quotedText = workbook.createCellStyle();
		this.quotedText.setQuotePrefixed(true);
		this.header = headerStyle(boldFont, HorizontalAlignment.LEFT);
		this.numericHeader = headerStyle(boldFont, HorizontalAlignment.RIGHT);
		this.title = workbook.createCellStyle();
		this.title.setFont(titleFont);
		this.title.setQuotePrefixed(true);
		this.bold = workbook.createCellStyle();
		this.bold.setFont(boldFont);
		this.quotedBold = workbook.createCellStyle();
		this.quotedBold.setFont(boldFont);
		this.quotedBold.setQuotePrefixed(true);
		this.date = numberStyle("yyyy-mm-dd");
		this.dateTime = numberStyle("yyyy-mm-dd hh:mm");
	}

	private CellStyle headerStyle(Font font, HorizontalAlignment alignment) {
		CellStyle style = this.workbook.createCellStyle();
		style.setFont(font);
		style.setAlignment(alignment);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		style.setWrapText(true);
		style.setQuotePrefixed(true);
		return style;
	}

	/**
	 * The style of a number format, made once.
	 * @param format the Excel number format, for example {@code #,##0.0}
	 * @return the style
	 */
	CellStyle numberStyle(String format) {
		return this.numberStyles.computeIfAbsent(format, (key) -> {
			CellStyle style = this.workbook.createCellStyle();
			style.setDataFormat(this.workbook.createDataFormat().getFormat(key));
			return style;
		});
	}

	/**
	 * The style of a column's values.
	 * @param column the column
	 * @return the style, {@code null} for text columns
	 */
	@Nullable CellStyle columnStyle(Column column) {
		return columnStyle(column, column.decimals());
	}

	/**
	 * The style of a number of a column, by the {@link Precision} rule: the number format
	 * with the decimals the number is printed with, or the {@link #belowStyle} of a
	 * number that is not zero but would show as zero. Styles are shared: one per kind and
	 * count of decimals, never one per cell.
	 * @param column the column
	 * @param value the number
	 * @return the style
	 */
	@Nullable CellStyle numberStyle(Column column, double value) {
		int decimals = Precision.decimals(value, column);
		double shown = (column.kind() == Column.Kind.PERCENT) ? value * 100 : value;
		return Precision.roundsToZero(shown, decimals) ? belowStyle(column, decimals) : columnStyle(column, decimals);
	}

	private @Nullable CellStyle columnStyle(Column column, int places) {
		if (column.kind() == Column.Kind.NUMBER && places < this.numbersByDecimals.length) {
			CellStyle style = this.numbersByDecimals[places];
			if (style == null) {
				style = numberStyle("#,##0" + ((places > 0) ? "." + "0".repeat(places) : ""));
				this.numbersByDecimals[places] = style;
			}
			return style;
		}
		String decimals = (places > 0) ? "." + "0".repeat(places) : "";
		return switch (column.kind()) {
			case TEXT -> null;
			case NUMBER -> numberStyle("#,##0" + decimals);
			case INTEGER -> numberStyle("#,##0");
			case PERCENT -> numberStyle("0" + decimals + "%");
			case DATE -> this.date;
		};
	}

	/**
	 * The style of a value that is not zero but would show as zero with the column's
	 * decimals: the cell keeps its exact value, its number format shows {@code < 0.1} (or
	 * {@code > -0.1}), as the PDF and HTML renderings print it.
	 * @param column the column
	 * @param places the decimals
	 * @return the style, {@code null} for columns that are not numbers
	 */
	@Nullable CellStyle belowStyle(Column column, int places) {
		if (!column.kind().isNumeric()) {
			return null;
		}
		int shown = (column.kind() == Column.Kind.INTEGER) ? 0 : places;
		String step = (shown > 0) ? "0." + "0".repeat(shown - 1) + "1" : "1";
		String suffix = (column.kind() == Column.Kind.PERCENT) ? " %" : "";
		return numberStyle("\"< " + step + suffix + "\";\"> -" + step + suffix + "\"");
	}

	/**
	 * Writes a value: numbers as numeric cells, dates as dates, everything else as text.
	 * @param cell the cell
	 * @param value the value; {@code null} leaves the cell blank
	 * @param style the column's style for numbers, or {@code null}
	 */
	void value(Cell cell, @Nullable Object value, @Nullable CellStyle style) {
		switch (value) {
			case null -> {
			}
			case Number number -> {
				double d = number.doubleValue();
				if (Double.isFinite(d)) {
					cell.setCellValue(d);
					if (style != null && style != this.date) {
						cell.setCellStyle(style);
					}
				}
				else if (Double.isNaN(d)) {
					// a month or category without data
					cell.setCellValue(org.greenledger.reports.Formats.NO_DATA);
				}
			}
			case LocalDate localDate -> {
				cell.setCellValue(localDate);
				cell.setCellStyle(this.date);
			}
			case LocalDateTime localDateTime -> dateTime(cell, localDateTime);
			case Instant instant -> dateTime(cell, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
			case OffsetDateTime offset ->
				dateTime(cell, offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
			case ZonedDateTime zoned -> dateTime(cell, zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
			case Boolean bool -> cell.setCellValue(bool);
			default -> text(cell, value.toString());
		}
	}

	private void dateTime(Cell cell, LocalDateTime value) {
		cell.setCellValue(value);
		cell.setCellStyle(this.dateTime);
	}

	/**
	 * Writes text as a string cell, quote-prefixed if a spreadsheet could take it for a
	 * formula.
	 * @param cell the cell
	 * @param value the text
	 */
	void text(Cell cell, String value) {
		text(cell, value, this.text, this.quotedText);
	}

	/**
	 * Writes text as a string cell with a style, or its quote-prefixed twin.
	 * @param cell the cell
	 * @param value the text
	 * @param plain the style for harmless text
	 * @param quoted the style for text that looks like a formula
	 */
	void text(Cell cell, String value, CellStyle plain, CellStyle quoted) {
		String safe = (value.length() > MAX_TEXT) ? value.substring(0, MAX_TEXT) : value;
		cell.setCellValue(safe);
		if (looksLikeFormula(safe)) {
			cell.setCellStyle(quoted);
		}
		else if (plain != this.text) {
			cell.setCellStyle(plain);
		}
	}

	/**
	 * Whether a spreadsheet program could take the text for a formula (or DDE command)
	 * when the cell is edited or the file is converted to CSV.
	 * @param value the text
	 * @return {@code true} if it starts with {@code = + - @}, a tab or a carriage return
	 */
	static boolean looksLikeFormula(String value) {
		if (value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
