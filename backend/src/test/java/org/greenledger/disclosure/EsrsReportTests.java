package org.greenledger.disclosure;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
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

import org.greenledger.PdfUa;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.TestOrgUnits;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The ESRS document end to end for one org unit's month: an own site with facility, IT,
 * water and generator fuel meters and a cloud bill. On the revised text (the default for
 * financial years from 2027) every figure is in the PDF and in the datapoint appendix of
 * the workbook with its value, reference and source, the GHG intensity per million of the
 * net revenue given; without net revenue the document says why the intensity is not
 * reported; the first set (2023/2772) stays available by request.
 */
@IntegrationTest
class EsrsReportTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads api;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	@Test
	void theRevisedEsrsDocumentCarriesEveryFigureWithItsDatapointAndTheIntensityPerNetRevenue() throws Exception {
		YearMonth month = TestMonths.unusedMonth(this.http);
		String unit = TestOrgUnits.register(this.http, "esrs-" + UUID.randomUUID().toString().substring(0, 8));
		String site = "ES" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Hall %s", "kind": "OWN", "gridZone": "DE", "country": "DE", "orgUnit": "%s"}"""
			.formatted(site, site, unit));
		String start = month.atDay(1) + "T00:00:00Z";
		String end = month.plusMonths(1).atDay(1) + "T00:00:00Z";
		String meters = """
				meter,site,role,start,end,quantity,unit
				F1,%1$s,facility total,%2$s,%3$s,412.5,MWh
				IT1,%1$s,IT load,%2$s,%3$s,300,MWh
				W1,%1$s,water intake,%2$s,%3$s,950,m3
				G1,%1$s,generator fuel,%2$s,%3$s,1200,L
				PV1,%1$s,on-site renewable,%2$s,%3$s,25,MWh
				""".formatted(site, start, end);
		assertThat(this.api.upload("meters.csv", meters.getBytes(StandardCharsets.UTF_8), Map.of("orgUnit", unit))
			.read("$.status", String.class)).isEqualTo("COMPLETED");
		String bill = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,ProviderName,"
				+ "ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,ConsumedUnit,SkuPriceDetails\n"
				+ start + "," + month.atDay(1) + "T01:00:00Z,Usage,65536,USD,AWS,Compute,Amazon EC2,eu-central-1,"
				+ "acct-" + unit + ",2000,Hours,\"{\"\"InstanceType\"\":\"\"p4d.24xlarge\"\"}\"\n";
		assertThat(this.api.upload("bill.csv", bill.getBytes(StandardCharsets.UTF_8), Map.of("orgUnit", unit))
			.read("$.status", String.class)).isEqualTo("COMPLETED");
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();

		DocumentContext report = this.api.postJson("/api/v1/reports", """
				{"type": "ESRS", "from": "%s", "to": "%s", "orgUnit": "%s",
				 "netRevenue": {"amount": 250000000, "currency": "eur"}}""".formatted(from, to, unit));
		Map<String, Object> figures = report.read("$.figures", Map.class);
		double scope1 = figure(figures, "E1-8 gross Scope 1 (t CO2e)");
		double totalLocation = figure(figures, "E1-8 total location-based (t CO2e)");
		double totalMarket = figure(figures, "E1-8 total market-based (t CO2e)");
		// 1,200 L diesel x 2.7058 kg CO2e/L (US EPA GHG Emission Factors Hub 2024)
		assertThat(scope1).isCloseTo(1200 * 2.7058 / 1000, within(1e-6));
		// total energy consumption (E1-7, as E1-5 §37 of the first set): grid electricity
		// 412.5 MWh + on-site renewable generation consumed 25 MWh (metered at the
		// generator's output, not in the grid meter) + diesel 1,200 L x 10.6841 kWh/L =
		// 12.82092 MWh; 412.5 + 25 + 12.82092 = 450.32092 MWh
		double total = figure(figures, "E1-7 total energy consumption (MWh)");
		assertThat(total).isCloseTo(450.32092, within(1e-9));
		// self-generated non-fuel renewable energy (E1-5 §37(c)(iii)): the on-site
		// meter's 25 MWh
		assertThat(figure(figures, "E1-7 renewable: self-generated non-fuel (MWh)")).isCloseTo(25, within(1e-9));
		// renewable = purchased (instruments and the grid's renewable share of the 412.5
		// MWh) + self-generated; fossil + nuclear + renewable = total
		double purchased = figure(figures, "E1-7 renewable: purchased or acquired electricity (MWh)");
		double renewable = figure(figures, "E1-7 from renewable sources (MWh)");
		assertThat(purchased).isBetween(0.0, 412.5);
		assertThat(renewable).isCloseTo(purchased + 25, within(1e-9));
		assertThat(figure(figures, "E1-7 from fossil sources (MWh)")
				+ figure(figures, "E1-7 from nuclear sources (MWh)") + renewable)
			.isCloseTo(total, within(1e-9));
		assertThat(figure(figures, "E1-8 gross Scope 3 (t CO2e)")).isGreaterThan(1);
		assertThat(totalLocation).isCloseTo(scope1 + figure(figures, "E1-8 gross location-based Scope 2 (t CO2e)")
				+ figure(figures, "E1-8 gross Scope 3 (t CO2e)"), within(1e-6));
		assertThat(figure(figures, "E1-8 GHG intensity, location-based (t CO2e per million of net revenue)"))
			.isCloseTo(totalLocation / 250, within(1e-9));
		assertThat(figure(figures, "E1-8 GHG intensity, market-based (t CO2e per million of net revenue)"))
			.isCloseTo(totalMarket / 250, within(1e-9));
		assertThat(figure(figures, "E3-4 water consumption (m3)")).isCloseTo(950, within(1e-9));
		assertThat(report.read("$.title", String.class)).contains("ESRS 2027");

		String id = report.read("$.id", String.class);
		byte[] pdfBytes = content(id, "pdf");
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/report-samples"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/report-samples/esrs-2027.pdf"), pdfBytes);
		String pdf = pdfText(pdfBytes).replaceAll("\\s+", " ");
		PdfUa.assertAccessible("ESRS", pdfBytes);
		assertThat(pdf).contains("revised ESRS", "E1-7 Energy consumption and mix", "E1-8 Gross Scopes 1, 2, 3",
				"GHG intensity per net revenue", "250,000,000.00 EUR", "t CO2e per million EUR",
				"E3-4 Water consumption", "ESRS E1-8 §30(a)", "ESRS E3-4 §16(a)",
				"to be confirmed against the adopted text", "Purchased goods and services", "Capital goods",
				"Investments", "Appendix: datapoints", "Renewable: self-generated non-fuel 25.0 MWh ESRS E1-7 §26",
				"On-site renewable (MWh)", "Total energy consumption 450 MWh");

		Map<String, List<String>> appendix = appendix(content(id, "xlsx"));
		for (String label : List.of("Total energy consumption", "From fossil sources", "From nuclear sources",
				"From renewable sources", "Renewable: purchased or acquired electricity",
				"Renewable: self-generated non-fuel", "Gross Scope 1", "Gross location-based Scope 2",
				"Gross market-based Scope 2", "Gross Scope 3", "Scope 3 category 1, location-based",
				"Scope 3 category 2", "Total location-based", "Total market-based", "GHG intensity, location-based",
				"GHG intensity, market-based", "Water consumption")) {
			List<String> row = appendix.get(label);
			assertThat(row).as(label).isNotNull();
			assertThat(row.get(0)).as(label + " value").isNotEmpty();
			assertThat(row.get(2)).as(label + " reference").startsWith("ESRS E");
			assertThat(row.get(4)).as(label + " source").isNotBlank();
		}
		assertThat(Double.parseDouble(appendix.get("Gross Scope 1").get(0))).isCloseTo(scope1, within(1e-9));
		// the Datapoints sheet's cells: total 450.32092 MWh and self-generated 25 MWh,
		// with reference and source
		assertThat(Double.parseDouble(appendix.get("Total energy consumption").get(0))).isCloseTo(450.32092,
				within(1e-9));
		assertThat(appendix.get("Total energy consumption").get(4)).contains("on-site renewable generation consumed");
		List<String> selfGenerated = appendix.get("Renewable: self-generated non-fuel");
		assertThat(Double.parseDouble(selfGenerated.get(0))).isCloseTo(25, within(1e-9));
		assertThat(selfGenerated.get(2)).startsWith("ESRS E1-7 §26");
		assertThat(selfGenerated.get(4)).contains("on-site renewable generation meters");
		assertThat(Double.parseDouble(appendix.get("GHG intensity, location-based").get(0)))
			.isCloseTo(totalLocation / 250, within(1e-9));
		assertThat(appendix.get("GHG intensity, location-based").get(1)).isEqualTo("t CO2e per million EUR");

		// a reporting period with net revenue entered: the document takes it from the
		// period, a request repeating it is accepted, a conflicting one refused
		String periodId = this.api
			.postJson("/api/v1/periods",
					"""
							{"name": "ESRS-%s", "start": "%s", "end": "%s"}"""
						.formatted(UUID.randomUUID().toString().substring(0, 8), from, to))
			.read("$.id", String.class);
		assertThat(this.http
			.put("/api/v1/periods/" + periodId + "/net-revenue", "application/json",
					"{\"amount\": 125000000, \"currency\": \"EUR\"}", MeasuredUploads.admin())
			.statusCode()).isEqualTo(200);
		DocumentContext ofPeriod = this.api.postJson("/api/v1/reports", """
				{"type": "ESRS", "periodId": "%s", "orgUnit": "%s"}""".formatted(periodId, unit));
		assertThat(figure(ofPeriod.read("$.figures", Map.class),
				"E1-8 GHG intensity, location-based (t CO2e per million of net revenue)"))
			.isCloseTo(totalLocation / 125, within(1e-9));
		assertThat(appendix(content(ofPeriod.read("$.id", String.class), "xlsx")).get("GHG intensity, market-based")
			.get(4)).contains("125,000,000.00 EUR", "reporting period ESRS-");
		DocumentContext repeated = this.api.postJson("/api/v1/reports", """
				{"type": "ESRS", "periodId": "%s", "orgUnit": "%s",
				 "netRevenue": {"amount": 125000000.00, "currency": "eur"}}""".formatted(periodId, unit));
		assertThat(figure(repeated.read("$.figures", Map.class),
				"E1-8 GHG intensity, market-based (t CO2e per million of net revenue)"))
			.isCloseTo(totalMarket / 125, within(1e-9));
		HttpResponse<String> conflicting = this.http.post("/api/v1/reports", "application/json", """
				{"type": "ESRS", "periodId": "%s", "orgUnit": "%s",
				 "netRevenue": {"amount": 250000000, "currency": "EUR"}}""".formatted(periodId, unit),
				MeasuredUploads.admin());
		assertThat(conflicting.statusCode()).isEqualTo(422);
		assertThat(conflicting.body()).contains("netRevenue", "125,000,000.00 EUR", "250,000,000.00 EUR");

		// without net revenue: said, not guessed
		DocumentContext without = this.api.postJson("/api/v1/reports", """
				{"type": "ESRS", "from": "%s", "to": "%s", "orgUnit": "%s"}""".formatted(from, to, unit));
		assertThat(without.read("$.figures", Map.class))
			.doesNotContainKey("E1-8 GHG intensity, location-based (t CO2e per million of net revenue)");
		assertThat(pdfText(content(without.read("$.id", String.class), "pdf")).replaceAll("\\s+", " "))
			.contains("The GHG intensity per net revenue is not reported because net revenue was not given");

		// the first set stays available by request, with its references
		DocumentContext first = this.api.postJson("/api/v1/reports", """
				{"type": "ESRS", "from": "%s", "to": "%s", "orgUnit": "%s", "esrsVersion": "2023",
				 "netRevenue": {"amount": 250000000, "currency": "EUR"}}""".formatted(from, to, unit));
		assertThat(figure(first.read("$.figures", Map.class), "E1-6 gross Scope 1 (t CO2e)")).isCloseTo(scope1,
				within(1e-9));
		assertThat(figure(first.read("$.figures", Map.class), "E1-5 renewable: self-generated non-fuel (MWh)"))
			.isCloseTo(25, within(1e-9));
		assertThat(pdfText(content(first.read("$.id", String.class), "pdf")).replaceAll("\\s+", " ")).contains(
				"Delegated Regulation (EU) 2023/2772", "E1-5 Energy consumption and mix", "ESRS E1-5 §37(c)(iii)",
				"ESRS E1-6 §44(a)", "ESRS E1-6 §53-54 (EFRAG IG 3 datapoint E1-6_30)", "ESRS E3-4 §28(a)");

		HttpResponse<String> bad = this.http.post("/api/v1/reports", "application/json", """
				{"type": "ESRS", "from": "%s", "to": "%s", "netRevenue": {"amount": -5, "currency": "euro"},
				 "esrsVersion": "2030"}""".formatted(from, to), MeasuredUploads.admin());
		assertThat(bad.statusCode()).isEqualTo(422);
	}

	@Test
	void theFinancialYearChoosesTheTextUnlessTheRequestNamesOne() {
		assertThat(EsrsVersion.choose(null, LocalDate.of(2026, 12, 31))).isEqualTo(EsrsVersion.ESRS_2023);
		assertThat(EsrsVersion.choose(" ", LocalDate.of(2027, 1, 1))).isEqualTo(EsrsVersion.ESRS_2027);
		assertThat(EsrsVersion.choose("2027", LocalDate.of(2026, 1, 1))).isEqualTo(EsrsVersion.ESRS_2027);
		assertThat(EsrsVersion.choose("ESRS_2023", LocalDate.of(2028, 1, 1))).isEqualTo(EsrsVersion.ESRS_2023);
	}

	private static double figure(Map<String, Object> figures, String key) {
		assertThat(figures).as(figures.keySet().toString()).containsKey(key);
		return ((Number) figures.get(key)).doubleValue();
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

	/** The datapoint sheet by figure: value, unit, reference, confirmation, source. */
	private static Map<String, List<String>> appendix(byte[] xlsx) throws Exception {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("Datapoints");
			assertThat(sheet).isNotNull();
			for (Row row : sheet) {
				Cell label = row.getCell(0);
				Cell value = row.getCell(1);
				if (label == null || label.getCellType() != CellType.STRING || row.getRowNum() < 1) {
					continue;
				}
				String number = (value != null && value.getCellType() == CellType.NUMERIC)
						? String.valueOf(value.getNumericCellValue()) : "";
				rows.put(label.getStringCellValue(),
						List.of(number, text(row, 2), text(row, 3), text(row, 4), text(row, 5)));
			}
		}
		return rows;
	}

	private static String text(Row row, int column) {
		Cell cell = row.getCell(column);
		return (cell == null) ? "" : cell.getStringCellValue();
	}

}
