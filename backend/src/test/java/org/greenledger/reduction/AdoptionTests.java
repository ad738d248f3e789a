package org.greenledger.reduction;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.ledger.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Adopted opportunities: a month of GPU usage in a coal-heavy region, its region shift
 * adopted from the first day of the next month, and the next month's usage in the
 * recommended region: the realized saving is the baseline's emissions per day times the
 * days less the ledger's emissions of both regions over them; the ESRS document carries
 * the target (E1-4) and the adopted action with its realized saving (E1-3), in the PDF
 * and the XLSX.
 */
@IntegrationTest
class AdoptionTests {

	private static final double TOLERANCE = 1e-6;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LibraryFactorLookup factors;

	HttpTestClient http;

	MeasuredUploads api;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	@Test
	void anAdoptedRegionShiftRealizesItsSavingAndIsAnEsrsAction() throws Exception {
		YearMonth month = TestMonths.unusedMonth(this.http);
		YearMonth next = month.plusMonths(1);
		write(month, "af-south-1");
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		DocumentContext found = this.api.getJson("/api/v1/opportunities?from=" + from + "&to=" + to);
		String recommended = found.read(
				"$.items[?(@.kind == 'REGION_SHIFT' && @.subject.name == 'aws:af-south-1')].subject.attributes.recommendedRegion",
				List.class)
			.getFirst()
			.toString();
		double saving = ((Number) found
			.read("$.items[?(@.kind == 'REGION_SHIFT' && @.subject.name == 'aws:af-south-1')].savingKgCo2e", List.class)
			.getFirst()).doubleValue();
		double baselineKg = footprintKg(from, to);
		// the change: next month's usage runs in the recommended region
		write(next, recommended);

		var refused = this.http.post("/api/v1/opportunities/adoptions", "application/json", """
				{"kind": "REGION_SHIFT", "subject": "aws:nowhere-1", "from": "%s", "to": "%s", "adoptedOn": "%s"}"""
			.formatted(from, to, to), MeasuredUploads.admin());
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(JsonPath.parse(refused.body()).read("$.errors[*].field", List.class)).containsExactly("adoptedOn");
		var unknown = this.http.post("/api/v1/opportunities/adoptions", "application/json", """
				{"kind": "REGION_SHIFT", "subject": "aws:nowhere-1", "from": "%s", "to": "%s", "adoptedOn": "%s"}"""
			.formatted(from, to, next.atDay(1)), MeasuredUploads.admin());
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("subject", "aws:nowhere-1");
		String note = "moved to " + recommended + " " + UUID.randomUUID().toString().substring(0, 8);
		DocumentContext adopted = this.api.postJson("/api/v1/opportunities/adoptions", """
				{"kind": "REGION_SHIFT", "subject": "aws:af-south-1", "from": "%s", "to": "%s", "adoptedOn": "%s",
				 "note": "%s"}""".formatted(from, to, next.atDay(1), note));
		String id = adopted.read("$.adoption.id", String.class);
		assertThat(adopted.read("$.adoption.baselineKgCo2e", Double.class)).isCloseTo(baselineKg, within(TOLERANCE));
		assertThat(adopted.read("$.adoption.opportunity.savingKgCo2e", Double.class)).isCloseTo(saving,
				within(TOLERANCE));

		DocumentContext realized = this.api
			.getJson("/api/v1/opportunities/adoptions/" + id + "?from=" + from + "&to=" + next.atEndOfMonth());
		double days = next.lengthOfMonth();
		double actual = footprintKg(next.atDay(1), next.atEndOfMonth());
		double expectedRealized = baselineKg / month.lengthOfMonth() * days - actual;
		assertThat(realized.read("$.realized.from", String.class)).isEqualTo(next.atDay(1).toString());
		assertThat(realized.read("$.realized.days", Integer.class)).isEqualTo(next.lengthOfMonth());
		assertThat(realized.read("$.realized.actualKgCo2e", Double.class)).isCloseTo(actual, within(TOLERANCE));
		assertThat(realized.read("$.realized.realizedKgCo2e", Double.class)).isCloseTo(expectedRealized,
				within(TOLERANCE));
		assertThat(realized.read("$.realized.expectedKgCo2e", Double.class))
			.isCloseTo(saving / month.lengthOfMonth() * days, within(TOLERANCE));
		// the same usage in the cleaner region: the realized saving is what was expected
		assertThat(expectedRealized).isCloseTo(saving / month.lengthOfMonth() * days, within(1e-6 * saving));
		assertThat(this.jdbc.sql("select action from audit_event where subject = ?")
			.param("adoption:" + id)
			.query(String.class)
			.list()).containsExactly("OPPORTUNITY_ADOPTED");
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/users", """
				{"username": "%s", "password": "auditor-password-1", "roles": ["AUDITOR"]}""".formatted(auditor));
		String[] credentials = HttpTestClient.basic(auditor, "auditor-password-1");
		assertThat(this.http.get("/api/v1/opportunities/adoptions", credentials).statusCode()).isEqualTo(200);
		assertThat(
				this.http.post("/api/v1/opportunities/adoptions", "application/json", "{}", credentials).statusCode())
			.isEqualTo(403);

		// ESRS E1-4 and E1-3
		String target = "Cloud -40% " + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/targets", """
				{"name": "%s", "scopes": ["SCOPE_3"], "basis": "LOCATION", "baseYear": %d, "baseYearKgCo2e": 123456,
				 "targetYear": %d, "reductionPercent": 40}""".formatted(target, month.getYear() - 1,
				month.getYear() + 4));
		String report = this.api
			.postJson("/api/v1/reports",
					"{\"type\": \"ESRS\", \"from\": \"" + from + "\", \"to\": \"" + next.atEndOfMonth() + "\"}")
			.read("$.id", String.class);
		// table cells wrap in the PDF: compare with the whitespace collapsed
		String pdf = pdfText(content(report, "pdf")).replaceAll("\\s+", " ");
		assertThat(pdf).contains("E1-4 Targets related to climate change mitigation", target,
				"E1-3 Actions and resources", "REGION_SHIFT", "aws:af-south-1",
				note.substring(note.lastIndexOf(' ') + 1));
		List<List<String>> rows = rows(content(report, "xlsx"));
		List<String> targetRow = rows.stream().filter(row -> row.contains(target + " (v1)")).findFirst().orElseThrow();
		assertThat(targetRow).contains("SCOPE_3, location-based", String.valueOf(month.getYear() - 1), "123.456", "40",
				String.valueOf(month.getYear() + 4));
		List<String> actionRow = rows.stream().filter(row -> row.contains(note)).findFirst().orElseThrow();
		assertThat(actionRow).contains("REGION_SHIFT", "aws:af-south-1", String.valueOf(next.lengthOfMonth()));
		double realizedTonnes = actionRow.stream()
			.filter(cell -> cell.matches("-?[0-9.]+(E-?[0-9]+)?"))
			.mapToDouble(Double::parseDouble)
			.filter(value -> Math.abs(value - expectedRealized / 1000) < 1e-6)
			.findFirst()
			.orElseThrow(
					() -> new AssertionError("no realized saving " + expectedRealized / 1000 + " in " + actionRow));
		assertThat(realizedTonnes).isCloseTo(expectedRealized / 1000, within(1e-6));
	}

	private void write(YearMonth month, String region) {
		List<LedgerFixture.Row> rows = new ArrayList<>();
		for (int day = 1; day <= month.lengthOfMonth(); day++) {
			rows.add(ReductionFixtures.gpuDay(this.factors, day, month.atDay(day), "aws", region, "A100-40GB", 8 * 24,
					"786.48"));
		}
		UUID job = new LedgerFixture(this.dataSource).write(null, rows);
		ReductionFixtures.registerUpload(this.jdbc, job);
	}

	private double footprintKg(LocalDate from, LocalDate to) {
		DocumentContext footprint = this.api.getJson("/api/v1/footprint?from=" + from + "&to=" + to);
		return footprint.read("$.groups[0].co2eKg.locationBased", Double.class);
	}

	private byte[] content(String id, String format) {
		HttpResponse<byte[]> response = this.http.getBytes("/api/v1/reports/" + id + "/content?format=" + format,
				MeasuredUploads.admin());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static String pdfText(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** Every row of every sheet, as text (numbers as Java prints them). */
	private static List<List<String>> rows(byte[] xlsx) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					List<String> cells = new ArrayList<>();
					for (Cell cell : row) {
						cells.add((cell.getCellType() == CellType.NUMERIC) ? number(cell.getNumericCellValue())
								: cell.toString());
					}
					rows.add(cells);
				}
			}
		}
		return rows;
	}

	private static String number(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e9) ? String.valueOf((long) value)
				: String.valueOf(value);
	}

}
