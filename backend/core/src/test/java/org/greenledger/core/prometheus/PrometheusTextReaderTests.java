package org.greenledger.core.prometheus;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;
import org.greenledger.core.measured.MeasuredLine;
import org.greenledger.core.measured.MeasuredSource;
import org.greenledger.core.measured.MeasurementTally;
import org.greenledger.core.measured.ReadingContext;
import org.greenledger.core.measured.RecordingSink;
import org.greenledger.core.measured.Series;
import org.greenledger.core.measured.SeriesLabels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class PrometheusTextReaderTests {

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures");

	private static final long NOON = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

	private final RecordingSink sink = new RecordingSink();

	private final List<MeasuredLine> lines = new ArrayList<>();

	private final MeasurementTally tally = new MeasurementTally(Duration.ofMinutes(5), this.lines::add);

	@Test
	void dcgmPowerIsAGaugeInWattsAndTheEnergyCounterIsConvertedFromMillijoules() throws IOException {
		PrometheusDump dump = PrometheusTextReader.read("dcgm-h100.prom",
				Files.newBufferedReader(FIXTURES.resolve("prometheus/dcgm-h100.prom")), ReadingContext.NONE, this.sink);

		assertThat(dump.openMetrics()).isFalse();
		assertThat(dump.energySamples()).isEqualTo(6);
		assertThat(dump.ignoredMetrics()).containsExactly(entry("DCGM_FI_DEV_GPU_UTIL", 3L));
		assertThat(this.sink.calls)
			.extracting(RecordingSink.Call::kind, RecordingSink.Call::row, RecordingSink.Call::millis,
					RecordingSink.Call::value)
			.containsExactly(tuple("power", 6L, NOON, 300.0), tuple("counter", 9L, NOON, 8123456.789),
					tuple("power", 16L, NOON + 30_000, 300.0), tuple("counter", 19L, NOON + 30_000, 8132456.789),
					tuple("power", 26L, NOON + 60_000, 300.0), tuple("counter", 29L, NOON + 60_000, 8141456.789));
		Series power = this.sink.series.get(0);
		assertThat(power.source()).isEqualTo(MeasuredSource.DCGM);
		assertThat(power.metric()).isEqualTo("DCGM_FI_DEV_POWER_USAGE");
		assertThat(power.labels()).containsExactly(entry(SeriesLabels.CONTAINER, "trainer"),
				entry(SeriesLabels.GPU, "0"), entry(SeriesLabels.GPU_UUID, "GPU-8c2f4a1e-3b7d-4e5f-9a6c-0d1e2f3a4b5c"),
				entry(SeriesLabels.HOST, "gpu-node-07"), entry(SeriesLabels.MODEL, "NVIDIA H100 80GB HBM3"),
				entry(SeriesLabels.NAMESPACE, "ml-research"), entry(SeriesLabels.POD, "llm-pretrain-0"));
		assertThat(this.sink.series.get(1).metric()).isEqualTo("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION");
	}

	@Test
	void dcgmGaugeAndCounterGiveTheSameEnergy() throws IOException {
		PrometheusTextReader.read("dcgm-h100.prom",
				Files.newBufferedReader(FIXTURES.resolve("prometheus/dcgm-h100.prom")), ReadingContext.NONE,
				this.tally);
		this.tally.finish();
		// 300 W for 60 s = 18 000 J; the counter grows by 2 x 9 000 000 mJ
		assertThat(this.lines).hasSize(2)
			.allSatisfy(line -> assertThat(line.amount()).isCloseTo(18_000 / 3.6e6, within(1e-12)));
	}

	@Test
	void exportedPodLabelsWinOverTheExportersOwn() {
		read("DCGM_FI_DEV_POWER_USAGE{gpu=\"1\",namespace=\"gpu-operator\",pod=\"dcgm-exporter-x\",exported_namespace=\"ml\",exported_pod=\"train-1\",job=\"dcgm\",instance=\"10.0.0.5:9400\"} 250 1714564800000\n",
				this.sink);
		assertThat(this.sink.series.get(0).labels()).containsExactly(entry(SeriesLabels.GPU, "1"),
				entry(SeriesLabels.NAMESPACE, "ml"), entry(SeriesLabels.POD, "train-1"));
	}

	@Test
	void keplerCountersOfVersion07WithAResetGiveTheRightEnergyAndANote() throws IOException {
		PrometheusDump dump = PrometheusTextReader.read("kepler-0.7.prom",
				Files.newBufferedReader(FIXTURES.resolve("prometheus/kepler-0.7.prom")),
				new ReadingContext("AMS2", null, null), this.tally);
		this.tally.finish();

		assertThat(dump.energySamples()).isEqualTo(12);
		assertThat(dump.ignoredMetrics()).containsOnlyKeys("kepler_exporter_build_info");
		assertThat(this.tally.accepted()).isEqualTo(12);
		assertThat(this.tally.series()).hasSize(3);
		Series dynamic = this.tally.series(0);
		assertThat(dynamic.source()).isEqualTo(MeasuredSource.KEPLER);
		assertThat(dynamic.labels()).containsExactly(entry(SeriesLabels.COMPONENT, "dynamic"),
				entry(SeriesLabels.CONTAINER, "api"), entry(SeriesLabels.NAMESPACE, "shop"),
				entry(SeriesLabels.POD, "api-6d8f9c7b5-qx2lm"), entry(SeriesLabels.SITE, "AMS2"));
		assertThat(this.tally.series(2).labels()).containsEntry(SeriesLabels.HOST, "worker-3")
			.containsEntry("package", "0")
			.doesNotContainKey("source");
		Map<Integer, Double> joules = joulesBySeries();
		// 1200.5 -> 1260.5 (+60), reset to 30 (+30), -> 90 (+60)
		assertThat(joules.get(0)).isCloseTo(150, within(1e-9));
		assertThat(joules.get(1)).isCloseTo(30, within(1e-9));
		assertThat(joules.get(2)).isCloseTo(18_000, within(1e-9));
		assertThat(this.tally.notes()).singleElement().satisfies(note -> {
			assertThat(note.row()).isEqualTo(23);
			assertThat(note.series()).contains("kepler_container_joules_total").contains("dynamic");
			assertThat(note.message()).contains("counter reset").contains("1260.5 J (row 13)");
		});
	}

	@Test
	void keplerOpenMetricsOfVersion010WithSecondsTimestampsAndEscapedLabels() throws IOException {
		PrometheusDump dump = PrometheusTextReader.read("kepler-0.10.om.txt",
				Files.newBufferedReader(FIXTURES.resolve("prometheus/kepler-0.10.om.txt")), ReadingContext.NONE,
				this.tally);
		this.tally.finish();

		assertThat(dump.openMetrics()).isTrue();
		assertThat(dump.lines()).isEqualTo(30);
		assertThat(dump.ignoredMetrics()).containsExactly(entry("kepler_node_cpu_usage_ratio", 3L));
		assertThat(this.tally.series(0).metric()).isEqualTo("kepler_node_cpu_joules_total");
		assertThat(this.tally.series(0).labels()).containsExactly(entry(SeriesLabels.COMPONENT, "package"),
				entry(SeriesLabels.HOST, "worker-9"));
		assertThat(this.tally.series(1).labels()).containsEntry(SeriesLabels.CONTAINER, "web \"edge\"");
		Map<Integer, Double> joules = joulesBySeries();
		// 10000.25 -> 10120.25 (+120), reset to 8.5 (+8.5)
		assertThat(joules.get(0)).isCloseTo(128.5, within(1e-9));
		assertThat(joules.get(1)).isCloseTo(60, within(1e-9));
		assertThat(this.tally.notes()).singleElement().satisfies(note -> assertThat(note.row()).isEqualTo(24));
		assertThat(this.lines).filteredOn(line -> line.series() == 0)
			.singleElement()
			.satisfies(line -> assertThat(line.endMillis()).isEqualTo(NOON + 61_000));
	}

	@Test
	void openMetricsSecondsTimestampsKeepTheirMilliseconds() {
		PrometheusDump dump = read(
				"kepler_node_dram_joules_total{instance=\"n1\",mode=\"idle\"} 5 1714564800.123 # {trace_id=\"a\"} 1\n# EOF\n",
				this.sink);
		assertThat(dump.openMetrics()).isTrue();
		assertThat(this.sink.calls).singleElement().satisfies(call -> assertThat(call.millis()).isEqualTo(NOON + 123));
	}

	@Test
	void samplesWithoutTimestampsOrWithBadValuesAreRejectedOnePerLine() {
		PrometheusDump dump = read("""
				# TYPE DCGM_FI_DEV_POWER_USAGE gauge
				DCGM_FI_DEV_POWER_USAGE{gpu="0"} 1 1714564799000
				DCGM_FI_DEV_POWER_USAGE{gpu="0"} 300
				DCGM_FI_DEV_POWER_USAGE{gpu="0"} NaN 1714564800000
				DCGM_FI_DEV_POWER_USAGE{gpu="0"} +Inf 1714564800000
				DCGM_FI_DEV_POWER_USAGE{gpu="0"} -2 1714564800000
				DCGM_FI_DEV_POWER_USAGE{gpu="0"} abc 1714564800000
				DCGM_FI_DEV_POWER_USAGE{gpu="0} 1 1714564800000
				DCGM_FI_DEV_POWER_USAGE{gpu=0} 1 1714564800000
				DCGM_FI_DEV_POWER_USAGE{gpu="0"} 1 1714564800.5
				DCGM_FI_DEV_POWER_USAGE{gpu="0"} 1 1714564801000 extra
				{gpu="0"} 1 1714564801000
				DCGM_FI_DEV_POWER_USAGE{gpu="0"} 1 1714564801000
				""", this.sink);
		assertThat(dump.energySamples()).isEqualTo(11);
		assertThat(this.sink.rows).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
		assertThat(this.sink.errors).extracting(RowError::row, RowError::column, RowError::message)
			.containsExactly(tuple(3L, "timestamp",
					"the sample has no timestamp: a dump without timestamps cannot be integrated over time (export with timestamps, for example promtool tsdb dump or the query_range API)"),
					tuple(4L, "value", "is NaN (the exporter had no reading)"),
					tuple(5L, "value", "is infinite (+Inf)"), tuple(6L, "value", "is negative (-2)"),
					tuple(7L, "value", "'abc' is not a number"),
					tuple(8L, "labels", "the label set is not closed (a '}' or a quote is missing)"),
					tuple(9L, "labels", "the value of label gpu is not quoted"),
					tuple(10L, "timestamp",
							"'1714564800.5' is in seconds but this dump's timestamps are in milliseconds"),
					tuple(11L, "*", "unexpected text after the timestamp: 'extra'"),
					tuple(12L, "*", "is not a sample line: it does not start with a metric name"));
		assertThat(this.sink.calls.get(this.sink.calls.size() - 1).kind()).isEqualTo("power");
	}

	@Test
	void aBraceInsideALabelValueDoesNotEndTheLabelSet() {
		read("DCGM_FI_DEV_POWER_USAGE{gpu=\"0\",pod=\"a}b\"} 5 1714564800000\n"
				+ "DCGM_FI_DEV_POWER_USAGE{gpu=\"0\",pod=\"a}b\\\\\"} 6 1714564800000\n", this.sink);
		assertThat(this.sink.series).extracting(series -> series.label(SeriesLabels.POD))
			.containsExactly("a}b", "a}b\\");
		assertThat(this.sink.calls).extracting(RecordingSink.Call::value).containsExactly(5.0, 6.0);
	}

	@Test
	void labelValuesWithEscapesAreUnescaped() {
		Map<String, String> labels = new HashMap<>();
		assertThat(PrometheusSyntax.parseLabels("{a=\"x\\\"y\\\\z\\nw\",b=\"}\",}", labels)).isNull();
		assertThat(labels).containsExactly(entry("a", "x\"y\\z\nw"), entry("b", "}"));
		assertThat(PrometheusSyntax.parseLabels("{a=\"1\",a=\"2\"}", new HashMap<>()))
			.isEqualTo("label a appears twice");
	}

	@Test
	void aDumpWithoutEnergyMetricsIsRefusedNamingTheExpectedMetrics() {
		assertThatThrownBy(() -> read("""
				# TYPE up gauge
				up{job="node"} 1 1714564800000
				node_cpu_seconds_total{cpu="0",mode="idle"} 1234.5 1714564800000
				""", this.sink)).isInstanceOf(InvalidFileException.class)
			.hasMessage("dump.prom: no GPU or node energy metric in this dump: expected DCGM_FI_DEV_POWER_USAGE, "
					+ "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION (NVIDIA DCGM exporter) or kepler_*_joules_total (Kepler); "
					+ "it has 2 other metrics (node_cpu_seconds_total, up)");
		assertThatThrownBy(() -> read("", this.sink)).isInstanceOf(InvalidFileException.class)
			.hasMessageEndingWith("it has no samples at all");
	}

	@Test
	void theHostComesFromTheContextWhenTheDumpHasNone() {
		read("DCGM_FI_DEV_POWER_USAGE{gpu=\"0\"} 100 1714564800000\n", new ReadingContext("FRA1", "h1", null),
				this.sink);
		assertThat(this.sink.series.get(0).labels()).containsEntry(SeriesLabels.HOST, "h1")
			.containsEntry(SeriesLabels.SITE, "FRA1");
	}

	private Map<Integer, Double> joulesBySeries() {
		Map<Integer, Double> joules = new HashMap<>();
		for (MeasuredLine line : this.lines) {
			joules.merge(line.series(), line.amount() * 3.6e6, Double::sum);
		}
		return joules;
	}

	private static PrometheusDump read(String text, RecordingSink sink) {
		return read(text, ReadingContext.NONE, sink);
	}

	private static PrometheusDump read(String text, ReadingContext context, RecordingSink sink) {
		return PrometheusTextReader.read("dump.prom", new StringReader(text), context, sink);
	}

}
