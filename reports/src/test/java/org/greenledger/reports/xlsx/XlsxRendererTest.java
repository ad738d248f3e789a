package org.greenledger.reports.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.Provenance;
import org.greenledger.reports.RowSource;
import org.greenledger.reports.Section;
import org.greenledger.reports.Sheet;
import org.greenledger.reports.Status;
import org.greenledger.reports.Table;
import org.greenledger.reports.TitleBlock;
import org.greenledger.reports.bench.ActivityLines;
import org.greenledger.reports.bench.SampleDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link XlsxRenderer}, reading the workbook back with POI.
 */
class XlsxRendererTest {

	private static final List<String> DANGEROUS = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-1+2", "@SUM(A1)",
			"\t=1", "\r=1", "=1+1", "=cmd|' /C calc'!A0");

	@Test
	void writesASummaryAndOneSheetPerTable() throws IOException {
		try (XSSFWorkbook workbook = render(SampleDocument.fullYear(50))) {
			List<String> names = new ArrayList<>();
			workbook.forEach((sheet) -> names.add(sheet.getSheetName()));
			assertThat(names).containsExactly("Summary", "Emissions by month", "Emissions by provider, monthly",
					"Emissions by region, monthly", "Emissions by service, monthly", "Emissions by month, provider, r",
					"Activity lines");
		}
	}

	@Test
	void writesKeyFiguresAsNumbers() throws IOException {
		try (XSSFWorkbook workbook = render(SampleDocument.fullYear(50))) {
			XSSFSheet summary = workbook.getSheet("Summary");
			Row electricity = findRow(summary, 1, "Electricity");
			Cell value = electricity.getCell(2);
			assertThat(value.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(value.getNumericCellValue()).isEqualTo(4_321_987.654);
			assertThat(value.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(electricity.getCell(3).getStringCellValue()).isEqualTo("kWh");
			Row measured = findRow(summary, 0, "Measured (metered power)");
			assertThat(measured.getCell(1).getNumericCellValue()).isEqualTo(0.41);
			assertThat(measured.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(findRow(summary, 0, "Source file aws-cur-2026.parquet").getCell(1).getStringCellValue())
				.isEqualTo("SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
		}
	}

	@Test
	void writesTablesWithNumericCellsDatesAndABoldFrozenHeader() throws IOException {
		try (XSSFWorkbook workbook = render(SampleDocument.fullYear(50))) {
			XSSFSheet months = workbook.getSheet("Emissions by month");
			Row header = months.getRow(0);
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Location-based (t CO2e)");
			assertThat(workbook.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(months.getPaneInformation().isFreezePane()).isTrue();
			assertThat(months.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			Row january = months.getRow(1);
			assertThat(DateUtil.isCellDateFormatted(january.getCell(0))).isTrue();
			assertThat(january.getCell(0).getLocalDateTimeCellValue().toLocalDate())
				.isEqualTo(LocalDate.of(2026, 1, 1));
			assertThat(january.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(january.getCell(1).getNumericCellValue()).isEqualTo(80.0);
			assertThat(january.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
			assertThat(months.getLastRowNum()).isEqualTo(12);
			XSSFSheet lines = workbook.getSheet("Activity lines");
			assertThat(lines.getLastRowNum()).isEqualTo(50);
			assertThat(lines.getRow(1).getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
			// The workbook shows each value as the PDF prints it (Precision), keeping the
			// exact value in the cell.
			Table activity = SampleDocument.fullYear(50).sheets().get(0).table();
			org.greenledger.reports.Formats printed = new org.greenledger.reports.Formats();
			Iterator<? extends List<?>> expected = activity.rows().iterator();
			org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter(
					java.util.Locale.ENGLISH);
			for (int r = 1; r <= 50; r++) {
				Object energy = expected.next().get(10);
				assertThat(shown.formatCellValue(lines.getRow(r).getCell(10)))
					.isEqualTo(printed.cell(energy, activity.columns().get(10)));
			}
		}
	}

	@Test
	void neverWritesFormulasAndQuotesWhatLooksLikeOne() throws IOException {
		List<List<Object>> rows = new ArrayList<>();
		for (String value : DANGEROUS) {
			rows.add(List.of(value, value, 1));
		}
		Table table = Table.of("=Injected caption",
				List.of(Column.text("=HEADER()"), Column.number("Value", null, 1), Column.integer("Count", null)),
				rows);
		Document document = Document
			.builder(
					new TitleBlock("=1+1", "@subtitle", "+Entity", "-period", "Test", Instant.EPOCH, Status.DRAFT, "1"))
			.section(Section.builder("Injection").add(table).build())
			.provenance(new Provenance("0.1.0", "m1", List.of(new Provenance.FactorDataset("=bad", "-1")),
					List.of(new Provenance.SourceFile("=evil.csv", "00")), "@R-1", null))
			.build();
		try (XSSFWorkbook workbook = render(document)) {
			Set<String> strings = new HashSet<>();
			for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING) {
							String value = cell.getStringCellValue();
							strings.add(value);
							if (CellWriter.looksLikeFormula(value)) {
								assertThat(cell.getCellStyle().getQuotePrefixed()).as(value).isTrue();
							}
						}
					}
				}
			}
			assertThat(strings).containsAll(DANGEROUS)
				.contains("=1+1", "@subtitle", "+Entity", "-period", "=HEADER()", "-1", "@R-1");
			XSSFSheet sheet = workbook.getSheet("=Injected caption");
			for (int i = 0; i < DANGEROUS.size(); i++) {
				Row row = sheet.getRow(i + 1);
				assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
				assertThat(row.getCell(0).getStringCellValue()).isEqualTo(DANGEROUS.get(i));
				assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
				assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
				assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			}
		}
	}

	@Test
	void storesNoFormulaElementInTheFile(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("injection.xlsx");
		List<List<Object>> rows = new ArrayList<>();
		DANGEROUS.forEach((value) -> rows.add(List.of(value)));
		Document document = Document
			.builder(new TitleBlock("T", null, "E", "P", "Test", Instant.EPOCH, Status.DRAFT, "1"))
			.section(Section.builder("S").add(Table.of("Values", List.of(Column.text("Value")), rows)).build())
			.provenance(new Provenance("0.1.0", "m1", List.of(), List.of(), "R-1", null))
			.build();
		try (OutputStream out = Files.newOutputStream(file)) {
			new XlsxRenderer().render(document, out);
		}
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (ZipEntry entry : zip.stream().toList()) {
				if (entry.getName().startsWith("xl/worksheets/")) {
					try (InputStream in = zip.getInputStream(entry)) {
						assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("<f>", "<f ");
					}
				}
			}
		}
	}

	@Test
	void makesSheetNamesExcelAccepts() {
		Set<String> taken = new HashSet<>();
		assertThat(XlsxRenderer.sheetName("Summary", taken)).isEqualTo("Summary");
		assertThat(XlsxRenderer.sheetName("summary", taken)).isEqualTo("summary (2)");
		assertThat(XlsxRenderer.sheetName("a/b:c*d?e[f]g\\h", taken)).isEqualTo("a_b_c_d_e_f_g_h");
		assertThat(XlsxRenderer.sheetName("x".repeat(40), taken)).hasSize(31);
		assertThat(XlsxRenderer.sheetName("x".repeat(40), taken)).hasSize(31).endsWith(" (2)");
		assertThat(XlsxRenderer.sheetName("'quoted'", taken)).isEqualTo("quoted");
	}

	@Test
	void streamsALargeSheetInBoundedMemory(@TempDir Path dir) throws IOException {
		int rows = 200_000;
		MemoryProbe probe = new MemoryProbe(new ActivityLines(rows), 50_000);
		Document document = Document
			.builder(new TitleBlock("T", null, "E", "P", "Test", Instant.EPOCH, Status.DRAFT, "1"))
			.sheet(new Sheet("Activity lines", Table.streaming("Lines", ActivityLines.table(0).columns(), probe)))
			.provenance(new Provenance("0.1.0", "m1", List.of(), List.of(), "R-1", null))
			.build();
		Path file = dir.resolve("large.xlsx");
		try (OutputStream out = Files.newOutputStream(file)) {
			new XlsxRenderer().render(document, out);
		}
		// Retained heap (after a full GC) while rows 50,000 ... 200,000 are written does
		// not grow
		// with the rows: no more than a few MB for the row window and the styles.
		long growth = probe.maxRetained - probe.firstRetained;
		assertThat(growth).as("retained heap growth in bytes").isLessThan(32L * 1024 * 1024);
		assertThat(countRows(file, "xl/worksheets/sheet2.xml")).isEqualTo(rows + 1);
	}

	private static long countRows(Path file, String entry) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry(entry))) {
			byte[] needle = "<row ".getBytes(StandardCharsets.US_ASCII);
			long count = 0;
			int matched = 0;
			int b;
			InputStream buffered = new java.io.BufferedInputStream(in, 1 << 16);
			while ((b = buffered.read()) != -1) {
				matched = (b == needle[matched]) ? matched + 1 : ((b == needle[0]) ? 1 : 0);
				if (matched == needle.length) {
					count++;
					matched = 0;
				}
			}
			return count;
		}
	}

	private static Row findRow(XSSFSheet sheet, int column, String text) {
		for (Row row : sheet) {
			Cell cell = row.getCell(column);
			if (cell != null && cell.getCellType() == CellType.STRING && text.equals(cell.getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("No row with '" + text + "' in column " + column + " of " + sheet.getSheetName());
	}

	private static XSSFWorkbook render(Document document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new XlsxRenderer().render(document, out);
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	/**
	 * Passes rows through and measures the retained heap (after a full GC) every so many
	 * rows.
	 */
	private static final class MemoryProbe implements RowSource {

		private final RowSource rows;

		private final int every;

		long firstRetained = -1;

		long maxRetained;

		MemoryProbe(RowSource rows, int every) {
			this.rows = rows;
			this.every = every;
		}

		@Override
		public Iterator<List<? extends @Nullable Object>> iterator() {
			Iterator<List<? extends @Nullable Object>> delegate = this.rows.iterator();
			return new Iterator<>() {

				private long read;

				@Override
				public boolean hasNext() {
					return delegate.hasNext();
				}

				@Override
				public List<? extends @Nullable Object> next() {
					if (++this.read % MemoryProbe.this.every == 0) {
						measure();
					}
					return delegate.next();
				}

			};
		}

		private void measure() {
			System.gc();
			Runtime runtime = Runtime.getRuntime();
			long retained = runtime.totalMemory() - runtime.freeMemory();
			if (this.firstRetained < 0) {
				this.firstRetained = retained;
			}
			this.maxRetained = Math.max(this.maxRetained, retained);
		}

	}

}
