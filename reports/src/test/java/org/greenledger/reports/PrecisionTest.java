package org.greenledger.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.greenledger.reports.pdf.PdfRenderer;
import org.greenledger.reports.xlsx.XlsxRenderer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One precision rule for every number of a document: the chart's data table and the table
 * below it print the same month alike, and a value that is not zero never prints as zero,
 * in the PDF, the workbook and the HTML text ({@link TableText}).
 */
class PrecisionTest {

	private static final List<String> MONTHS = List.of("2018-10", "2018-11", "2018-12");

	private static final List<Double> SCOPE3 = List.of(12.3456, 0.0, 0.032);

	@Test
	void choosesThreeSignificantDigitsOfTheLargestValue() {
		assertThat(Precision.decimals(1_061.6)).isEqualTo(0);
		assertThat(Precision.decimals(12.3)).isEqualTo(1);
		assertThat(Precision.decimals(1.5)).isEqualTo(2);
		assertThat(Precision.decimals(0.032)).isEqualTo(4);
		assertThat(Precision.decimals(0.000_000_01)).isEqualTo(Precision.MAX_DECIMALS);
		assertThat(Precision.decimals(0)).isEqualTo(0);
		Formats formats = new Formats();
		Column tonnes = Column.number("Scope 3", "t CO2e", 3);
		assertThat(formats.cell(0.032, tonnes)).isEqualTo("0.0320");
		assertThat(formats.cell(12.3456, tonnes)).isEqualTo("12.3");
		assertThat(formats.cell(1_234_567.8, tonnes)).isEqualTo("1,234,568");
		assertThat(formats.cell(1.375, tonnes)).isEqualTo("1.38");
		assertThat(formats.cell(0.000_000_2, tonnes)).isEqualTo("< 0.000001");
		assertThat(formats.cell(0.4, Column.number("Diesel", "L", 0))).isEqualTo("< 1");
		assertThat(formats.cell(0.0, tonnes)).isEqualTo("0");
		assertThat(formats.figure(0.032, 1)).isEqualTo("< 0.1");
		assertThat(formats.figure(-0.032, 1)).isEqualTo("> -0.1");
		assertThat(formats.figure(0.0, 1)).isEqualTo("0.0");
		assertThat(formats.figure(0.05, 1)).isEqualTo("0.1");
		assertThat(formats.figure(KeyFigure.of("December", 0.032, "t CO2e").withDecimals(3))).isEqualTo("0.0320");
		assertThat(formats.figure(KeyFigure.of("Sites", 3, "").withDecimals(0))).isEqualTo("3");
		assertThat(formats.percent(0.00001, 1)).isEqualTo("< 0.1 %");
	}

	@Test
	void printsTheChartDataAndTheTableAlikeInThePdf() throws IOException {
		String text;
		try (PDDocument pdf = Loader.loadPDF(new PdfRenderer().toBytes(document()))) {
			text = new PDFTextStripper().getText(pdf);
		}
		// The chart's data table (months as the chart reads them) and the month table.
		assertThat(text).contains("Oct 2018 12.3", "Nov 2018 0\n", "Dec 2018 0.0320");
		assertThat(text).contains("2018-10 12.3", "2018-11 0\n", "2018-12 0.0320");
		assertThat(text).doesNotContain("Dec 2018 0.0\n", "2018-12 0.0\n", "0.032\n");
		assertThat(text).contains("0.0320 t CO2e");
	}

	@Test
	void keepsExactValuesInTheWorkbookWithTheSameFormat() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new XlsxRenderer().render(document(), bytes);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
			XSSFSheet months = workbook.getSheet("Emissions per month");
			DataFormatter shown = new DataFormatter(java.util.Locale.ENGLISH);
			Cell october = months.getRow(1).getCell(1);
			Cell december = months.getRow(3).getCell(1);
			assertThat(december.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(december.getNumericCellValue()).isCloseTo(0.032, within(1e-12));
			assertThat(shown.formatCellValue(october)).isEqualTo("12.3");
			assertThat(shown.formatCellValue(months.getRow(2).getCell(1))).isEqualTo("0");
			assertThat(shown.formatCellValue(december)).isEqualTo("0.0320");
			Cell tiny = months.getRow(4).getCell(1);
			assertThat(tiny.getNumericCellValue()).isCloseTo(2e-7, within(1e-15));
			assertThat(shown.formatCellValue(tiny)).isEqualTo("< 0.000001");
			// one style per number format, shared by every cell that has it
			assertThat(workbook.getNumCellStyles()).isLessThan(30);
		}
	}

	private static Table monthTable() {
		return Table.of("Emissions per month",
				List.of(Column.text("Month"), Column.number("Scope 3 operational", "t CO2e", 3)),
				List.of(List.of(MONTHS.get(0), SCOPE3.get(0)), List.of(MONTHS.get(1), SCOPE3.get(1)),
						List.of(MONTHS.get(2), SCOPE3.get(2)), List.of("2019-01", 2e-7)));
	}

	private static Document document() {
		return Document
			.builder(new TitleBlock("Greenhouse gas inventory", null, "Entity", "2018", "Greenhouse gas inventory",
					Instant.parse("2019-01-15T10:00:00Z"), Status.APPROVED, "1"))
			.section(Section.builder("Monthly trend")
				.add(Block.KeyFigures.of(KeyFigure.of("December", 0.032, "t CO2e").withDecimals(3)))
				.add(new Chart(Chart.Kind.STACKED_BAR, "Emissions per month", MONTHS,
						List.of(new Chart.Series("Scope 3 operational", SCOPE3)), "t CO2e"))
				.add(monthTable())
				.build())
			.provenance(new Provenance("0.1.0", "m1", List.of(), List.of(), "R-1", "abc"))
			.build();
	}

}
