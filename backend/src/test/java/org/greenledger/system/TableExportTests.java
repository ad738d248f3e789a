package org.greenledger.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Exports never carry a formula from input, show a month without data as "no data" and
 * keep numbers at full precision.
 */
class TableExportTests {

	private static final TableExport EXPORT = new TableExport("test", List.of("key", "kg"),
			List.of(List.of("=HYPERLINK(\"http://x\")", -1.5), List.of("+cmd", 0.000123456789), List.of("@SUM(A1)", 12),
					Arrays.asList("-2+3", null), List.of("plain, with comma", 2.0)));

	@Test
	void textThatASpreadsheetWouldRunIsNeutralisedInCsv() {
		String[] lines = EXPORT.csv().split("\r\n");
		assertThat(lines[0]).isEqualTo("key,kg");
		assertThat(lines[1]).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",-1.5");
		assertThat(lines[2]).isEqualTo("'+cmd,0.000123456789");
		assertThat(lines[3]).isEqualTo("'@SUM(A1),12");
		assertThat(lines[4]).as("a missing value is no data, not zero").isEqualTo("'-2+3,no data");
		assertThat(lines[5]).isEqualTo("\"plain, with comma\",2.0");
	}

	@Test
	void xlsxHoldsTextAndNumbersAndNoFormula() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(EXPORT.xlsx()))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			for (int row = 0; row <= sheet.getLastRowNum(); row++) {
				sheet.getRow(row).forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
			}
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isCloseTo(-1.5, within(0.0));
			assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isCloseTo(0.000123456789, within(1e-18));
			assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("no data");
		}
	}

	@Test
	void theDownloadNamesItsFileAndType() {
		var csv = EXPORT.download("csv");
		assertThat(csv.getHeaders().getFirst("Content-Disposition")).contains("test.csv");
		assertThat(String.valueOf(csv.getHeaders().getContentType())).startsWith("text/csv");
		assertThat(EXPORT.download("xlsx").getHeaders().getFirst("Content-Disposition")).contains("test.xlsx");
		assertThat(TableExport.supports("pdf")).isFalse();
	}

}
