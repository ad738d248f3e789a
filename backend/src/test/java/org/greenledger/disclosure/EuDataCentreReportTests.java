package org.greenledger.disclosure;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
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
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The EU data-centre report (Delegated Regulation (EU) 2024/1364) end to end: a site with
 * a year of meter readings and every value entered has no indicator missing, each with a
 * value and a source in the PDF, the XLSX template sheet and the CSV, and PUE, WUE, ERF
 * and REF as the standards define them; a site with values left out gets a report that
 * names them; entering values is for writers only and refused for an approved year.
 */
@IntegrationTest
class EuDataCentreReportTests {

	/** Every field of the report, in the order of the template. */
	static final List<String> FIELDS = List.of("NAME", "OPERATOR", "COUNTRY", "TYPE", "PDIT", "AREA-TOTAL",
			"AREA-COMPUTER-ROOM", "REDUNDANCY", "GRID-SUPPORT", "EDC", "EIT", "WIN", "WIN-POT", "WATER-SOURCES",
			"EREUSE", "TEMP-WASTE-HEAT", "TEMP-SETPOINT", "ERES-TOT", "ERES-GOO", "ERES-PPA", "ERES-OS", "TRAFFIC-IN",
			"TRAFFIC-OUT", "DATA-STORED", "DATA-PROCESSED", "PUE", "WUE", "ERF", "REF");

	private static final String COMPLETE = """
			{"installedItPowerKw": 650, "totalFloorAreaM2": 4200, "computerRoomFloorAreaM2": 1800,
			 "redundancyLevel": "2N power, N+1 cooling", "gridSupport": "UPS batteries in frequency containment reserve, 400 kW",
			 "potableWaterM3": 2500, "waterSources": "municipal potable; rainwater harvesting",
			 "wasteHeatReusedKwh": 495000, "wasteHeatTemperatureC": 38.5, "intakeSetpointC": 24,
			 "renewableGooKwh": 2000000, "renewablePpaKwh": 1500000, "renewableOnsiteKwh": 450000,
			 "trafficInTb": 1200, "trafficOutTb": 3400, "dataStoredTb": 5600, "dataProcessedTb": 48000,
			 "evidence": "DCIM export 2026-01-14; GoO cancellation statement AIB-123; PPA settlement 2025"}""";

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
	void aSiteWithACompleteYearHasEveryIndicatorWithValueAndSourceAndASiteWithGapsIsToldWhatIsMissing()
			throws Exception {
		int year = TestMonths.unusedYear(this.http);
		String complete = site(year);
		String gaps = site(year);
		put(complete, year, COMPLETE, MeasuredUploads.admin(), 200);
		// the second site leaves the PPA share and outgoing traffic empty
		put(gaps, year, COMPLETE.replace("\"renewablePpaKwh\": 1500000,", "").replace("\"trafficOutTb\": 3400,", ""),
				MeasuredUploads.admin(), 200);

		DocumentContext report = this.api.postJson("/api/v1/reports", """
				{"type": "EED_DATACENTRE", "from": "%1$d-01-01", "to": "%1$d-12-31"}""".formatted(year));
		// no on-site generation meter here: the entered ERES-OS (450,000 kWh generated on
		// site and consumed) is not in the grid meter, so EDC adds it to the grid draw:
		// EDC = 12 x 412,500 + 450,000 = 4,950,000 + 450,000 = 5,400,000 kWh
		double edc = 5_400_000;
		double eit = 12 * 300_000;
		assertThat(figure(report, complete + " total energy consumption (kWh)")).isCloseTo(edc, within(1e-6));
		assertThat(figure(report, complete + " indicators missing")).isZero();
		// PUE = 5,400,000 / 3,600,000 = 1.5
		assertThat(figure(report, complete + " PUE")).isCloseTo(1.5, within(1e-12));
		// WUE = 12 x 950,000 L / 3,600,000 kWh = 3.1667 L/kWh
		assertThat(figure(report, complete + " WUE (L/kWh)")).isCloseTo(12 * 950_000 / eit, within(1e-9));
		// ERF = 495,000 / 5,400,000 = 0.091667
		assertThat(figure(report, complete + " ERF")).isCloseTo(495_000 / 5_400_000.0, within(1e-12));
		// REF = (2,000,000 + 1,500,000 + 450,000) / 5,400,000 = 3,950,000 / 5,400,000
		// = 0.73148
		assertThat(figure(report, complete + " REF")).isCloseTo(3_950_000 / 5_400_000.0, within(1e-12));
		// ERES-PPA, TRAFFIC-OUT, and ERES-TOT and REF that need the PPA share
		assertThat(figure(report, gaps + " indicators missing")).isEqualTo(4.0);
		assertThat(report.read("$.figures", Map.class)).doesNotContainKey(gaps + " REF");
		String id = report.read("$.id", String.class);
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/report-samples"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/report-samples/eu-datacentre.pdf"), content(id, "pdf"));

		// the text as read back, with the table cells' line breaks undone
		String pdf = pdfText(content(id, "pdf")).replace("-\n", "-").replaceAll("\\s+", " ");
		PdfUa.assertAccessible("EU data-centre report", content(id, "pdf"));
		assertThat(pdf)
			.contains("Data centre " + complete, "Every indicator of Annexes I and II has a value for " + year,
					"Delegated Regulation (EU) 2024/1364", "ISO/IEC 30134-2", "ISO/IEC 30134-9", "ISO/IEC 30134-6",
					"ISO/IEC 30134-3", "5,400,000", "1.50", "3.17", "0.0917", "0.731", "2N power, N+1 cooling",
					"plus on-site renewable generation consumed (ERES-OS, entered for the year)")
			.doesNotContain("Indicators not computed yet");
		for (String field : FIELDS) {
			assertThat(pdf).as(field).contains(field);
		}
		assertThat(pdf).contains("Missing for " + year + ": 4 indicator(s)", "renewablePpaKwh", "trafficOutTb",
				"site " + gaps + " and " + year);

		Map<String, Map<String, List<Object>>> template = template(content(id, "xlsx"));
		Map<String, List<Object>> rows = template.get(complete);
		assertThat(rows.keySet()).containsExactlyElementsOf(FIELDS);
		for (String field : FIELDS) {
			List<Object> row = rows.get(field);
			assertThat(row.get(0)).as(field + " value").isNotNull();
			assertThat((String) row.get(1)).as(field + " source").isNotBlank().doesNotStartWith("missing");
			assertThat((String) row.get(2)).as(field + " reference")
				.startsWith(field.matches("PUE|WUE|ERF|REF") ? "ISO/IEC 30134-"
						: "Delegated Regulation (EU) 2024/1364, Annex I");
		}
		assertThat((double) rows.get("EDC").get(0)).isCloseTo(edc, within(1e-6));
		assertThat((double) rows.get("EIT").get(0)).isCloseTo(eit, within(1e-6));
		assertThat((double) rows.get("WIN").get(0)).isCloseTo(11_400, within(1e-9));
		assertThat((double) rows.get("PDIT").get(0)).isCloseTo(650, within(1e-9));
		assertThat((double) rows.get("ERES-TOT").get(0)).isCloseTo(3_950_000, within(1e-6));
		assertThat((double) rows.get("PUE").get(0)).isCloseTo(1.5, within(1e-12));
		assertThat((String) rows.get("EDC").get(1))
			.startsWith("measured: facility-total meters (electricity from the grid)")
			.contains("plus on-site renewable generation consumed (ERES-OS, entered for the year)");
		assertThat((String) rows.get("PDIT").get(1)).startsWith("entered for " + year + ": DCIM export");
		assertThat(rows.get("REDUNDANCY").get(0)).isEqualTo("2N power, N+1 cooling");
		// tiers: metered energy and water and what is computed from them only are tier 1,
		// the register's and the entered values (and what needs them) tier 2; EDC holds
		// the entered on-site generation, so EDC and PUE are tier 2 here
		for (String field : List.of("EIT", "WIN", "WUE")) {
			assertThat(rows.get(field).get(3)).as(field).isEqualTo(1.0);
		}
		for (String field : List.of("NAME", "PDIT", "EDC", "PUE", "EREUSE", "ERES-TOT", "ERF", "REF",
				"DATA-PROCESSED")) {
			assertThat(rows.get(field).get(3)).as(field).isEqualTo(2.0);
		}
		assertThat(template.get(gaps).get("ERES-PPA").get(3)).isNull();
		// the data-quality line counts the reported indicators of both sites: 3 + 3
		// metered (EIT, WIN, WUE), 26 + 22 reported
		Map<String, Double> quality = quality(content(id, "xlsx"));
		assertThat(quality.get("1 metered")).isCloseTo(6.0 / 54, within(1e-9));
		assertThat(quality.get("2 supplier or provider reported")).isCloseTo(48.0 / 54, within(1e-9));
		assertThat(quality.get("5 default or proxy")).isZero();
		assertThat(template.get(gaps).get("ERES-PPA").get(0)).isNull();
		assertThat((String) template.get(gaps).get("ERES-PPA").get(1)).startsWith("missing: enter 'renewablePpaKwh'");

		String csv = new String(content(id, "csv"), StandardCharsets.UTF_8);
		assertThat(csv)
			.startsWith("Site,Reporting year,Field,Indicator,Value,Unit,Source,Reference,Data quality tier\r\n")
			.contains(complete + "," + year + ",PUE,Power usage effectiveness,1.5,,computed: EDC / EIT,")
			.contains(complete + "," + year + ",EDC,Total energy consumption,5400000,kWh,");
		assertThat(csv.lines().filter(line -> line.startsWith(complete + ",")).count()).isEqualTo(FIELDS.size());
		// the same report renders to the same bytes
		assertThat(content(id, "csv")).isEqualTo(content(id, "csv"));
	}

	@Test
	void meteredWasteHeatAndOnSiteGenerationOfACompleteYearWinOverTheEnteredValuesInErfAndRef() throws Exception {
		int year = TestMonths.unusedYear(this.http);
		String site = site(year);
		// two waste-heat meters registered with the temperature of their heat; the
		// on-site generation meter is registered by its first readings
		this.api.postJson("/api/v1/sites/" + site + "/meters",
				"""
						{"code": "HX-1", "role": "waste heat reused", "temperatureC": 45, "description": "district heating"}""");
		this.api.postJson("/api/v1/sites/" + site + "/meters", """
				{"code": "HX-2", "role": "WASTE_HEAT_REUSED", "temperatureC": 30}""");
		HttpResponse<String> noTemperature = this.http.post("/api/v1/sites/" + site + "/meters", "application/json",
				"{\"code\": \"PV-X\", \"role\": \"on-site renewable\", \"temperatureC\": 20}", MeasuredUploads.admin());
		assertThat(noTemperature.statusCode()).isEqualTo(422);
		assertThat(noTemperature.body()).contains("temperatureC");
		StringBuilder meters = new StringBuilder("meter,site,role,start,end,quantity,unit\n");
		double heatOne = 0;
		double heatTwo = 0;
		double onSite = 0;
		for (int month = 1; month <= 12; month++) {
			String start = java.time.YearMonth.of(year, month).atDay(1) + "T00:00:00Z";
			String end = java.time.YearMonth.of(year, month).plusMonths(1).atDay(1) + "T00:00:00Z";
			meters
				.append("HX-1,%s,waste heat reused,%s,%s,%d,kWh\n".formatted(site, start, end, 20_000 + 1_000 * month));
			meters.append("HX-2,%s,waste heat reused,%s,%s,10,MWh\n".formatted(site, start, end));
			meters.append("PV-1,%s,on-site renewable,%s,%s,%d,MWh\n".formatted(site, start, end, 15 + month));
			heatOne += 20_000 + 1_000 * month;
			heatTwo += 10_000;
			onSite += (15 + month) * 1_000;
		}
		assertThat(this.api.upload("heat-and-pv.csv", meters.toString().getBytes(StandardCharsets.UTF_8), Map.of())
			.read("$.status", String.class)).isEqualTo("COMPLETED");
		// the entered values of the year (495,000 kWh at 38.5 degC, 450,000 kWh on site)
		// are not used: the meters measured the whole year
		put(site, year, COMPLETE, MeasuredUploads.admin(), 200);

		DocumentContext report = this.api.postJson("/api/v1/reports", """
				{"type": "EED_DATACENTRE", "from": "%1$d-01-01", "to": "%1$d-12-31"}""".formatted(year));
		double reuse = heatOne + heatTwo;
		// HX-1: sum of 20,000 + 1,000 m for m = 1..12 = 240,000 + 78,000 = 318,000 kWh;
		// HX-2: 12 x 10 MWh = 120,000 kWh; together 438,000 kWh
		assertThat(reuse).isEqualTo(438_000);
		// PV-1: sum of (15 + m) MWh for m = 1..12 = 180 + 78 = 258 MWh = 258,000 kWh
		assertThat(onSite).isEqualTo(258_000);
		// EDC = grid 12 x 412,500 = 4,950,000 plus on-site generation 258,000 = 5,208,000
		// kWh (the PV meter is at the generator's output, not in the grid meter)
		double edc = 5_208_000;
		assertThat(figure(report, site + " total energy consumption (kWh)")).isCloseTo(edc, within(1e-6));
		assertThat(figure(report, site + " indicators missing")).isZero();
		// PUE = 5,208,000 / 3,600,000 = 1.446667
		assertThat(figure(report, site + " PUE")).isCloseTo(5_208_000 / 3_600_000.0, within(1e-12));
		assertThat(figure(report, site + " waste heat reused (kWh)")).isCloseTo(438_000, within(1e-6));
		// ERF = 438,000 / 5,208,000 = 0.084101
		assertThat(figure(report, site + " ERF")).isCloseTo(438_000 / 5_208_000.0, within(1e-12));
		assertThat(figure(report, site + " ERF")).isCloseTo(reuse / edc, within(1e-12));
		// ERES-TOT = GoO 2,000,000 + PPA 1,500,000 + on-site 258,000 = 3,758,000 kWh
		assertThat(figure(report, site + " renewable energy (kWh)")).isCloseTo(3_758_000, within(1e-6));
		// REF = 3,758,000 / 5,208,000 = 0.721582
		assertThat(figure(report, site + " REF")).isCloseTo(3_758_000 / 5_208_000.0, within(1e-12));

		String id = report.read("$.id", String.class);
		Map<String, List<Object>> rows = template(content(id, "xlsx")).get(site);
		assertThat(rows.keySet()).containsExactlyElementsOf(FIELDS);
		for (String field : FIELDS) {
			assertThat(rows.get(field).get(0)).as(field + " value").isNotNull();
			assertThat((String) rows.get(field).get(1)).as(field + " source").doesNotStartWith("missing");
		}
		// the XLSX template cells: EDC with both parts named, metered, tier 1; PUE, ERF
		// and REF over it
		assertThat((double) rows.get("EDC").get(0)).isCloseTo(5_208_000, within(1e-6));
		assertThat((String) rows.get("EDC").get(1))
			.startsWith("measured: facility-total meters (electricity from the grid) plus on-site renewable"
					+ " generation consumed (ERES-OS, metered)");
		assertThat(rows.get("EDC").get(3)).isEqualTo(1.0);
		assertThat(rows.get("PUE").get(3)).isEqualTo(1.0);
		assertThat((double) rows.get("PUE").get(0)).isCloseTo(1.446_666_666_666_666_7, within(1e-12));
		assertThat((double) rows.get("ERF").get(0)).isCloseTo(438_000 / 5_208_000.0, within(1e-12));
		assertThat((double) rows.get("REF").get(0)).isCloseTo(3_758_000 / 5_208_000.0, within(1e-12));
		assertThat((double) rows.get("ERES-TOT").get(0)).isCloseTo(3_758_000, within(1e-6));
		// the PDF text: EDC 5,208,000 kWh with its source; PUE 1.45, ERF 0.0841, REF
		// 0.722 (three significant digits)
		byte[] pdfBytes = content(id, "pdf");
		PdfUa.assertAccessible("EU data-centre report with on-site generation", pdfBytes);
		String pdf = pdfText(pdfBytes).replace("-\n", "-").replaceAll("\\s+", " ");
		assertThat(pdf).contains("5,208,000", "3,758,000", "258,000", "1.45", "0.0841", "0.722",
				"plus on-site renewable generation consumed (ERES-OS, metered)");
		assertThat((double) rows.get("EREUSE").get(0)).isCloseTo(438_000, within(1e-6));
		assertThat((String) rows.get("EREUSE").get(1)).startsWith("measured: waste-heat-reused meters")
			.contains("wasteHeatReusedKwh of 495000.0 is not used: metered wins");
		assertThat(rows.get("EREUSE").get(3)).isEqualTo(1.0);
		// (318,000 kWh x 45 degC + 120,000 kWh x 30 degC) / 438,000 kWh
		assertThat((double) rows.get("TEMP-WASTE-HEAT").get(0)).isCloseTo(17_910_000 / 438_000.0, within(1e-9));
		assertThat((String) rows.get("TEMP-WASTE-HEAT").get(1)).startsWith("registered with the waste-heat meters")
			.contains("metered wins");
		assertThat(rows.get("TEMP-WASTE-HEAT").get(3)).isEqualTo(2.0);
		assertThat((double) rows.get("ERES-OS").get(0)).isCloseTo(258_000, within(1e-6));
		assertThat((String) rows.get("ERES-OS").get(1)).startsWith("measured: on-site renewable generation meters");
		assertThat(rows.get("ERES-OS").get(3)).isEqualTo(1.0);
		// ERF from metered values only is tier 1; REF needs the entered GoO and PPA
		// shares
		assertThat(rows.get("ERF").get(3)).isEqualTo(1.0);
		assertThat(rows.get("REF").get(3)).isEqualTo(2.0);
		assertThat(new String(content(id, "csv"), StandardCharsets.UTF_8))
			.contains(site + "," + year + ",EREUSE,Waste heat reused,438000,kWh,\"measured: waste-heat-reused meters")
			.contains(
					site + "," + year + ",EDC,Total energy consumption,5208000,kWh,\"measured: facility-total meters");
		// the site's measured month shows the metered heat, and its PUE counts the
		// on-site generation: January (412,500 + 16,000) / 300,000 = 1.428333
		DocumentContext january = this.api
			.getJson("/api/v1/sites/" + site + "/months?from=" + year + "-01&to=" + year + "-01");
		assertThat(january.read("$[0].wasteHeatKwh", Double.class)).isCloseTo(31_000, within(1e-6));
		assertThat(january.read("$[0].onSiteRenewableKwh", Double.class)).isCloseTo(16_000, within(1e-6));
		assertThat(january.read("$[0].pue", Double.class)).isCloseTo(428_500 / 300_000.0, within(1e-12));
	}

	@Test
	void auditorsReadTheEnteredValuesButOnlyWritersEnterThemAndAnApprovedYearIsLocked() {
		int year = TestMonths.unusedYear(this.http);
		String site = site(year);
		put(site, year, COMPLETE, MeasuredUploads.admin(), 200);
		put(site, year, "{\"installedItPowerKw\": -1, \"intakeSetpointC\": 900}", MeasuredUploads.admin(), 422);
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/users", """
				{"username": "%s", "password": "auditor-password-1", "roles": ["AUDITOR"]}""".formatted(auditor));
		String[] credentials = HttpTestClient.basic(auditor, "auditor-password-1");
		HttpResponse<String> read = this.http.get("/api/v1/sites/" + site + "/eu-indicators/" + year, credentials);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"installedItPowerKw\":650");
		put(site, year, COMPLETE, credentials, 403);
		// the site page's form enters a year's values too
		HttpTestClient browser = new HttpTestClient(this.port);
		browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String token = browser.csrfToken("/sites/" + site);
		assertThat(browser.get("/sites/" + site).body()).contains("name=\"installedItPowerKw\"");
		HttpResponse<String> form = browser.postForm("/sites/" + site + "/eu-indicators",
				Map.of("_csrf", token, "year", String.valueOf(year - 1), "installedItPowerKw", "720", "redundancyLevel",
						"N+1", "trafficInTb", "", "evidence", "site survey 2026"));
		assertThat(form.statusCode()).isEqualTo(302);
		DocumentContext entered = this.api.getJson("/api/v1/sites/" + site + "/eu-indicators/" + (year - 1));
		assertThat(entered.read("$.values.installedItPowerKw", Double.class)).isCloseTo(720, within(1e-9));
		assertThat(entered.read("$.values.redundancyLevel", String.class)).isEqualTo("N+1");
		assertThat(entered.read("$.values.trafficInTb", Double.class)).isNull();
		String period = this.api.postJson("/api/v1/periods", """
				{"name": "EU-%1$s", "start": "%2$d-01-01", "end": "%2$d-12-31"}""".formatted(site, year))
			.read("$.id", String.class);
		this.api.postJson("/api/v1/periods/" + period + "/transitions", "{\"status\": \"IN_REVIEW\"}");
		this.api.postJson("/api/v1/periods/" + period + "/transitions", "{\"status\": \"APPROVED\"}");
		try {
			HttpResponse<String> locked = put(site, year, COMPLETE, MeasuredUploads.admin(), 409);
			assertThat(locked.body()).contains("EU data-centre indicators of site " + site);
		}
		finally {
			// restated, so that the suite's database keeps no lock (as PeriodLockTests)
			this.api.postJson("/api/v1/periods/" + period + "/restatements", "{\"reason\": \"end of the test\"}");
		}
	}

	/** An own site with twelve months of facility, IT and water readings in the year. */
	private String site(int year) {
		String site = "EU" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Hall %s", "kind": "OWN", "gridZone": "DE", "country": "DE"}""".formatted(site,
				site));
		StringBuilder meters = new StringBuilder("meter,site,role,start,end,quantity,unit\n");
		for (int month = 1; month <= 12; month++) {
			String start = java.time.YearMonth.of(year, month).atDay(1) + "T00:00:00Z";
			String end = java.time.YearMonth.of(year, month).plusMonths(1).atDay(1) + "T00:00:00Z";
			meters.append("F1,%s,facility total,%s,%s,412.5,MWh\n".formatted(site, start, end));
			meters.append("IT1,%s,IT load,%s,%s,300,MWh\n".formatted(site, start, end));
			meters.append("W1,%s,water intake,%s,%s,950,m3\n".formatted(site, start, end));
		}
		assertThat(this.api.upload("meters.csv", meters.toString().getBytes(StandardCharsets.UTF_8), Map.of())
			.read("$.status", String.class)).isEqualTo("COMPLETED");
		return site;
	}

	private HttpResponse<String> put(String site, int year, String json, String[] credentials, int status) {
		HttpResponse<String> response = this.http.put("/api/v1/sites/" + site + "/eu-indicators/" + year,
				"application/json", json, credentials);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return response;
	}

	private static double figure(DocumentContext report, String key) {
		return report.read("$.figures['" + key + "']", Double.class);
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

	/** The data-quality shares of the workbook's summary, by tier. */
	private static Map<String, Double> quality(byte[] xlsx) throws Exception {
		Map<String, Double> shares = new HashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheet("Summary")) {
				Cell label = row.getCell(0);
				Cell share = row.getCell(1);
				if (label != null && label.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
						&& label.getStringCellValue().matches("[1-5] .*") && share != null
						&& share.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
					shares.put(label.getStringCellValue(), share.getNumericCellValue());
				}
			}
		}
		return shares;
	}

	/**
	 * The template sheet by site and field: value (number or text, null when missing),
	 * source, reference.
	 */
	private static Map<String, Map<String, List<Object>>> template(byte[] xlsx) throws Exception {
		Map<String, Map<String, List<Object>>> sites = new HashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet(EedDocument.TEMPLATE_SHEET);
			assertThat(sheet).isNotNull();
			Row header = sheet.getRow(0);
			assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Field");
			for (Row row : sheet) {
				if (row.getRowNum() == 0) {
					continue;
				}
				Cell number = row.getCell(4);
				Cell text = row.getCell(5);
				Object value = (number != null && number.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC)
						? (Object) number.getNumericCellValue()
						: (text != null && !text.getStringCellValue().isEmpty()) ? text.getStringCellValue() : null;
				java.util.ArrayList<Object> cells = new java.util.ArrayList<>();
				cells.add(value);
				cells.add(row.getCell(7).getStringCellValue());
				cells.add(row.getCell(8).getStringCellValue());
				Cell tier = row.getCell(9);
				cells.add((tier != null) ? (Object) tier.getNumericCellValue() : null);
				sites.computeIfAbsent(row.getCell(0).getStringCellValue(), key -> new java.util.LinkedHashMap<>())
					.put(row.getCell(2).getStringCellValue(), cells);
			}
		}
		return sites;
	}

}
