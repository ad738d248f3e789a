package org.greenledger.procurement.questionnaire;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import org.greenledger.procurement.SupplierType;

/**
 * Writes the blank questionnaire workbook for one supplier type: an "Instructions" sheet,
 * an "Answers" sheet with one row per question whose only editable cells are the answers
 * (each with Excel data validation matching the question), and a very hidden "meta" sheet
 * holding the questionnaire version and supplier type (also as the named cells
 * {@code GL_QUESTIONNAIRE_VERSION} and {@code GL_SUPPLIER_TYPE}).
 * <p>
 * Sheets and workbook structure are protected <em>without a password</em>: protection
 * prevents accidental edits, it is no security boundary, and {@link QuestionnaireReader}
 * checks everything again.
 */
public final class QuestionnaireTemplate {

	private static final int PROMPT_LIMIT = 255;

	private final QuestionnaireDefinition definition;

	/** A template writer for the current questionnaire version. */
	public QuestionnaireTemplate() {
		this(QuestionnaireDefinition.current());
	}

	/** A template writer for the given questionnaire version. */
	public QuestionnaireTemplate(QuestionnaireDefinition definition) {
		this.definition = definition;
	}

	/**
	 * Writes the template as .xlsx; the stream is not closed.
	 * @param type which questions to ask
	 * @param supplierName printed on the instructions sheet and kept in the meta sheet;
	 * {@code null} for a template not yet addressed to a supplier
	 * @param out where the workbook goes
	 * @throws IOException if writing to {@code out} fails
	 */
	public void write(SupplierType type, @Nullable String supplierName, OutputStream out) throws IOException {
		List<Question> questions = this.definition.questions(type);
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			instructions(workbook, styles, type, supplierName, questions.size());
			answers(workbook, styles, questions);
			meta(workbook, type, supplierName);
			workbook.setActiveSheet(0);
			workbook.lockStructure();
			workbook.write(out);
		}
	}

	private void instructions(XSSFWorkbook workbook, Styles styles, SupplierType type, @Nullable String supplierName,
			int questionCount) {
		XSSFSheet sheet = workbook.createSheet(Layout.INSTRUCTIONS);
		sheet.setColumnWidth(0, 110 * 256);
		String[] lines = { "GreenLedger supplier sustainability questionnaire", "",
				"Supplier: " + ((supplierName != null) ? supplierName : "(not yet assigned)"),
				"Supplier type: " + type.name().toLowerCase(Locale.ROOT).replace('_', ' '),
				"Questionnaire version: " + this.definition.version(), "", "How to fill in",
				"1. Go to the sheet \"Answers\". It has " + questionCount
						+ " questions, one per row. Type your answer in the yellow cell of column E (\"Your answer\").",
				"2. Use the unit in column C. Units cannot be changed: convert your figure to that unit before typing it.",
				"3. Percentages are numbers of percent: type 85 for 85 %. Dates as YYYY-MM-DD, e.g. 2025-12-31.",
				"4. Choose yes/no and lists from the drop-down; other values are not accepted.",
				"5. Questions marked \"yes\" in column D are required. Leave an optional answer empty if you do not know it; do not type 0 or n/a.",
				"6. Column G explains what each question means; the same text appears when you select an answer cell.",
				"", "What is read",
				"Only the values typed into column E of the sheet \"Answers\". Formulas are not accepted in answer cells: type the value.",
				"Macros are not run and workbooks containing macros (.xlsm) are refused. Links to other workbooks are refused, never followed.",
				"Do not add, remove, rename or reorder rows or sheets, and do not change the question ids in column A.",
				"Save as Excel Workbook (.xlsx), at most 5 MB, and return the file to the person who sent it.", "",
				"The sheets are protected without a password only to prevent accidental changes.",
				"Every answer is checked again when the file is uploaded; all problems are reported at once, each with its cell (e.g. Answers!E7)." };
		for (int i = 0; i < lines.length; i++) {
			var cell = sheet.createRow(i).createCell(0);
			cell.setCellValue(lines[i]);
			boolean heading = i == 0 || lines[i].equals("How to fill in") || lines[i].equals("What is read");
			cell.setCellStyle(heading ? styles.heading : styles.wrapped);
		}
		sheet.enableLocking();
	}

	private void answers(XSSFWorkbook workbook, Styles styles, List<Question> questions) {
		XSSFSheet sheet = workbook.createSheet(Layout.ANSWERS);
		int[] widths = { 32, 60, 12, 10, 22, 34, 80 };
		for (int column = 0; column < widths.length; column++) {
			sheet.setColumnWidth(column, widths[column] * 256);
		}
		Row header = sheet.createRow(0);
		for (int column = 0; column < Layout.HEADERS.length; column++) {
			var cell = header.createCell(column);
			cell.setCellValue(Layout.HEADERS[column]);
			cell.setCellStyle(styles.header);
		}
		sheet.createFreezePane(0, 1);
		DataValidationHelper helper = sheet.getDataValidationHelper();
		int rowIndex = Layout.FIRST_QUESTION_ROW;
		for (Question question : questions) {
			Row row = sheet.createRow(rowIndex);
			text(row, Layout.ID, question.id(), styles.locked);
			text(row, Layout.QUESTION, question.text(), styles.locked);
			text(row, Layout.UNIT, question.unit(), styles.locked);
			text(row, Layout.REQUIRED, question.required() ? "yes" : "no", styles.locked);
			row.createCell(Layout.ANSWER).setCellStyle(styles.input(question.type()));
			text(row, Layout.ALLOWED, question.allowedText(), styles.locked);
			text(row, Layout.GUIDANCE, question.guidance(), styles.locked);
			DataValidation validation = helper.createValidation(constraint(helper, question),
					new CellRangeAddressList(rowIndex, rowIndex, Layout.ANSWER, Layout.ANSWER));
			validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
			validation.setShowErrorBox(true);
			validation.createErrorBox("Not accepted",
					limit("Allowed: " + question.allowedText() + " (" + question.unit() + ")"));
			validation.setShowPromptBox(true);
			validation.createPromptBox(limit(question.unit()), limit(question.guidance()));
			validation.setEmptyCellAllowed(true);
			sheet.addValidationData(validation);
			rowIndex++;
		}
		sheet.enableLocking();
		sheet.lockSelectLockedCells(false);
		sheet.lockSelectUnlockedCells(false);
	}

	private static DataValidationConstraint constraint(DataValidationHelper helper, Question question) {
		String min = question.min();
		String max = question.max();
		return switch (question.type()) {
			case DECIMAL, PERCENT -> helper.createDecimalConstraint(OperatorType.BETWEEN,
					(min != null) ? min : "-1E+15", (max != null) ? max : "1E+15");
			case INTEGER -> helper.createIntegerConstraint(OperatorType.BETWEEN, (min != null) ? min : "-2147483648",
					(max != null) ? max : "2147483647");
			case BOOLEAN -> helper.createExplicitListConstraint(new String[] { "yes", "no" });
			case CHOICE -> helper.createExplicitListConstraint(question.choices().toArray(String[]::new));
			case DATE -> helper.createDateConstraint(OperatorType.BETWEEN,
					excelDate((question.minDate() != null) ? question.minDate() : LocalDate.of(1900, 1, 1)),
					excelDate((question.maxDate() != null) ? question.maxDate() : LocalDate.of(9999, 12, 31)),
					"yyyy-mm-dd");
			case TEXT -> helper.createTextLengthConstraint(OperatorType.BETWEEN, (min != null) ? min : "0",
					(max != null) ? max : "32767");
		};
	}

	private static String excelDate(LocalDate date) {
		return "DATE(" + date.getYear() + "," + date.getMonthValue() + "," + date.getDayOfMonth() + ")";
	}

	private static String limit(String text) {
		return (text.length() <= PROMPT_LIMIT) ? text : text.substring(0, PROMPT_LIMIT - 1) + "…";
	}

	private void meta(XSSFWorkbook workbook, SupplierType type, @Nullable String supplierName) {
		XSSFSheet sheet = workbook.createSheet(Layout.META);
		metaRow(sheet, Layout.META_VERSION_ROW, "questionnaire_version", this.definition.version());
		metaRow(sheet, Layout.META_TYPE_ROW, "supplier_type", type.name());
		metaRow(sheet, Layout.META_SUPPLIER_ROW, "supplier_name", (supplierName != null) ? supplierName : "");
		name(workbook, Layout.VERSION_NAME, Layout.META_VERSION_ROW);
		name(workbook, Layout.TYPE_NAME, Layout.META_TYPE_ROW);
		sheet.enableLocking();
		workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
	}

	private static void metaRow(XSSFSheet sheet, int rowIndex, String key, String value) {
		Row row = sheet.createRow(rowIndex);
		row.createCell(0).setCellValue(key);
		row.createCell(1).setCellValue(value);
	}

	private static void name(XSSFWorkbook workbook, String name, int rowIndex) {
		Name defined = workbook.createName();
		defined.setNameName(name);
		defined.setRefersToFormula(Layout.META + "!$B$" + (rowIndex + 1));
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	/** The workbook's cell styles, created once per workbook. */
	private static final class Styles {

		final CellStyle heading;

		final CellStyle wrapped;

		final CellStyle header;

		final CellStyle locked;

		private final CellStyle number;

		private final CellStyle date;

		private final CellStyle text;

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.heading = workbook.createCellStyle();
			this.heading.setFont(bold);
			this.wrapped = workbook.createCellStyle();
			this.wrapped.setWrapText(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.locked = workbook.createCellStyle();
			this.locked.setWrapText(true);
			this.locked.setVerticalAlignment(VerticalAlignment.TOP);
			this.locked.setLocked(true);
			short textFormat = workbook.createDataFormat().getFormat("@");
			short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
			this.number = input(workbook, (short) 0);
			this.date = input(workbook, dateFormat);
			this.text = input(workbook, textFormat);
		}

		CellStyle input(AnswerType type) {
			return switch (type) {
				case DECIMAL, PERCENT, INTEGER -> this.number;
				case DATE -> this.date;
				case BOOLEAN, CHOICE, TEXT -> this.text;
			};
		}

		private static CellStyle input(XSSFWorkbook workbook, short format) {
			CellStyle style = workbook.createCellStyle();
			style.setLocked(false);
			style.setDataFormat(format);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			return style;
		}

	}

}
