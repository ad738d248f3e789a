package org.greenledger.procurement.questionnaire;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.greenledger.procurement.SupplierType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.greenledger.procurement.questionnaire.QuestionnaireFixtures.answerCell;
import static org.greenledger.procurement.questionnaire.QuestionnaireFixtures.excelRow;

class QuestionnaireReaderTests {

	private static final SupplierType CLOUD = SupplierType.CLOUD_PROVIDER;

	private final QuestionnaireReader reader = new QuestionnaireReader();

	@Test
	void readsAFilledTemplateAsTypedAnswers() {
		byte[] xlsx = QuestionnaireFixtures.filled(CLOUD, workbook -> {
			answer(workbook, "energy.carbon_free_share").setBlank();
			answer(workbook, "facility.pue").setCellValue(1.12);
			answer(workbook, "water.site_stress").setCellValue("High");
		});
		QuestionnaireAnswers answers = this.reader.read("answers.xlsx", new ByteArrayInputStream(xlsx));
		assertThat(answers.type()).isEqualTo(CLOUD);
		assertThat(answers.version()).isEqualTo("questionnaire-v1");
		assertThat(answers.answers().get("grid.location_intensity"))
			.isEqualTo(new Answer.Numeric("grid.location_intensity", "Answers!E5", new java.math.BigDecimal("412.5")));
		assertThat(answers.number("facility.pue"))
			.hasValueSatisfying(pue -> assertThat(pue).isEqualByComparingTo("1.12"));
		assertThat(answers.number("energy.renewable_share")).hasValue(new java.math.BigDecimal("42"));
		assertThat(answers.number("targets.base_year")).hasValue(new java.math.BigDecimal("2019"));
		assertThat(answers.answer("reporting.data_as_of"))
			.hasValue(new Answer.Date("reporting.data_as_of", "Answers!E2", LocalDate.of(2025, 12, 31)));
		assertThat(answers.answer("contact.email"))
			.hasValue(new Answer.Text("contact.email", "Answers!E4", "jane@example.com"));
		assertThat(answers.answer("embodied.pcf_available"))
			.hasValue(new Answer.YesNo("embodied.pcf_available", "Answers!E12", true));
		assertThat(answers.answer("water.site_stress"))
			.hasValue(new Answer.Choice("water.site_stress", "Answers!E11", "high"));
		assertThat(answers.answer("disclosure.cdp_climate_score")).map(answer -> ((Answer.Choice) answer).value())
			.hasValue("not disclosed");
		assertThat(answers.answer("energy.carbon_free_share")).isEmpty();
		assertThat(answers.answers()).hasSize(QuestionnaireDefinition.current().questions(CLOUD).size() - 1);
	}

	@ParameterizedTest
	@EnumSource(SupplierType.class)
	void readsAFilledTemplateOfEveryType(SupplierType type) {
		byte[] xlsx = QuestionnaireFixtures.filled(type, workbook -> {
		});
		QuestionnaireAnswers answers = this.reader.read("answers.xlsx", new ByteArrayInputStream(xlsx), type);
		assertThat(answers.type()).isEqualTo(type);
		assertThat(answers.answers()).hasSize(QuestionnaireDefinition.current().questions(type).size());
	}

	@Test
	void acceptsUnambiguousValuesTypedAsTextAndPercentFormats() {
		byte[] xlsx = QuestionnaireFixtures.filled(CLOUD, workbook -> {
			answer(workbook, "grid.market_intensity").setCellValue(" 120.50 ");
			answer(workbook, "reporting.data_as_of").setCellValue("2024-12-31");
			answer(workbook, "embodied.pcf_available").setCellValue("No");
			var percent = answer(workbook, "energy.renewable_share");
			var style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat("0%"));
			percent.setCellStyle(style);
			percent.setCellValue(0.85);
			answer(workbook, "circularity.reused_share").setCellValue("12.5%");
		});
		QuestionnaireAnswers answers = this.reader.read("answers.xlsx", new ByteArrayInputStream(xlsx));
		assertThat(answers.number("grid.market_intensity")).hasValue(new java.math.BigDecimal("120.5"));
		assertThat(answers.answer("reporting.data_as_of")).map(answer -> ((Answer.Date) answer).value())
			.hasValue(LocalDate.of(2024, 12, 31));
		assertThat(answers.answer("embodied.pcf_available")).map(answer -> ((Answer.YesNo) answer).value())
			.hasValue(false);
		assertThat(answers.number("energy.renewable_share")).hasValue(new java.math.BigDecimal("85"));
		assertThat(answers.number("circularity.reused_share")).hasValue(new java.math.BigDecimal("12.5"));
	}

	@Test
	void textThatLooksLikeAFormulaIsKeptAsPlainText() {
		byte[] xlsx = QuestionnaireFixtures.filled(CLOUD,
				workbook -> answer(workbook, "contact.name").setCellValue("=HYPERLINK(\"http://evil\",\"x\")"));
		QuestionnaireAnswers answers = this.reader.read("answers.xlsx", new ByteArrayInputStream(xlsx));
		assertThat(answers.answer("contact.name")).map(answer -> ((Answer.Text) answer).value())
			.hasValue("=HYPERLINK(\"http://evil\",\"x\")");
	}

	@Test
	void reportsEveryBadAnswerWithItsCell() {
		byte[] xlsx = QuestionnaireFixtures.filled(CLOUD, workbook -> {
			answer(workbook, "grid.location_intensity").setCellValue("about 400");
			answer(workbook, "facility.pue").setCellValue(0.8);
			answer(workbook, "water.site_stress").setCellValue("very low");
			answer(workbook, "contact.email").setBlank();
			answer(workbook, "targets.base_year").setCellValue(2019.5);
			answer(workbook, "reporting.data_as_of").setCellValue(LocalDate.of(2010, 1, 1));
			answer(workbook, "embodied.pcf_available").setCellValue("maybe");
			row(workbook, "water.wue").getCell(2).setCellValue("m3/MWh");
			answer(workbook, "grid.market_intensity").setCellFormula("100+20");
		});
		QuestionnaireRejectedException rejected = reject(xlsx);
		assertThat(rejected.fileName()).isEqualTo("answers.xlsx");
		assertThat(rejected.problems()).extracting(QuestionnaireProblem::toString)
			.containsExactly(
					"Answers!E2: [reporting.data_as_of] 2010-01-01 is out of range: allowed date (YYYY-MM-DD) from 2015-01-01 to 2100-12-31",
					"Answers!E4: [contact.email] a required answer is missing",
					"Answers!E5: [grid.location_intensity] expected a number in gCO2e/kWh, found the text 'about 400'",
					"Answers!E6: [grid.market_intensity] formulas are not accepted; type the value",
					"Answers!E9: [facility.pue] 0.8 is out of range: allowed number from 1 to 3 (ratio)",
					"Answers!C10: [water.wue] the unit was changed to 'm3/MWh'; answers must be in L/kWh: convert the value and restore the unit",
					"Answers!E11: [water.site_stress] 'very low' is not in the allowed list: low, medium, high, extremely high",
					"Answers!E12: [embodied.pcf_available] 'maybe' is not in the allowed list: yes, no",
					"Answers!E17: [targets.base_year] expected a whole number, found 2019.5");
		assertThat(rejected.getMessage()).startsWith("answers.xlsx was rejected: Answers!E2:");
	}

	@Test
	void refusesAFormulaEvenWithACachedValue() {
		byte[] xlsx = QuestionnaireFixtures.filled(CLOUD, workbook -> {
			var cell = answer(workbook, "facility.pue");
			cell.setCellFormula("1+0.2");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
		});
		assertThat(reject(xlsx).problems()).singleElement().satisfies(problem -> {
			assertThat(problem.cell()).isEqualTo("Answers!E9").isEqualTo(answerCell(CLOUD, "facility.pue"));
			assertThat(problem.questionId()).isEqualTo("facility.pue");
			assertThat(problem.reason()).isEqualTo("formulas are not accepted; type the value");
		});
	}

	@Test
	void reportsChangedUnknownRepeatedAndMissingQuestionIds() {
		int pueRow = excelRow(CLOUD, "facility.pue");
		int wueRow = excelRow(CLOUD, "water.wue");
		byte[] xlsx = QuestionnaireFixtures.filled(CLOUD, workbook -> {
			row(workbook, "facility.pue").getCell(0).setCellValue("facility.pue_site");
			row(workbook, "water.wue").getCell(0).setCellValue("grid.location_intensity");
			Row extra = workbook.getSheet("Answers").createRow(40);
			extra.createCell(4).setCellValue("stray value");
		});
		assertThat(reject(xlsx).problems()).extracting(QuestionnaireProblem::toString)
			.containsExactly("Answers!A" + pueRow
					+ ": [facility.pue_site] unknown question id 'facility.pue_site'; do not change column A or add rows",
					"Answers!A" + wueRow
							+ ": [grid.location_intensity] the question id is repeated (first in Answers!A5); do not copy rows",
					"Answers!A41: the row has no question id; do not add rows or change column A",
					"Answers!A" + pueRow
							+ ": [facility.pue] the row of question 'facility.pue' is missing; do not delete rows or change column A",
					"Answers!A" + wueRow
							+ ": [water.wue] the row of question 'water.wue' is missing; do not delete rows or change column A");
	}

	@Test
	void rejectsAnotherVersion() {
		byte[] xlsx = QuestionnaireFixtures.filled(CLOUD,
				workbook -> workbook.getSheet("meta").getRow(0).getCell(1).setCellValue("questionnaire-v0"));
		assertThat(reject(xlsx).problems()).extracting(QuestionnaireProblem::toString)
			.containsExactly("meta!B1: questionnaire version 'questionnaire-v0' is not the current 'questionnaire-v1'; "
					+ "download a fresh template");
	}

	@Test
	void rejectsAnUnknownOrUnexpectedSupplierType() {
		byte[] unknown = QuestionnaireFixtures.filled(CLOUD,
				workbook -> workbook.getSheet("meta").getRow(1).getCell(1).setCellValue("TELCO"));
		assertThat(reject(unknown).problems()).extracting(QuestionnaireProblem::toString)
			.containsExactly("meta!B2: unknown supplier type 'TELCO'");
		byte[] cloud = QuestionnaireFixtures.filled(CLOUD, workbook -> {
		});
		var rejected = catchThrowableOfType(QuestionnaireRejectedException.class,
				() -> this.reader.read("cloud.xlsx", new ByteArrayInputStream(cloud), SupplierType.HARDWARE_VENDOR));
		assertThat(rejected.problems()).extracting(QuestionnaireProblem::toString)
			.containsExactly("meta!B2: this questionnaire is for a CLOUD_PROVIDER, expected one for a HARDWARE_VENDOR");
	}

	@Test
	void rejectsAWorkbookWithoutTheMetaSheet() {
		byte[] xlsx = QuestionnaireFixtures.filled(CLOUD, workbook -> {
			workbook.unLock();
			workbook.removeSheetAt(workbook.getSheetIndex("meta"));
		});
		assertThat(reject(xlsx).problems()).singleElement().satisfies(problem -> {
			assertThat(problem.cell()).isNull();
			assertThat(problem.reason()).startsWith("the hidden sheet 'meta' is missing");
		});
	}

	@Test
	void refusesAZipBombQuickly() {
		byte[] template = QuestionnaireFixtures.template(CLOUD);
		byte[] bomb = QuestionnaireFixtures.withEntry(template, "xl/worksheets/sheet2.xml", out -> {
			out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				.getBytes(StandardCharsets.US_ASCII));
			byte[] row = "<row><c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>"
				.getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < 2_000_000; i++) {
				out.write(row);
			}
			out.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
		});
		assertThat(bomb.length).isLessThan(QuestionnaireReader.MAX_FILE_SIZE);
		long start = System.nanoTime();
		QuestionnaireRejectedException rejected = reject(bomb);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(rejected.problems()).singleElement()
			.satisfies(problem -> assertThat(problem.reason()).contains("possibly a zip bomb"));
		// reading the whole sheet takes far longer; 5 s leaves room for a loaded CI
		// machine
		assertThat(millis).isLessThan(5_000);
	}

	@Test
	void refusesMacros() {
		byte[] template = QuestionnaireFixtures.filled(CLOUD, workbook -> {
		});
		byte[] withVba = QuestionnaireFixtures.withEntry(template, "xl/vbaProject.bin", new byte[] { 1, 2, 3 });
		assertThat(reject(withVba).problems()).singleElement()
			.satisfies(problem -> assertThat(problem.reason()).startsWith("the workbook contains macros (VBA)"));
		var xlsm = catchThrowableOfType(QuestionnaireRejectedException.class,
				() -> this.reader.read("answers.xlsm", new ByteArrayInputStream(template)));
		assertThat(xlsm.problems()).singleElement()
			.satisfies(
					problem -> assertThat(problem.reason()).startsWith("macro-enabled workbooks (.xlsm) are refused"));
	}

	@Test
	void refusesExternalLinks() {
		byte[] template = QuestionnaireFixtures.filled(CLOUD, workbook -> {
		});
		byte[] linked = QuestionnaireFixtures.withEntry(template, "xl/externalLinks/externalLink1.xml",
				"<externalLink/>".getBytes(StandardCharsets.US_ASCII));
		assertThat(reject(linked).problems()).singleElement()
			.satisfies(problem -> assertThat(problem.reason()).startsWith("the workbook links to other workbooks"));
	}

	@Test
	void refusesAFileOverTheSizeLimitWithoutReadingItAll() {
		InputStream endless = new InputStream() {

			long served;

			@Override
			public int read() {
				this.served++;
				return 'P';
			}

		};
		var rejected = catchThrowableOfType(QuestionnaireRejectedException.class,
				() -> this.reader.read("huge.xlsx", endless));
		assertThat(rejected.problems()).extracting(QuestionnaireProblem::toString)
			.containsExactly("the file is larger than 5 MB; a filled questionnaire is far smaller: "
					+ "upload the questionnaire only");
	}

	@Test
	void refusesWhatIsNotAnXlsx() {
		assertThat(reject("id,value\n".getBytes(StandardCharsets.US_ASCII)).problems()).singleElement()
			.satisfies(problem -> assertThat(problem.reason()).isEqualTo("this is not an Excel workbook (.xlsx)"));
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertThat(reject(ole2).problems()).singleElement()
			.satisfies(problem -> assertThat(problem.reason()).startsWith("this is a legacy .xls"));
		byte[] truncated = java.util.Arrays.copyOf(QuestionnaireFixtures.template(CLOUD), 3000);
		assertThat(reject(truncated).problems()).singleElement()
			.satisfies(problem -> assertThat(problem.cell()).isNull());
	}

	private QuestionnaireRejectedException reject(byte[] xlsx) {
		return catchThrowableOfType(QuestionnaireRejectedException.class,
				() -> this.reader.read("answers.xlsx", new ByteArrayInputStream(xlsx)));
	}

	private static Row row(XSSFWorkbook workbook, String id) {
		return workbook.getSheet("Answers").getRow(excelRow(CLOUD, id) - 1);
	}

	private static org.apache.poi.ss.usermodel.Cell answer(XSSFWorkbook workbook, String id) {
		return row(workbook, id).getCell(4);
	}

}
