package org.greenledger.procurement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.PdfUa;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Suppliers, disclosures, PACT imports and workload-aware evaluations over HTTP against
 * real PostgreSQL.
 */
@IntegrationTest
class ProcurementTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads api;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	private String supplier(String name, String type) {
		return this.api
			.postJson("/api/v1/procurement/suppliers",
					"""
							{"name": "%s", "type": "%s", "website": "https://example.com",
							 "contacts": [{"name": "Ada", "email": "ada@example.com", "role": "sustainability"}]}"""
						.formatted(name, type))
			.read("$.id", String.class);
	}

	@Test
	void anEvaluationProjectsTheWorkloadAtEachCandidateScoresAndRanksThem() throws Exception {
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		String clean = supplier("Clean cloud " + nonce, "CLOUD_PROVIDER");
		String coal = supplier("Coal colo " + nonce, "COLOCATION_OPERATOR");
		this.api.postJson("/api/v1/procurement/suppliers/" + clean + "/disclosures",
				"""
						{"values": {"facility.pue": 1.1, "facility.wue": 0.2, "grid.market_intensity": 20, "targets.sbti": "validated",
						            "energy.carbon_free_share": 95},
						 "evidence": "Sustainability report 2025", "validFrom": "2026-01-01", "validTo": "2026-12-31"}""");
		// the clean cloud's PACT footprint of its H100 accelerators replaces the
		// library's embodied figure
		String gpu = Files.readString(Path.of("src/test/resources/fixtures/pact/v2-single.json"))
			.replace("3f1e2d4c-5b6a-4798-8a1b-2c3d4e5f6a7b", UUID.randomUUID().toString())
			.replace("\"SW-1U-512\"", "\"NVIDIA H100 SXM5 80GB\"");
		var pact = this.http.post("/api/v1/procurement/suppliers/" + clean + "/pact", "application/json", gpu,
				MeasuredUploads.admin());
		assertThat(pact.statusCode()).as(pact.body()).isEqualTo(200);
		DocumentContext evaluation = this.api.postJson("/api/v1/procurement/evaluations", """
				{"name": "fine-tuning %s",
				 "workload": {"from": "2026-01-01", "to": "2026-03-31",
				              "acceleratorHours": [{"model": "H100-SXM", "hours": 10000}], "vcpuHours": 20000,
				              "memoryGbHours": 100000, "storageTbHours": 500, "dataTransferGb": 1000},
				 "candidates": [{"supplierId": "%s", "label": "clean", "provider": "aws", "region": "eu-north-1"},
				                {"supplierId": "%s", "label": "coal", "gridZone": "PL"}]}""".formatted(nonce, clean,
				coal));
		String id = evaluation.read("$.id", String.class);
		assertThat(evaluation.read("$.ranking", List.class)).containsExactly("clean", "coal");
		double cleanFacility = evaluation.read("$.candidates[0].facilityKwh", Double.class);
		double cleanIt = evaluation.read("$.candidates[0].itKwh", Double.class);
		// the supplier's disclosed PUE replaces the library's
		assertThat(cleanFacility / cleanIt).isCloseTo(1.1, within(1e-9));
		assertThat(evaluation.read("$.candidates[0].factors", List.class).toString()).contains("supplier-disclosure");
		// the market-based figure uses the disclosed 20 g/kWh
		assertThat(evaluation.read("$.candidates[0].co2eMarketKg", Double.class)).isCloseTo(cleanFacility * 0.020,
				within(1e-6));
		assertThat(evaluation.read("$.candidates[1].co2eLocationKg", Double.class))
			.isGreaterThan(evaluation.read("$.candidates[0].co2eLocationKg", Double.class));
		assertThat(evaluation.read("$.candidates[0].co2eEmbodiedKg", Double.class)).isPositive();
		// 42.75 kg CO2e per kg x 18.5 kg = 790.875 kg for the accelerator (PACT v2: per
		// declared unit)
		assertThat(evaluation.read("$.candidates[0].factors", List.class).toString())
			.contains("EMBODIED NVIDIA H100 SXM5 80GB = 790.875 kgCO2e (pact");
		assertThat(evaluation.read("$.candidates[1].factors", List.class).toString()).doesNotContain("(pact");
		// missing data lowers the score: the coal colo disclosed nothing
		assertThat(evaluation.read("$.candidates[1].score.score", Double.class))
			.isLessThan(evaluation.read("$.candidates[0].score.score", Double.class));
		assertThat(evaluation.read("$.candidates[1].score.missing", Integer.class)).isEqualTo(15);
		// stored as computed
		DocumentContext stored = this.api.getJson("/api/v1/procurement/evaluations/" + id);
		assertThat(stored.read("$.candidates[0].score.score", Double.class))
			.isEqualTo(evaluation.read("$.candidates[0].score.score", Double.class));
		// the supplier's score is reproducible from the stored methodology version
		DocumentContext score = this.api
			.getJson("/api/v1/procurement/suppliers/" + clean + "/score?version=1&date=2026-01-01");
		assertThat(score.read("$.score", Double.class))
			.isEqualTo(evaluation.read("$.candidates[0].score.score", Double.class));

		// the portal pages and the evaluation report
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(this.http.get("/suppliers").body()).contains("Clean cloud " + nonce);
		assertThat(this.http.get("/suppliers/" + clean).body()).contains("Score breakdown",
				"Sustainability report 2025");
		assertThat(this.http.get("/evaluations/" + id).body()).contains("candidatesChart", "clean", "coal");
		var pdf = this.http.getBytes("/evaluations/" + id + "/report?format=pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		PdfUa.assertAccessible("evaluation", pdf.body());
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("clean", "coal",
					"Candidates side by side");
		}
		var xlsx = this.http.getBytes("/evaluations/" + id + "/report?format=xlsx");
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx.body()))) {
			assertThat(workbook.getNumberOfSheets()).isGreaterThan(1);
		}
	}

	@Test
	void aFilledQuestionnaireBecomesADisclosureAndABadOneIsRefusedWithCellReferences() throws Exception {
		String provider = supplier("Questioned cloud " + UUID.randomUUID().toString().substring(0, 8),
				"CLOUD_PROVIDER");
		var template = this.http.getBytes("/api/v1/procurement/suppliers/" + provider + "/questionnaire",
				MeasuredUploads.admin());
		assertThat(template.statusCode()).isEqualTo(200);
		assertThat(template.body().length).isPositive();
		byte[] filled = org.greenledger.procurement.questionnaire.QuestionnaireFixtures
			.filled(SupplierType.CLOUD_PROVIDER, workbook -> {
			});
		var accepted = this.http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/v1/procurement/suppliers/"
					+ provider + "/questionnaire?fileName=answers.xlsx"))
			.header("Authorization", MeasuredUploads.admin()[1])
			.header("Content-Type", "application/octet-stream")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(filled))
			.build());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		DocumentContext disclosure = JsonPath.parse(accepted.body());
		assertThat(disclosure.read("$.source", String.class)).isEqualTo("QUESTIONNAIRE");
		assertThat(disclosure.read("$.values['grid.location_intensity']", Double.class)).isEqualTo(412.5);

		String cell = org.greenledger.procurement.questionnaire.QuestionnaireFixtures
			.answerCell(SupplierType.CLOUD_PROVIDER, "facility.pue");
		int row = org.greenledger.procurement.questionnaire.QuestionnaireFixtures.excelRow(SupplierType.CLOUD_PROVIDER,
				"facility.pue");
		byte[] bad = org.greenledger.procurement.questionnaire.QuestionnaireFixtures.filled(SupplierType.CLOUD_PROVIDER,
				workbook -> workbook.getSheet("Answers").getRow(row - 1).getCell(4).setCellValue("very good"));
		var refused = this.http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(
					"http://127.0.0.1:" + this.port + "/api/v1/procurement/suppliers/" + provider + "/questionnaire"))
			.header("Authorization", MeasuredUploads.admin()[1])
			.header("Content-Type", "application/octet-stream")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bad))
			.build());
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains(cell, "facility.pue");
	}

	@Test
	void pactFootprintsAreImportedAndAnInvalidDocumentIsRefusedWithThePathOfEachField() throws Exception {
		String vendor = supplier("Hardware " + UUID.randomUUID().toString().substring(0, 8), "HARDWARE_VENDOR");
		byte[] valid = Files.readAllBytes(Path.of("src/test/resources/fixtures/pact/v2-list.json"));
		var imported = this.http.post("/api/v1/procurement/suppliers/" + vendor + "/pact?fileName=v2-list.json",
				"application/json", new String(valid, java.nio.charset.StandardCharsets.UTF_8),
				MeasuredUploads.admin());
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(JsonPath.parse(imported.body()).read("$.source", String.class)).isEqualTo("PACT");
		DocumentContext detail = this.api.getJson("/api/v1/procurement/suppliers/" + vendor);
		assertThat(detail.read("$.productFootprints.length()", Integer.class)).isPositive();
		assertThat(detail.read("$.disclosures[0].values['embodied.pcf_available']", String.class)).isEqualTo("yes");

		byte[] invalid = Files.readAllBytes(Path.of("src/test/resources/fixtures/pact/invalid-many.json"));
		var refused = this.http.post("/api/v1/procurement/suppliers/" + vendor + "/pact", "application/json",
				new String(invalid, java.nio.charset.StandardCharsets.UTF_8), MeasuredUploads.admin());
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("\"field\":\"$").contains("nothing was stored");
		assertThat(this.api.getJson("/api/v1/procurement/suppliers/" + vendor)
			.read("$.disclosures.length()", Integer.class)).isEqualTo(1);
	}

	@Test
	void anItServiceFootprintPerHourIsASupplierSpecificFactorInAnEvaluation() throws Exception {
		String provider = supplier("GPU cloud " + UUID.randomUUID().toString().substring(0, 8), "AI_API_PROVIDER");
		String document = Files.readString(Path.of("src/test/resources/fixtures/pact/v3-it-service.json"))
			.replace("7c6b5a49-3827-4165-a4b3-c2d1e0f9a8b7", UUID.randomUUID().toString());
		var imported = this.http.post("/api/v1/procurement/suppliers/" + provider + "/pact", "application/json",
				document, MeasuredUploads.admin());
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		DocumentContext evaluation = this.api.postJson("/api/v1/procurement/evaluations", """
				{"workload": {"from": "2026-01-01", "to": "2026-01-31"},
				 "candidates": [{"supplierId": "%s", "label": "service", "gridZone": "FR",
				                 "serviceProduct": "GPU 8x instance", "serviceHours": 100}]}""".formatted(provider));
		// v3: 25.0 kg CO2e for a declared 10 hours, 2.5 kg per hour, x 100 hours
		assertThat(evaluation.read("$.candidates[0].co2eMarketKg", Double.class)).isCloseTo(250, within(1e-9));
		assertThat(evaluation.read("$.candidates[0].factors", List.class).toString())
			.contains("SERVICE_FOOTPRINT GPU 8x instance = 2.5 kgCO2e");
		var unknown = this.http.post("/api/v1/procurement/evaluations", "application/json", """
				{"workload": {"from": "2026-01-01", "to": "2026-01-31"},
				 "candidates": [{"supplierId": "%s", "gridZone": "FR", "serviceProduct": "nope", "serviceHours": 1}]}"""
			.formatted(provider), MeasuredUploads.admin());
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("candidates[0].serviceProduct");
	}

}
