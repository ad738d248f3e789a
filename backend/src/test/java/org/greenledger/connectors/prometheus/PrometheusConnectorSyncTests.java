package org.greenledger.connectors.prometheus;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.connectors.ConnectorClient;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A PROMETHEUS connector against a real Prometheus (Debian's package) scraping the test
 * exporter, which serves real DCGM and Kepler series of the telemetry corpus as counters
 * rising at known rates: a sync pulls the interval up to (now less 10 s, on the step)
 * into a completed job with exactly the energy the exporter served in it, the next sync
 * pulls only the interval after it (nothing replaced, nothing counted twice), and a pull
 * that finds nothing fails the run with the puller's message.
 */
@IntegrationTest
class PrometheusConnectorSyncTests {

	private static final Pattern INTERVAL = Pattern.compile("-(\\d{8}T\\d{6}Z)-(\\d{8}T\\d{6}Z)\\.prom$");

	static EnergyExporter exporter;

	static PrometheusServer prometheus;

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads uploads;

	ConnectorClient connectors;

	@BeforeAll
	static void startExporterAndPrometheus() throws Exception {
		exporter = EnergyExporter.start(List.of(
				EnergyExporter.fromCorpus("prometheus/dcgm-t4-scrape.prom", "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION",
						"70000"),
				EnergyExporter.fromCorpus("prometheus/kepler-0.7-scrape.prom", "kepler_node_package_joules_total",
						"35"),
				EnergyExporter.fromCorpus("prometheus/kepler-0.7-scrape.prom", "kepler_node_dram_joules_total", "5")));
		prometheus = PrometheusServer.start(exporter.port());
		// a pull ends 10 s before now: wait until that end has several scraped seconds
		Instant deadline = Instant.now().plusSeconds(90);
		while ((exporter.served().isEmpty() || exporter.served().last() - exporter.served().first() < 16)
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
		}
		assertThat(exporter.served().last() - exporter.served().first()).as("seconds scraped by Prometheus")
			.isGreaterThanOrEqualTo(16);
	}

	@AfterAll
	static void stop() {
		if (prometheus != null) {
			prometheus.close();
		}
		if (exporter != null) {
			exporter.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.uploads = new MeasuredUploads(this.http);
		this.connectors = new ConnectorClient(this.http);
	}

	@Test
	void aSyncIngestsTheNewIntervalAndTheNextSyncOnlyTheIntervalAfterIt() throws Exception {
		String site = site();
		Map<String, Object> settings = settings(site);
		String id = this.connectors.create(settings);

		DocumentContext run = this.connectors.sync(id);

		assertThat(run.read("$.status", String.class)).as(run.jsonString()).isEqualTo("COMPLETED");
		assertThat(run.read("$.objectsNew", Integer.class)).isOne();
		DocumentContext job = this.connectors.job(run.read("$.jobs[0]", String.class));
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.createdBy", String.class)).isEqualTo("connector:" + settings.get("name"));
		assertThat(job.read("$.format", String.class)).contains("DCGM/Kepler");
		Instant[] first = interval(job.read("$.fileName", String.class));
		assertThat(first[1]).isBefore(Instant.now().minusSeconds(9));
		long firstServed = exporter.served().first();
		long firstEnd = exporter.served().floor(first[1].getEpochSecond());
		// 70 W + 35 W + 5 W from the first scraped second to the pull's end
		double firstKwh = PrometheusPullerTests.WATTS_PULLED * (firstEnd - firstServed) / 3.6e6;
		assertThat(job.read("$.measured.energyKwh", Double.class)).isCloseTo(firstKwh, within(1e-6 * firstKwh));

		Thread.sleep(2500);
		DocumentContext next = this.connectors.sync(id);

		assertThat(next.read("$.status", String.class)).as(next.jsonString()).isEqualTo("COMPLETED");
		assertThat(next.read("$.objectsNew", Integer.class)).isOne();
		DocumentContext after = this.connectors.job(next.read("$.jobs[0]", String.class));
		assertThat(after.read("$.status", String.class)).as(after.jsonString()).isEqualTo("COMPLETED");
		Instant[] second = interval(after.read("$.fileName", String.class));
		assertThat(second[0]).as("the next pull starts where the last one ended").isEqualTo(first[1]);
		assertThat(after.read("$.replaced[*].job", List.class)).as("nothing of the first pull replaced").isEmpty();
		long secondEnd = exporter.served().floor(second[1].getEpochSecond());
		double secondKwh = PrometheusPullerTests.WATTS_PULLED * (secondEnd - firstEnd) / 3.6e6;
		assertThat(after.read("$.measured.energyKwh", Double.class)).as("only the energy after the first pull")
			.isCloseTo(secondKwh, within(1e-6 * secondKwh));
	}

	@Test
	void aPullThatFindsNothingFailsTheRunWithThePullersMessageAndStoresNothing() {
		Map<String, Object> settings = settings(site());
		settings.put(PrometheusSettings.LABELS, "Hostname=no-such-host");
		String id = this.connectors.create(settings);

		DocumentContext run = this.connectors.sync(id);

		assertThat(run.read("$.status", String.class)).isEqualTo("FAILED");
		assertThat(run.read("$.jobs", List.class)).isEmpty();
		assertThat(run.read("$.errors[0]", String.class)).startsWith("the query returned no samples for ")
			.contains("Hostname=\"no-such-host\"", " at " + prometheus.url() + ": check the selectors and labels");
		DocumentContext again = this.connectors.sync(id);
		assertThat(again.read("$.status", String.class)).as("nothing was recorded: the interval is asked again")
			.isEqualTo("FAILED");
	}

	@Test
	void theConnectionIsCheckedAndInvalidSettingsAreRefusedFieldByField() {
		String id = this.connectors.create(settings(site()));
		HttpResponse<String> check = this.http.post("/api/v1/connectors/" + id + "/check", "application/json", "",
				MeasuredUploads.admin());
		assertThat(check.statusCode()).isEqualTo(200);
		DocumentContext answer = JsonPath.parse(check.body());
		assertThat(answer.read("$.ok", Boolean.class)).as(check.body()).isTrue();
		assertThat(answer.read("$.message", String.class))
			.startsWith("Connected: Prometheus at " + prometheus.url() + " answered and accepted every selector");

		Map<String, Object> bad = settings("S1");
		bad.remove(PrometheusSettings.URL);
		bad.put(PrometheusSettings.STEP, "10m");
		bad.put(PrometheusSourceType.WINDOW, "a while");
		HttpResponse<String> response = this.connectors.post("/api/v1/connectors", bad);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(JsonPath.parse(response.body()).read("$.errors[*].field", List.class))
			.containsExactlyInAnyOrder("url", "step", "window");
	}

	private Map<String, Object> settings(String site) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "prometheus-" + UUID.randomUUID());
		body.put("type", "PROMETHEUS");
		body.put(PrometheusSettings.URL, prometheus.url());
		body.put(PrometheusSettings.SITE, site);
		body.put(PrometheusSettings.STEP, "1s");
		body.put(PrometheusSourceType.WINDOW, "PT10M");
		body.put(PrometheusSettings.USERNAME, PrometheusServer.USER);
		body.put(PrometheusSettings.PASSWORD, PrometheusServer.PASSWORD);
		return body;
	}

	private String site() {
		String code = "C" + UUID.randomUUID().toString().substring(0, 8);
		this.uploads.postJson("/api/v1/sites", """
				{"code": "%s", "name": "GPU cluster", "kind": "OWN", "gridZone": "NL"}""".formatted(code));
		return code;
	}

	private static Instant[] interval(String fileName) {
		Matcher matcher = INTERVAL.matcher(fileName);
		assertThat(matcher.find()).as(fileName).isTrue();
		return new Instant[] { Instant.from(PrometheusPullerTests.PULL_TIME.parse(matcher.group(1))),
				Instant.from(PrometheusPullerTests.PULL_TIME.parse(matcher.group(2))) };
	}

}
