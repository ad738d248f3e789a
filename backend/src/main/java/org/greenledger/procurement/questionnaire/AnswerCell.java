package org.greenledger.procurement.questionnaire;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.jspecify.annotations.Nullable;

/**
 * Reads one answer cell as its question's type. Formulas are never evaluated and their
 * cached results never used; a value typed as text is accepted where it is unambiguous (a
 * plain decimal number, an ISO date, yes/no).
 */
final class AnswerCell {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

	private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

	private AnswerCell() {
	}

	/** An answer, a problem, or neither (an empty optional answer). */
	record Result(@Nullable Answer answer, @Nullable String problem) {

		static final Result EMPTY = new Result(null, null);

		static Result problem(String reason) {
			return new Result(null, reason);
		}

	}

	static Result read(Question question, @Nullable Cell cell, String ref) {
		if (cell == null || cell.getCellType() == CellType.BLANK
				|| (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
			return question.required() ? Result.problem("a required answer is missing") : Result.EMPTY;
		}
		if (cell.getCellType() == CellType.FORMULA) {
			return Result.problem("formulas are not accepted; type the value");
		}
		if (cell.getCellType() == CellType.ERROR) {
			return Result.problem("the cell holds an error value; type the value");
		}
		return switch (question.type()) {
			case DECIMAL, PERCENT, INTEGER -> number(question, cell, ref);
			case BOOLEAN -> yesNo(question, cell, ref);
			case DATE -> date(question, cell, ref);
			case TEXT -> text(question, cell, ref);
			case CHOICE -> choice(question, cell, ref);
		};
	}

	private static Result number(Question question, Cell cell, String ref) {
		BigDecimal value;
		if (cell.getCellType() == CellType.NUMERIC) {
			value = BigDecimal.valueOf(cell.getNumericCellValue());
			if (question.type() == AnswerType.PERCENT && cell.getCellStyle().getDataFormatString().contains("%")) {
				// Typed as "85%": Excel stores 0.85 and shows 85 %.
				value = value.movePointRight(2);
			}
		}
		else if (cell.getCellType() == CellType.STRING) {
			String text = cell.getStringCellValue().strip();
			if (question.type() == AnswerType.PERCENT && text.endsWith("%")) {
				text = text.substring(0, text.length() - 1).strip();
			}
			if (!PLAIN_NUMBER.matcher(text).matches()) {
				return Result.problem("expected a number in " + question.unit() + ", found the text '"
						+ abbreviate(cell.getStringCellValue()) + "'");
			}
			value = new BigDecimal(text);
		}
		else {
			return Result
				.problem("expected a number in " + question.unit() + ", found " + FORMATTER.formatCellValue(cell));
		}
		value = normalize(value);
		if (question.type() == AnswerType.INTEGER && value.scale() > 0) {
			return Result.problem("expected a whole number, found " + value.toPlainString());
		}
		BigDecimal min = question.minNumber();
		BigDecimal max = question.maxNumber();
		if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
			return Result.problem(value.toPlainString() + " is out of range: allowed " + question.allowedText() + " ("
					+ question.unit() + ")");
		}
		return new Result(new Answer.Numeric(question.id(), ref, value), null);
	}

	private static Result yesNo(Question question, Cell cell, String ref) {
		if (cell.getCellType() == CellType.BOOLEAN) {
			return new Result(new Answer.YesNo(question.id(), ref, cell.getBooleanCellValue()), null);
		}
		String text = FORMATTER.formatCellValue(cell).strip().toLowerCase(Locale.ROOT);
		return switch (text) {
			case "yes" -> new Result(new Answer.YesNo(question.id(), ref, true), null);
			case "no" -> new Result(new Answer.YesNo(question.id(), ref, false), null);
			default -> Result.problem("'" + abbreviate(text) + "' is not in the allowed list: yes, no");
		};
	}

	private static Result date(Question question, Cell cell, String ref) {
		LocalDate value;
		if (cell.getCellType() == CellType.NUMERIC) {
			if (!DateUtil.isCellDateFormatted(cell)) {
				return Result.problem("expected a date (YYYY-MM-DD), found the number "
						+ normalize(BigDecimal.valueOf(cell.getNumericCellValue())).toPlainString());
			}
			value = cell.getLocalDateTimeCellValue().toLocalDate();
		}
		else if (cell.getCellType() == CellType.STRING) {
			try {
				value = LocalDate.parse(cell.getStringCellValue().strip());
			}
			catch (DateTimeParseException ex) {
				return Result.problem(
						"expected a date (YYYY-MM-DD), found the text '" + abbreviate(cell.getStringCellValue()) + "'");
			}
		}
		else {
			return Result.problem("expected a date (YYYY-MM-DD), found " + FORMATTER.formatCellValue(cell));
		}
		LocalDate min = question.minDate();
		LocalDate max = question.maxDate();
		if ((min != null && value.isBefore(min)) || (max != null && value.isAfter(max))) {
			return Result.problem(value + " is out of range: allowed " + question.allowedText());
		}
		return new Result(new Answer.Date(question.id(), ref, value), null);
	}

	private static Result text(Question question, Cell cell, String ref) {
		String value = ((cell.getCellType() == CellType.STRING) ? cell.getStringCellValue()
				: FORMATTER.formatCellValue(cell))
			.strip();
		BigDecimal min = question.minNumber();
		BigDecimal max = question.maxNumber();
		if (max != null && value.length() > max.intValue()) {
			return Result.problem("the text has " + value.length() + " characters, at most " + max + " are allowed");
		}
		if (min != null && value.length() < min.intValue()) {
			return Result.problem("the text is shorter than " + min + " characters");
		}
		return new Result(new Answer.Text(question.id(), ref, value), null);
	}

	private static Result choice(Question question, Cell cell, String ref) {
		String text = FORMATTER.formatCellValue(cell).strip();
		return question.choices()
			.stream()
			.filter(choice -> choice.equalsIgnoreCase(text))
			.findFirst()
			.map(choice -> new Result(new Answer.Choice(question.id(), ref, choice), null))
			.orElseGet(() -> Result.problem(
					"'" + abbreviate(text) + "' is not in the allowed list: " + String.join(", ", question.choices())));
	}

	private static BigDecimal normalize(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static String abbreviate(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return (line.length() <= 40) ? line : line.substring(0, 39) + "…";
	}

}
