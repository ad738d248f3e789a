package org.greenledger.connectors.prometheus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.connectors.ConnectorException;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link PrometheusPuller} against a real Prometheus (Debian's package) scraping a small
 * exporter every second that serves real DCGM and Kepler series of the telemetry corpus
 * as counters rising at known rates: the pulled dump, uploaded with a registered site
 * like any dump, gives exactly the readings and energy the exporter served; and the
 * failures a user meets (a refused password among them: the server asks for HTTP basic
 * authentication) are said in their words.
 */
@IntegrationTest
class PrometheusPullerTests {

	/** DCGM T4 GPU at 70 W (mJ/s), Kepler node package at 35 W, DRAM at 5 W. */
	static final double WATTS_PULLED = 70 + 35 + 5;

	static EnergyExporter exporter;

	static PrometheusServer prometheus;

	@LocalServerPort
	int port;

	MeasuredUploads uploads;

	@BeforeAll
	static void startExporterAndPrometheus() throws Exception {
		exporter = EnergyExporter.start(List.of(
				EnergyExporter.fromCorpus("prometheus/dcgm-t4-scrape.prom", "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION",
						"70000"),
				EnergyExporter.fromCorpus("prometheus/kepler-0.7-scrape.prom", "kepler_node_package_joules_total",
						"35"),
				EnergyExporter.fromCorpus("prometheus/kepler-0.7-scrape.prom", "kepler_node_dram_joules_total", "5"),
				// a part of the package counter: not among the default selectors, so not
				// counted twice
				EnergyExporter.fromCorpus("prometheus/kepler-0.7-scrape.prom", "kepler_node_core_joules_total", "30")));
		prometheus = PrometheusServer.start(exporter.port());
		Instant deadline = Instant.now().plusSeconds(60);
		while (exporter.served().size() < 8 && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
		}
		assertThat(exporter.served()).as("seconds scraped by Prometheus").hasSizeGreaterThanOrEqualTo(8);
		// the last scrape is in Prometheus' head before anything is asked
		Thread.sleep(2000);
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
		this.uploads = new MeasuredUploads(new HttpTestClient(this.port));
	}

	static Map<String, String> settings(String site) {
		Map<String, String> settings = new HashMap<>();
		settings.put(PrometheusSettings.URL, prometheus.url());
		settings.put(PrometheusSettings.SITE, site);
		settings.put(PrometheusSettings.STEP, "1s");
		settings.put(PrometheusSettings.USERNAME, PrometheusServer.USER);
		return settings;
	}

	static Map<String, String> password() {
		return Map.of(PrometheusSettings.PASSWORD, PrometheusServer.PASSWORD);
	}

	static PrometheusPuller puller(Map<String, String> settings) throws ConnectorException {
		return new PrometheusPuller(PrometheusSettings.of(settings, password()));
	}

	/**
	 * The first and last whole seconds of the window the tests pull: both were served.
	 */
	static Instant from() {
		return Instant.ofEpochSecond(exporter.served().higher(exporter.served().first()));
	}

	static Instant to() {
		return Instant.ofEpochSecond(exporter.served().headSet(exporter.served().first() + 8).last());
	}

	private String site() {
		String code = "P" + UUID.randomUUID().toString().substring(0, 8);
		this.uploads.postJson("/api/v1/sites", """
				{"code": "%s", "name": "GPU cluster", "kind": "OWN", "gridZone": "NL"}""".formatted(code));
		return code;
	}

	@Test
	void thePulledDumpIsIngestedAsTheEnergyTheExporterServed() throws Exception {
		String site = site();
		PrometheusPuller puller = puller(settings(site));
		puller.check();
		Instant from = from();
		Instant to = to();
		ByteArrayOutputStream dump = new ByteArrayOutputStream();

		PrometheusPuller.Pull pull = puller.pull("gpu cluster/a", from, to, dump);

		long seconds = Duration.between(from, to).toSeconds();
		assertThat(pull.fileName())
			.isEqualTo("prometheus-gpu-cluster-a-" + PULL_TIME.format(from) + "-" + PULL_TIME.format(to) + ".prom");
		assertThat(pull.series()).isEqualTo(3);
		assertThat(pull.samples()).isEqualTo(3 * (seconds + 1));
		String text = dump.toString(StandardCharsets.UTF_8);
		assertThat(text)
			.contains("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{", "modelName=\"Tesla T4\"",
					"kepler_node_package_joules_total{", "exported_instance=\"my-cluster-control-plane\"")
			.doesNotContain("kepler_node_core_joules_total");
		long firstSecond = exporter.firstSecond();
		EnergyExporter.Counter dcgm = exporter.counters().get(0);
		assertThat(text).contains(dcgm.series().substring(0, dcgm.series().indexOf('{')) + "{")
			.contains(" " + dcgm.at(to.getEpochSecond(), firstSecond).toPlainString() + " " + to.toEpochMilli() + "\n");

		DocumentContext job = this.uploads.upload(pull.fileName(), dump.toByteArray(), Map.of("site", site));

		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.format", String.class)).contains("DCGM/Kepler");
		assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(pull.samples());
		// counters rising at 110 W in all over the window: the energy of its seconds, to
		// a millionth
		double expectedKwh = WATTS_PULLED * seconds / 3.6e6;
		assertThat(job.read("$.measured.energyKwh", Double.class)).isCloseTo(expectedKwh, within(1e-6 * expectedKwh));
		long hours = ChronoUnit.HOURS.between(from.truncatedTo(ChronoUnit.HOURS),
				to.minusMillis(1).truncatedTo(ChronoUnit.HOURS)) + 1;
		assertThat(job.read("$.measured.lines", Long.class)).isEqualTo(3 * hours);
	}

	@Test
	void aPullInChunksGivesTheSameReadingsAsOneQuery() throws Exception {
		PrometheusSettings settings = PrometheusSettings.of(settings("S1"), password());
		ByteArrayOutputStream whole = new ByteArrayOutputStream();
		ByteArrayOutputStream chunked = new ByteArrayOutputStream();

		PrometheusPuller.Pull one = new PrometheusPuller(settings).pull("c", from(), to(), whole);
		PrometheusPuller.Pull three = new PrometheusPuller(settings, PrometheusPuller.MAX_SAMPLES, 3).pull("c", from(),
				to(), chunked);

		assertThat(three.samples()).isEqualTo(one.samples());
		assertThat(samples(chunked)).containsExactlyInAnyOrderElementsOf(samples(whole)).doesNotHaveDuplicates();
	}

	@Test
	void anIntervalWithoutSamplesIsRefused() throws Exception {
		PrometheusPuller puller = puller(settings("S1"));
		Instant from = Instant.parse("2024-05-01T12:00:00Z");
		Instant to = Instant.parse("2024-05-01T13:00:00Z");

		assertThatThrownBy(() -> puller.pull("c", from, to, new ByteArrayOutputStream()))
			.isInstanceOf(ConnectorException.class)
			.hasMessage("the query returned no samples for " + String.join(", ", PrometheusSettings.DEFAULT_SELECTORS)
					+ " between 2024-05-01T12:00:00Z and 2024-05-01T13:00:00Z at " + prometheus.url()
					+ ": check the selectors and labels, and that Prometheus scraped the exporters in that interval");
	}

	@Test
	void labelsNarrowEverySelector() throws Exception {
		Map<String, String> settings = settings("S1");
		settings.put(PrometheusSettings.LABELS, "Hostname=424773df46e0");
		ByteArrayOutputStream dump = new ByteArrayOutputStream();

		PrometheusPuller.Pull pull = puller(settings).pull("c", from(), to(), dump);

		assertThat(pull.series()).isOne();
		assertThat(samples(dump))
			.allSatisfy(line -> assertThat(line).startsWith("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{"));
	}

	@Test
	void failuresAreSaidInTheUsersWords() throws Exception {
		Map<String, String> badSelector = settings("S1");
		badSelector.put(PrometheusSettings.SELECTORS, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=~\"(\"}");
		assertThatThrownBy(() -> puller(badSelector).pull("c", from(), to(), new ByteArrayOutputStream()))
			.hasMessageStartingWith(
					"Prometheus could not run the selector 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=~\"(\"}'"
							+ " (HTTP 400, bad_data); Prometheus says: ");
		assertThatThrownBy(() -> puller(badSelector).check())
			.hasMessageStartingWith("Prometheus could not run the selector");

		Map<String, String> prefixed = settings("S1");
		prefixed.put(PrometheusSettings.URL, prometheus.url() + "/prometheus");
		assertThatThrownBy(() -> puller(prefixed).pull("c", from(), to(), new ByteArrayOutputStream()))
			.hasMessage(prometheus.url() + "/prometheus/api/v1/query_range was not found (HTTP 404): give Prometheus'"
					+ " base URL, for example http://prometheus:9090, with its path prefix if it is served under one");

		Map<String, String> webPage = settings("S1");
		webPage.put(PrometheusSettings.URL, "http://127.0.0.1:" + exporter.port());
		assertThatThrownBy(() -> puller(webPage).check())
			.hasMessage("http://127.0.0.1:" + exporter.port() + " did not answer like Prometheus' HTTP API (JSON with"
					+ " a status and data): give Prometheus' base URL, for example http://prometheus:9090");

		Map<String, String> closed = settings("S1");
		int port = PrometheusServer.freePort();
		closed.put(PrometheusSettings.URL, "http://127.0.0.1:" + port);
		assertThatThrownBy(() -> puller(closed).pull("c", from(), to(), new ByteArrayOutputStream()))
			.hasMessage("could not reach Prometheus at http://127.0.0.1:" + port + ": the connection was refused");

		assertThatThrownBy(() -> new PrometheusPuller(
				PrometheusSettings.of(settings("S1"), Map.of(PrometheusSettings.PASSWORD, "wrong")))
			.check())
			.hasMessage("Prometheus at " + prometheus.url() + " refused the request (HTTP 401): check the bearer"
					+ " token, or the username and password, and that they may query");
		Map<String, String> anonymous = settings("S1");
		anonymous.remove(PrometheusSettings.USERNAME);
		assertThatThrownBy(() -> new PrometheusPuller(PrometheusSettings.of(anonymous, Map.of())).pull("c", from(),
				to(), new ByteArrayOutputStream()))
			.hasMessageContaining("refused the request (HTTP 401)");

		PrometheusPuller limited = new PrometheusPuller(PrometheusSettings.of(settings("S1"), password()), 5,
				PrometheusPuller.POINTS_PER_QUERY);
		assertThatThrownBy(() -> limited.pull("c", from(), to(), new ByteArrayOutputStream()))
			.hasMessageStartingWith("the pull has more than 5 samples, the limit of one pull");
	}

	@Test
	void settingsNameEveryFieldThatIsWrong() throws Exception {
		Map<String, String> errors = PrometheusSettings.errors(Map.of(PrometheusSettings.URL,
				"http://user@prometheus:9090/api/v1/query", PrometheusSettings.SELECTORS, "rate(x[5m])",
				PrometheusSettings.LABELS, "cluster", PrometheusSettings.STEP, "10m", PrometheusSettings.USERNAME, "u"),
				Map.of());
		assertThat(errors).containsOnlyKeys(PrometheusSettings.URL, PrometheusSettings.SITE,
				PrometheusSettings.SELECTORS, PrometheusSettings.LABELS, PrometheusSettings.STEP,
				PrometheusSettings.PASSWORD);
		assertThat(errors.get(PrometheusSettings.STEP)).startsWith("must be between 1 s and 5 min");

		PrometheusSettings settings = PrometheusSettings.of(
				Map.of(PrometheusSettings.URL, "http://prometheus:9090/", PrometheusSettings.SITE, "AMS1",
						PrometheusSettings.LABELS, "cluster=gpu-a, job=\"dcgm\""),
				Map.of(PrometheusSettings.BEARER_TOKEN, "t0ken"));
		assertThat(settings.url()).hasToString("http://prometheus:9090");
		assertThat(settings.step()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.selectors()).containsExactly(
				"DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{cluster=\"gpu-a\",job=\"dcgm\"}",
				"kepler_node_package_joules_total{cluster=\"gpu-a\",job=\"dcgm\"}",
				"kepler_node_dram_joules_total{cluster=\"gpu-a\",job=\"dcgm\"}",
				"kepler_node_cpu_joules_total{zone=~\"package|dram\",cluster=\"gpu-a\",job=\"dcgm\"}");
		assertThat(settings.toString()).doesNotContain("t0ken").contains("bearer token");
	}

	static List<String> samples(ByteArrayOutputStream dump) {
		return dump.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("#")).toList();
	}

	static final java.time.format.DateTimeFormatter PULL_TIME = java.time.format.DateTimeFormatter
		.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(java.time.ZoneOffset.UTC);

}
