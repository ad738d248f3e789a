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
 * The AI model card end to end: GPU telemetry of a training host and a serving host
 * attributed to a model's phases, its training record and recorded outputs give the
 * training compute estimated from accelerator-hours x peak throughput x utilization (or
 * as entered), the Model Documentation Form's compute and energy items and the SCI for AI
 * of the consumer (per token) and provider (per FLOP, parameter, training token)
 * boundaries, each with a value and a source in the PDF and the workbook.
 */
@IntegrationTest
class ModelCardReportTests {

	/** Peak dense BF16 throughput of an H100 SXM (Epoch AI, CC BY 4.0). */
	private static final double H100_PEAK = 989.4e12;

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
	void theModelCardStatesComputeTimeEnergyEmissionsAndSciWithTheirMethods() throws Exception {
		YearMonth month = TestMonths.unusedMonth(this.http);
		LocalDate day = month.atDay(5);
		String site = "MC" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/sites", """
				{"code": "%s", "name": "GPU hall", "kind": "COLOCATED", "gridZone": "SE"}""".formatted(site));
		// two H100 at 600 W training and two at 300 W serving, one sample a second for
		// ten minutes: 0.2 kWh and 0.1 kWh of IT energy, 1/3 accelerator-hour each host
		upload(site, "train-1", day, 600);
		upload(site, "serve-1", day, 300);
		String id = this.api.postJson("/api/v1/workloads", """
				{"name": "card-%s", "kind": "MODEL", "model": "greenledger-7b"}""".formatted(site))
			.read("$.id", String.class);
		rule(id, "TRAINING", site, "train-1");
		rule(id, "INFERENCE", site, "serve-1");
		this.api.postJson("/api/v1/workloads/" + id + "/outputs", """
				{"periodStart": "%1$s", "periodEnd": "%1$s", "unit": "TOKENS", "quantity": 2000000}""".formatted(day));
		HttpResponse<String> training = this.http.put("/api/v1/workloads/" + id + "/training", "application/json", """
				{"accelerator": "H100-SXM", "utilization": 0.4, "trainingStart": "%1$s", "trainingEnd": "%1$s",
				 "parameters": 7.0e9, "trainingTokens": 1.2e6, "modelDependencies": "N/A",
				 "inferenceComputeFlop": 8.4e16, "inferenceBenchmark": "generating 6,000 tokens on 1 H100-SXM",
				 "evidence": "training run log 2031-03-05"}""".formatted(day), MeasuredUploads.admin());
		assertThat(training.statusCode()).as(training.body()).isEqualTo(200);
		assertThat(this.http
			.put("/api/v1/workloads/" + id + "/training", "application/json",
					"{\"utilization\": 1.5, \"trainingComputeFlop\": -1}", MeasuredUploads.admin())
			.body()).contains("utilization", "trainingComputeFlop", "evidence");

		DocumentContext report = card(id, month);
		Map<String, Object> figures = report.read("$.figures", Map.class);
		double hours = 2 * 600 / 3600.0;
		double flop = hours * 3600 * H100_PEAK * 0.4;
		assertThat(number(figures, "training compute (FLOP)")).isCloseTo(flop, within(flop * 1e-9));
		assertThat(number(figures, "training time (days)")).isEqualTo(1.0);
		double trainingKwh = number(figures, "training energy, facility (kWh)");
		assertThat(trainingKwh).isGreaterThan(0.2);
		assertThat(number(figures, "training energy (MWh)")).isCloseTo(trainingKwh / 1000, within(1e-12));
		double trainingGrams = (number(figures, "training CO2e location-based (kg)")
				+ number(figures, "training CO2e embodied (kg)")) * 1000;
		assertThat(number(figures, "SCI Provider per 10^15 FLOP (gross) training (g CO2e)"))
			.isCloseTo(trainingGrams / (flop / 1e15), within(1e-9));
		assertThat(number(figures, "SCI Provider per billion parameters (gross) training (g CO2e)"))
			.isCloseTo(trainingGrams / 7, within(1e-9));
		double inferenceGrams = (number(figures, "inference CO2e location-based (kg)")
				+ number(figures, "inference CO2e embodied (kg)")) * 1000;
		assertThat(number(figures, "SCI Consumer per token " + day + " to " + day + " (g CO2e)"))
			.isCloseTo(inferenceGrams / 2_000_000, within(1e-12));

		String reportId = report.read("$.id", String.class);
		byte[] pdfBytes = content(reportId, "pdf");
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/report-samples"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/report-samples/ai-model-card-2027.pdf"), pdfBytes);
		String pdf = pdfText(pdfBytes).replaceAll("\\s+", " ");
		PdfUa.assertAccessible("AI model card", pdfBytes);
		assertThat(pdf).contains("Training compute and time", "Annex XI, section 1, point 2(d)", "point 2(e)",
				"estimated: 0.3 accelerator-hours", "x utilization 0.40", "accelerator-peak-throughput", "SCI for AI",
				"Consumer", "per token", "Provider", "per 10^15 FLOP", "Model Documentation Form",
				"Amount of computation used for training", "Amount of energy used for training",
				"Benchmarked amount of computation used for inference", "generating 6,000 tokens", "CO2e, market-based",
				"CO2e, embodied share", "Water, on and off site", "measured: ");

		Map<String, List<Object>> form = sheet(content(reportId, "xlsx"), "Model Documentation Form");
		for (String item : List.of("Legal name for the model provider", "Unique identifier of the model",
				"Total number of parameters", "Training time", "Amount of computation used for training",
				"Amount of energy used for training", "Measurement methodology (energy)",
				"Benchmarked amount of computation used for inference")) {
			List<Object> row = form.get(item);
			assertThat(row).as(item).isNotNull();
			assertThat(row.get(0) != null || row.get(1) != null).as(item + " value").isTrue();
			assertThat((String) row.get(3)).as(item + " source").isNotBlank();
		}
		assertThat((double) form.get("Amount of computation used for training").get(0)).isCloseTo(flop,
				within(flop * 1e-9));
		assertThat((String) form.get("Amount of computation used for training").get(3)).startsWith("estimated: ");
		assertThat(sheet(content(reportId, "xlsx"), "SCI for AI")).containsKeys("Consumer", "Provider");

		// an entered training compute is taken as it is, with its method
		this.http.put("/api/v1/workloads/" + id + "/training", "application/json", """
				{"trainingComputeFlop": 2.5e17, "computeMethod": "6 x parameters x training tokens",
				 "evidence": "model paper, table 2"}""", MeasuredUploads.admin());
		DocumentContext entered = card(id, month);
		assertThat(number(entered.read("$.figures", Map.class), "training compute (FLOP)")).isEqualTo(2.5e17);
		assertThat(pdfText(content(entered.read("$.id", String.class), "pdf")).replaceAll("\\s+", " "))
			.contains("entered: 6 x parameters x training tokens (evidence: model paper, table 2)");
	}

	private DocumentContext card(String id, YearMonth month) {
		return this.api.postJson("/api/v1/reports", """
				{"type": "AI_MODEL_CARD", "from": "%s", "to": "%s", "modelId": "%s"}""".formatted(month.atDay(1),
				month.atEndOfMonth(), id));
	}

	private void upload(String site, String host, LocalDate day, int watts) {
		StringBuilder csv = new StringBuilder("timestamp, name, index, uuid, power.draw [W]\n");
		String[] uuids = { "GPU-" + UUID.randomUUID(), "GPU-" + UUID.randomUUID() };
		String date = day.toString().replace('-', '/');
		for (int second = 0; second <= 600; second++) {
			for (int gpu = 0; gpu < 2; gpu++) {
				csv.append(String.format("%s 10:%02d:%02d.000, NVIDIA H100 80GB HBM3, %d, %s, %d.00 W%n", date,
						second / 60, second % 60, gpu, uuids[gpu], watts));
			}
		}
		assertThat(this.api
			.upload("smi.csv", csv.toString().getBytes(StandardCharsets.UTF_8), Map.of("site", site, "host", host))
			.read("$.status", String.class)).isEqualTo("COMPLETED");
	}

	private void rule(String id, String phase, String site, String host) {
		this.api.postJson("/api/v1/workloads/" + id + "/rules", """
				{"phase": "%s", "source": "MEASURED", "match": {"site": "%s", "host": "%s"}}""".formatted(phase, site,
				host));
	}

	private static double number(Map<String, Object> figures, String key) {
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

	/**
	 * A table's worksheet by its first column: the numeric value, then the text cells.
	 */
	private static Map<String, List<Object>> sheet(byte[] xlsx, String name) throws Exception {
		Map<String, List<Object>> rows = new LinkedHashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheet(name)).as(name).isNotNull();
			for (Row row : workbook.getSheet(name)) {
				if (row.getRowNum() == 0 || row.getCell(0) == null) {
					continue;
				}
				java.util.ArrayList<Object> cells = new java.util.ArrayList<>();
				for (int i = 1; i < row.getLastCellNum(); i++) {
					Cell cell = row.getCell(i);
					cells.add((cell == null) ? null : (cell.getCellType() == CellType.NUMERIC)
							? (Object) cell.getNumericCellValue() : cell.getStringCellValue());
				}
				rows.putIfAbsent(row.getCell(0).getStringCellValue(), cells);
			}
		}
		return rows;
	}

}
