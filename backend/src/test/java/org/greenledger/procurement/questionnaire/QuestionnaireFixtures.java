package org.greenledger.procurement.questionnaire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.greenledger.procurement.SupplierType;

/**
 * Questionnaire workbooks made in the tests: blank, filled with valid answers, tampered
 * with.
 */
public final class QuestionnaireFixtures {

	private QuestionnaireFixtures() {
	}

	static byte[] template(SupplierType type) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new QuestionnaireTemplate().write(type, "Example Cloud GmbH", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The template with a valid answer to every question, then {@code edit} applied. */
	public static byte[] filled(SupplierType type, Consumer<XSSFWorkbook> edit) {
		return edit(template(type), workbook -> {
			Sheet answers = workbook.getSheet("Answers");
			List<Question> questions = QuestionnaireDefinition.current().questions(type);
			for (int i = 0; i < questions.size(); i++) {
				fill(answers.getRow(i + 1).getCell(4), questions.get(i));
			}
			edit.accept(workbook);
		});
	}

	static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> edit) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			edit.accept(workbook);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void fill(Cell cell, Question question) {
		switch (question.type()) {
			case DECIMAL -> cell.setCellValue(
					question.id().equals("grid.location_intensity") ? 412.5 : question.minNumber().doubleValue() + 1);
			case PERCENT -> cell.setCellValue(42);
			case INTEGER -> cell.setCellValue(2019);
			case BOOLEAN -> cell.setCellValue("yes");
			case DATE -> cell.setCellValue(LocalDate.of(2025, 12, 31));
			case TEXT -> cell.setCellValue(question.id().equals("contact.email") ? "jane@example.com" : "Jane Doe");
			case CHOICE -> cell.setCellValue(question.choices().get(question.choices().size() - 1));
		}
	}

	/**
	 * The cell of a question's answer in the template of a supplier type, e.g.
	 * {@code Answers!E5}.
	 */
	public static String answerCell(SupplierType type, String id) {
		return "Answers!E" + excelRow(type, id);
	}

	/**
	 * The Excel row number (1-based) of a question in the template of a supplier type.
	 */
	public static int excelRow(SupplierType type, String id) {
		List<Question> questions = QuestionnaireDefinition.current().questions(type);
		for (int i = 0; i < questions.size(); i++) {
			if (questions.get(i).id().equals(id)) {
				return i + 2;
			}
		}
		throw new IllegalArgumentException(id);
	}

	/** A copy of a ZIP package with one entry replaced or added. */
	static byte[] withEntry(byte[] zip, String name, byte[] content) {
		return withEntry(zip, name, out -> out.write(content));
	}

	static byte[] withEntry(byte[] zip, String name, EntryWriter content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			out.setLevel(9);
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.getName().equals(name)) {
					continue;
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				in.transferTo(out);
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry(name));
			content.write(out);
			out.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	@FunctionalInterface
	interface EntryWriter {

		void write(ZipOutputStream out) throws IOException;

	}

}
