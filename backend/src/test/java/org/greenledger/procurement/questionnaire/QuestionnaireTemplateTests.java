package org.greenledger.procurement.questionnaire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.greenledger.procurement.SupplierType;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionnaireTemplateTests {

	@ParameterizedTest
	@EnumSource(SupplierType.class)
	void hasInstructionsAnswersAndAVeryHiddenMetaSheet(SupplierType type) throws IOException {
		try (XSSFWorkbook workbook = open(type)) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Instructions");
			assertThat(workbook.getSheetName(1)).isEqualTo("Answers");
			assertThat(workbook.getSheetName(2)).isEqualTo("meta");
			assertThat(workbook.getSheetVisibility(2)).isEqualTo(SheetVisibility.VERY_HIDDEN);
			XSSFSheet meta = workbook.getSheet("meta");
			assertThat(meta.getRow(0).getCell(1).getStringCellValue()).isEqualTo("questionnaire-v1");
			assertThat(meta.getRow(1).getCell(1).getStringCellValue()).isEqualTo(type.name());
			assertThat(meta.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Example Cloud GmbH");
			assertThat(workbook.getName("GL_QUESTIONNAIRE_VERSION").getRefersToFormula()).isEqualTo("meta!$B$1");
			assertThat(workbook.getName("GL_SUPPLIER_TYPE").getRefersToFormula()).isEqualTo("meta!$B$2");
			String instructions = text(workbook.getSheet("Instructions"));
			assertThat(instructions).contains("Questionnaire version: questionnaire-v1", "Supplier: Example Cloud GmbH",
					"Formulas are not accepted", "Macros are not run");
		}
	}

	@ParameterizedTest
	@EnumSource(SupplierType.class)
	void hasOneRowPerQuestionWithOnlyTheAnswerCellUnlocked(SupplierType type) throws IOException {
		List<Question> questions = QuestionnaireDefinition.current().questions(type);
		try (XSSFWorkbook workbook = open(type)) {
			XSSFSheet answers = workbook.getSheet("Answers");
			assertThat(answers.getLastRowNum()).isEqualTo(questions.size());
			assertThat(answers.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Your answer");
			for (int i = 0; i < questions.size(); i++) {
				var row = answers.getRow(i + 1);
				Question question = questions.get(i);
				assertThat(row.getCell(0).getStringCellValue()).isEqualTo(question.id());
				assertThat(row.getCell(2).getStringCellValue()).isEqualTo(question.unit());
				assertThat(row.getCell(3).getStringCellValue()).isEqualTo(question.required() ? "yes" : "no");
				assertThat(row.getCell(5).getStringCellValue()).isEqualTo(question.allowedText());
				assertThat(row.getCell(0).getCellStyle().getLocked()).isTrue();
				assertThat(row.getCell(2).getCellStyle().getLocked()).isTrue();
				assertThat(row.getCell(4).getCellStyle().getLocked()).isFalse();
			}
			assertThat(answers.getProtect()).isTrue();
			assertThat(workbook.getSheet("Instructions").getProtect()).isTrue();
			assertThat(workbook.getSheet("meta").getProtect()).isTrue();
			assertThat(workbook.isStructureLocked()).isTrue();
		}
	}

	@ParameterizedTest
	@EnumSource(SupplierType.class)
	void everyAnswerCellHasAMatchingDataValidation(SupplierType type) throws IOException {
		List<Question> questions = QuestionnaireDefinition.current().questions(type);
		try (XSSFWorkbook workbook = open(type)) {
			Map<Integer, DataValidation> byRow = workbook.getSheet("Answers")
				.getDataValidations()
				.stream()
				.collect(Collectors.toMap(validation -> validation.getRegions().getCellRangeAddress(0).getFirstRow(),
						validation -> validation));
			assertThat(byRow).hasSize(questions.size());
			for (int i = 0; i < questions.size(); i++) {
				Question question = questions.get(i);
				DataValidation validation = byRow.get(i + 1);
				assertThat(validation.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(4);
				assertThat(validation.getShowErrorBox()).isTrue();
				assertThat(validation.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
				var constraint = validation.getValidationConstraint();
				switch (question.type()) {
					case DECIMAL, PERCENT -> {
						assertThat(constraint.getValidationType()).isEqualTo(ValidationType.DECIMAL);
						assertThat(constraint.getFormula1()).isEqualTo(question.min());
						assertThat(constraint.getFormula2()).isEqualTo(question.max());
					}
					case INTEGER -> assertThat(constraint.getValidationType()).isEqualTo(ValidationType.INTEGER);
					case DATE -> {
						assertThat(constraint.getValidationType()).isEqualTo(ValidationType.DATE);
						assertThat(constraint.getFormula1()).isEqualTo("DATE(2015,1,1)");
					}
					case TEXT -> assertThat(constraint.getValidationType()).isEqualTo(ValidationType.TEXT_LENGTH);
					case BOOLEAN -> assertThat(constraint.getExplicitListValues()).containsExactly("yes", "no");
					case CHOICE ->
						assertThat(constraint.getExplicitListValues()).containsExactlyElementsOf(question.choices());
				}
			}
		}
	}

	@Test
	void writesANeutralTemplateWithoutSupplierName() throws IOException {
		var out = new java.io.ByteArrayOutputStream();
		new QuestionnaireTemplate().write(SupplierType.AI_API_PROVIDER, null, out);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(text(workbook.getSheet("Instructions"))).contains("Supplier: (not yet assigned)");
			assertThat(workbook.getSheet("meta").getRow(2).getCell(1).getStringCellValue()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(SupplierType.class)
	void theBlankTemplateIsRejectedOnlyForMissingRequiredAnswers(SupplierType type) {
		byte[] blank = QuestionnaireFixtures.template(type);
		var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(QuestionnaireRejectedException.class,
				() -> new QuestionnaireReader().read("blank.xlsx", new ByteArrayInputStream(blank)));
		long required = QuestionnaireDefinition.current().questions(type).stream().filter(Question::required).count();
		assertThat(thrown.problems()).hasSize((int) required)
			.allSatisfy(problem -> assertThat(problem.reason()).isEqualTo("a required answer is missing"));
	}

	private static XSSFWorkbook open(SupplierType type) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(QuestionnaireFixtures.template(type)));
	}

	private static String text(XSSFSheet sheet) {
		StringBuilder text = new StringBuilder();
		sheet.forEach(row -> row.forEach(cell -> text.append(cell.getStringCellValue()).append('\n')));
		return text.toString();
	}

}
