package org.greenledger.procurement.questionnaire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import org.greenledger.procurement.SupplierType;

/**
 * Reads a returned questionnaire strictly: every answer is checked against its question
 * and <em>all</em> problems are reported together in a
 * {@link QuestionnaireRejectedException}, each with its cell.
 * <p>
 * Uploaded files are treated as hostile: at most {@value #MAX_FILE_SIZE} bytes, inspected
 * as a ZIP before parsing (no macros, ActiveX or external links; a bounded unpacked size
 * and compression ratio), POI's own {@link ZipSecureFile} limits tightened, formulas
 * never evaluated (a formula in an answer cell is refused) and links never followed.
 */
public final class QuestionnaireReader {

	/** Largest file accepted, 5 MB; a filled questionnaire is a few tens of kB. */
	public static final int MAX_FILE_SIZE = 5 * 1024 * 1024;

	/** POI's minimum compressed:uncompressed ratio per ZIP entry. */
	static final double MIN_INFLATE_RATIO = 0.01;

	/** POI's largest uncompressed ZIP entry. */
	static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;

	/** POI's longest text it extracts from a part. */
	static final long MAX_TEXT_SIZE = 10L * 1024 * 1024;

	static {
		// These are JVM-wide POI settings: only ever tightened here, never loosened.
		if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
			ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		}
		if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_SIZE) {
			ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
		}
		if (ZipSecureFile.getMaxTextSize() > MAX_TEXT_SIZE) {
			ZipSecureFile.setMaxTextSize(MAX_TEXT_SIZE);
		}
	}

	private final QuestionnaireDefinition definition;

	/** A reader for the current questionnaire version. */
	public QuestionnaireReader() {
		this(QuestionnaireDefinition.current());
	}

	/** A reader for the given questionnaire version; other versions are rejected. */
	public QuestionnaireReader(QuestionnaireDefinition definition) {
		this.definition = definition;
	}

	/**
	 * Reads a returned questionnaire of any supplier type.
	 * @param fileName the uploaded file's name, used for its extension and in messages
	 * @param xlsx the file's content; read to the end or to just past the size limit, not
	 * closed
	 * @return the checked answers
	 * @throws QuestionnaireRejectedException with every problem found
	 * @throws UncheckedIOException if {@code xlsx} cannot be read
	 */
	public QuestionnaireAnswers read(String fileName, InputStream xlsx) {
		return read(fileName, xlsx, null);
	}

	/**
	 * Reads a returned questionnaire that must be for the given supplier type, e.g. the
	 * type of the supplier it was uploaded for.
	 * @param fileName the uploaded file's name
	 * @param xlsx the file's content, not closed
	 * @param expected the supplier type the template must have been made for, or
	 * {@code null} for any
	 * @return the checked answers
	 * @throws QuestionnaireRejectedException with every problem found
	 * @throws UncheckedIOException if {@code xlsx} cannot be read
	 */
	public QuestionnaireAnswers read(String fileName, InputStream xlsx, @Nullable SupplierType expected) {
		byte[] bytes;
		try {
			bytes = xlsx.readNBytes(MAX_FILE_SIZE + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(fileName + ": cannot be read", ex);
		}
		if (bytes.length > MAX_FILE_SIZE) {
			throw rejected(fileName, "the file is larger than " + (MAX_FILE_SIZE >> 20)
					+ " MB; a filled questionnaire is far smaller: upload the questionnaire only");
		}
		String lowerName = fileName.toLowerCase(Locale.ROOT);
		if (lowerName.endsWith(".xlsm") || lowerName.endsWith(".xltm") || lowerName.endsWith(".xlam")) {
			throw rejected(fileName, "macro-enabled workbooks (.xlsm) are refused; macros are never run: "
					+ "save it as Excel Workbook (.xlsx)");
		}
		Optional<String> refusal = PackageInspection.refusal(bytes);
		if (refusal.isPresent()) {
			throw rejected(fileName, refusal.get());
		}
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
				XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
			try {
				return read(fileName, workbook, expected);
			}
			finally {
				pkg.revert();
			}
		}
		catch (QuestionnaireRejectedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			// Anything POI cannot parse, including its own zip-bomb and size guards.
			throw rejected(fileName, "the file cannot be read as an Excel workbook (.xlsx): " + why(ex));
		}
	}

	/**
	 * What POI or its XML parser found, in a sentence of ours (never the library's
	 * words).
	 */
	static String why(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			messages.append(' ').append(cause.getMessage());
		}
		String text = messages.toString().toLowerCase(Locale.ROOT);
		if (text.contains("doctype")) {
			return "a part of it has a document type declaration (<!DOCTYPE>), which uploaded files may not have";
		}
		if (text.contains("zip bomb") || text.contains("ratio") || text.contains("max text size")
				|| text.contains("exceed")) {
			return "a part of it expands far more than a questionnaire does when unzipped (a zip bomb?)";
		}
		if (text.contains("encrypt") || text.contains("password")) {
			return "it is encrypted or password-protected; save it without a password";
		}
		return "it is damaged, or not an Excel workbook";
	}

	private QuestionnaireAnswers read(String fileName, XSSFWorkbook workbook, @Nullable SupplierType expected) {
		if (workbook.getPackagePart().getContentType().contains("macroEnabled")) {
			throw rejected(fileName, "macro-enabled workbooks are refused; save it as Excel Workbook (.xlsx)");
		}
		List<QuestionnaireProblem> problems = new ArrayList<>();
		Sheet meta = workbook.getSheet(Layout.META);
		if (meta == null) {
			throw rejected(fileName, "the hidden sheet '" + Layout.META
					+ "' is missing, so this is not a GreenLedger questionnaire or it was copied into a new workbook; "
					+ "fill in the template as downloaded");
		}
		String version = text(meta, Layout.META_VERSION_ROW, 1);
		if (!this.definition.version().equals(version)) {
			problems.add(new QuestionnaireProblem(Layout.ref(Layout.META, Layout.META_VERSION_ROW, 1), null,
					"questionnaire version '" + version + "' is not the current '" + this.definition.version()
							+ "'; download a fresh template"));
		}
		String typeName = text(meta, Layout.META_TYPE_ROW, 1);
		SupplierType type = null;
		try {
			type = SupplierType.valueOf(typeName);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new QuestionnaireProblem(Layout.ref(Layout.META, Layout.META_TYPE_ROW, 1), null,
					"unknown supplier type '" + typeName + "'"));
		}
		if (type != null && expected != null && type != expected) {
			problems.add(new QuestionnaireProblem(Layout.ref(Layout.META, Layout.META_TYPE_ROW, 1), null,
					"this questionnaire is for a " + type + ", expected one for a " + expected));
		}
		Sheet sheet = workbook.getSheet(Layout.ANSWERS);
		if (sheet == null) {
			problems.add(new QuestionnaireProblem(null, null, "the sheet '" + Layout.ANSWERS + "' is missing"));
		}
		if (!problems.isEmpty() || type == null || sheet == null) {
			throw new QuestionnaireRejectedException(fileName, problems);
		}
		Map<String, Answer> answers = answers(sheet, this.definition.questions(type), problems);
		if (!problems.isEmpty()) {
			throw new QuestionnaireRejectedException(fileName, problems);
		}
		return new QuestionnaireAnswers(type, version, answers);
	}

	private static Map<String, Answer> answers(Sheet sheet, List<Question> questions,
			List<QuestionnaireProblem> problems) {
		Map<String, Question> byId = new LinkedHashMap<>();
		questions.forEach(question -> byId.put(question.id(), question));
		Map<String, Answer> found = new HashMap<>();
		Map<String, Integer> seen = new HashMap<>();
		int last = Math.min(sheet.getLastRowNum(), Layout.MAX_ROWS);
		for (int rowIndex = Layout.FIRST_QUESTION_ROW; rowIndex <= last; rowIndex++) {
			Row row = sheet.getRow(rowIndex);
			if (row == null) {
				continue;
			}
			String id = text(row.getCell(Layout.ID));
			String idRef = Layout.ref(Layout.ANSWERS, rowIndex, Layout.ID);
			if (id.isEmpty()) {
				if (!isEmpty(row)) {
					problems.add(new QuestionnaireProblem(idRef, null,
							"the row has no question id; do not add rows or change column A"));
				}
				continue;
			}
			Question question = byId.get(id);
			if (question == null) {
				problems.add(new QuestionnaireProblem(idRef, id,
						"unknown question id '" + id + "'; do not change column A or add rows"));
				continue;
			}
			Integer earlier = seen.putIfAbsent(id, rowIndex);
			if (earlier != null) {
				problems.add(new QuestionnaireProblem(idRef, id, "the question id is repeated (first in "
						+ Layout.ref(Layout.ANSWERS, earlier, Layout.ID) + "); do not copy rows"));
				continue;
			}
			String unit = text(row.getCell(Layout.UNIT));
			if (!unit.equals(question.unit())) {
				problems.add(new QuestionnaireProblem(Layout.ref(Layout.ANSWERS, rowIndex, Layout.UNIT), id,
						"the unit was changed to '" + unit + "'; answers must be in " + question.unit()
								+ ": convert the value and restore the unit"));
			}
			String answerRef = Layout.ref(Layout.ANSWERS, rowIndex, Layout.ANSWER);
			AnswerCell.Result result = AnswerCell.read(question, row.getCell(Layout.ANSWER), answerRef);
			if (result.problem() != null) {
				problems.add(new QuestionnaireProblem(answerRef, id, result.problem()));
			}
			else if (result.answer() != null) {
				found.put(id, result.answer());
			}
		}
		if (sheet.getLastRowNum() > Layout.MAX_ROWS) {
			problems.add(new QuestionnaireProblem(Layout.ref(Layout.ANSWERS, Layout.MAX_ROWS + 1, Layout.ID), null,
					"the sheet has rows beyond row " + (Layout.MAX_ROWS + 1) + "; they are not read: delete them"));
		}
		int position = Layout.FIRST_QUESTION_ROW;
		for (Question question : questions) {
			if (!seen.containsKey(question.id())) {
				problems.add(new QuestionnaireProblem(Layout.ref(Layout.ANSWERS, position, Layout.ID), question.id(),
						"the row of question '" + question.id()
								+ "' is missing; do not delete rows or change column A"));
			}
			position++;
		}
		Map<String, Answer> ordered = new LinkedHashMap<>();
		questions.stream()
			.filter(question -> found.containsKey(question.id()))
			.forEach(question -> ordered.put(question.id(), found.get(question.id())));
		return ordered;
	}

	private static boolean isEmpty(Row row) {
		for (Cell cell : row) {
			if (!text(cell).isEmpty()) {
				return false;
			}
		}
		return true;
	}

	private static String text(Sheet sheet, int rowIndex, int column) {
		Row row = sheet.getRow(rowIndex);
		return (row != null) ? text(row.getCell(column)) : "";
	}

	/**
	 * A label cell's text; anything but a plain string (numbers, formulas) is not a
	 * label.
	 */
	private static String text(@Nullable Cell cell) {
		if (cell == null) {
			return "";
		}
		if (cell.getCellType() == CellType.STRING) {
			return cell.getStringCellValue().strip();
		}
		return switch (cell.getCellType()) {
			case BLANK -> "";
			case FORMULA -> "=" + cell.getCellFormula();
			default -> cell.toString().strip();
		};
	}

	private static QuestionnaireRejectedException rejected(String fileName, String reason) {
		return new QuestionnaireRejectedException(fileName, List.of(QuestionnaireProblem.file(reason)));
	}

}
