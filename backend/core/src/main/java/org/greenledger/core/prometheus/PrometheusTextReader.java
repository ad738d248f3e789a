package org.greenledger.core.prometheus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.FastNumbers;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.TableRows;
import org.greenledger.core.measured.MeasuredSource;
import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.measured.ReadingContext;
import org.greenledger.core.measured.Series;
import org.greenledger.core.measured.SeriesLabels;
import org.greenledger.core.measured.Quantity;

/**
 * Reads dumps of Prometheus text exposition or OpenMetrics text (many scrapes
 * concatenated, or {@code promtool tsdb dump} output), streaming, and hands the samples
 * of GPU and node energy metrics to a {@link MeasurementSink}.
 *
 * <p>
 * Energy metrics: {@code DCGM_FI_DEV_POWER_USAGE} (W, a {@link MeasurementSink#power}
 * sample) and {@code DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION} (mJ, a
 * {@link MeasurementSink#counter} reading in joules) of the NVIDIA DCGM exporter, and
 * every {@code kepler_*_joules_total} counter of Kepler (J; 0.7 names such as
 * {@code kepler_container_joules_total}, {@code kepler_node_package_joules_total} and
 * 0.10 names such as {@code kepler_node_cpu_joules_total}). Each of their sample lines
 * ends in exactly one sink call: the sample, or a rejection (no timestamp, a value that
 * is not a number, NaN, infinite or negative, broken labels). Other metrics are counted
 * per name ({@link PrometheusDump#ignoredMetrics()}) and not handed over; a dump without
 * any energy metric is an {@link InvalidFileException}. Comment lines ({@code # HELP},
 * {@code # TYPE}, {@code # UNIT}, {@code # EOF}) and blank lines are skipped.
 *
 * <p>
 * Row numbers are physical line numbers, from 1, so that an error points at the line in
 * the file.
 *
 * <p>
 * Timestamps: Prometheus text gives milliseconds since the epoch, OpenMetrics seconds
 * (possibly with decimals). The unit is decided by the first timestamp of the dump:
 * seconds when it has a fraction or an exponent or is below 10<sup>11</sup> (which as
 * milliseconds would be 1973, and as seconds is the year 5138), milliseconds otherwise; a
 * later timestamp in the other unit is rejected. The dump is reported as OpenMetrics when
 * its timestamps are in seconds or it has {@code # EOF} lines. A sample without a
 * timestamp is rejected: a dump without timestamps cannot be integrated over time.
 *
 * <p>
 * Labels become {@link SeriesLabels}: for DCGM {@code gpu}, {@code UUID} (gpu_uuid),
 * {@code modelName} (model), {@code Hostname} (host), {@code namespace}, {@code pod},
 * {@code container} (the {@code exported_} variants win when present, since then the
 * plain ones name the exporter's own pod) and the MIG labels {@code GPU_I_ID},
 * {@code GPU_I_PROFILE} as they are; for Kepler {@code container_namespace} or
 * {@code pod_namespace} (namespace), {@code pod_name} (pod), {@code container_name}
 * (container), {@code node_name}, {@code exported_instance} or {@code instance} (host),
 * {@code mode}, or else {@code zone} (component), and {@code package} as it is. Other
 * labels (scrape job, exporter address, container ids, driver version) are dropped so
 * that a series keeps its identity across exporter restarts. Host and site come from the
 * {@link ReadingContext} when the dump has no host label.
 */
public final class PrometheusTextReader {

	/** The DCGM power gauge, W. */
	public static final String DCGM_POWER = "DCGM_FI_DEV_POWER_USAGE";

	/** The DCGM energy counter, mJ since the driver was loaded. */
	public static final String DCGM_ENERGY = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION";

	private static final String EXPECTED = DCGM_POWER + ", " + DCGM_ENERGY
			+ " (NVIDIA DCGM exporter) or kepler_*_joules_total (Kepler)";

	private static final double SECONDS_LIMIT = 1e11;

	private enum Kind {

		POWER, MILLIJOULES, JOULES, IGNORED

	}

	private final String fileName;

	private final ReadingContext context;

	private final MeasurementSink sink;

	private final Map<String, Metric> metrics = new HashMap<>();

	private @Nullable Metric last;

	/** 0: not known yet, 1: seconds, 1000: milliseconds. */
	private int timestampUnit;

	private boolean eof;

	private long energySamples;

	private PrometheusTextReader(String fileName, ReadingContext context, MeasurementSink sink) {
		this.fileName = fileName;
		this.context = context;
		this.sink = sink;
	}

	/** Reads the dump; returns what it found besides the samples. */
	public static PrometheusDump read(String fileName, Reader reader, ReadingContext context, MeasurementSink sink) {
		PrometheusTextReader dump = new PrometheusTextReader(fileName, context, sink);
		long line = 0;
		try (BufferedReader lines = new BufferedReader(reader, 1 << 16)) {
			for (String text = lines.readLine(); text != null; text = lines.readLine()) {
				line++;
				dump.line(line, text);
			}
		}
		catch (IOException ex) {
			throw TableRows.damaged(fileName, line, ex);
		}
		return dump.summary(line);
	}

	private PrometheusDump summary(long lines) {
		TreeMap<String, Long> ignored = new TreeMap<>();
		for (Metric metric : this.metrics.values()) {
			if (metric.kind == Kind.IGNORED) {
				ignored.put(metric.name, metric.samples);
			}
		}
		if (this.energySamples == 0) {
			String found = ignored.isEmpty() ? "it has no samples at all"
					: "it has " + ignored.size() + " other metric" + ((ignored.size() > 1) ? "s" : "") + " ("
							+ String.join(", ", ignored.keySet().stream().limit(5).toList())
							+ ((ignored.size() > 5) ? ", ..." : "") + ")";
			throw new InvalidFileException(
					this.fileName + ": no GPU or node energy metric in this dump: expected " + EXPECTED + "; " + found);
		}
		return new PrometheusDump(this.eof || this.timestampUnit == 1, lines, this.energySamples, ignored);
	}

	private void line(long row, String text) {
		int length = text.length();
		int i = 0;
		while (i < length && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
			i++;
		}
		if (i == length) {
			return;
		}
		if (text.charAt(i) == '#') {
			if (text.startsWith("# EOF", i)) {
				this.eof = true;
			}
			return;
		}
		int nameStart = i;
		while (i < length && PrometheusSyntax.nameCharacter(text.charAt(i), i == nameStart)) {
			i++;
		}
		if (i == nameStart) {
			reject(row, "*", "is not a sample line: it does not start with a metric name");
			return;
		}
		Metric metric = metric(text, nameStart, i);
		metric.samples++;
		if (metric.kind == Kind.IGNORED) {
			return;
		}
		this.energySamples++;
		sample(row, text, i, metric);
	}

	private void sample(long row, String text, int nameEnd, Metric metric) {
		int length = text.length();
		int i = nameEnd;
		String labels = "";
		if (i < length && text.charAt(i) == '{') {
			int close = PrometheusSyntax.labelsEnd(text, i);
			if (close < 0) {
				reject(row, "labels", "the label set is not closed (a '}' or a quote is missing)");
				return;
			}
			labels = text.substring(i, close + 1);
			i = close + 1;
		}
		int series = series(row, metric, labels);
		if (series < 0) {
			return;
		}
		i = PrometheusSyntax.skipBlanks(text, i);
		int valueStart = i;
		while (i < length && !PrometheusSyntax.blank(text.charAt(i))) {
			i++;
		}
		int valueEnd = i;
		i = PrometheusSyntax.skipBlanks(text, i);
		int timeStart = i;
		while (i < length && !PrometheusSyntax.blank(text.charAt(i))) {
			i++;
		}
		int timeEnd = i;
		i = PrometheusSyntax.skipBlanks(text, i);
		if (valueStart == valueEnd) {
			reject(row, "value", "the sample has no value");
			return;
		}
		if (i < length && text.charAt(i) != '#') {
			reject(row, "*", "unexpected text after the timestamp: '" + text.substring(i) + "'");
			return;
		}
		if (timeStart == timeEnd || text.charAt(timeStart) == '#') {
			reject(row, "timestamp", "the sample has no timestamp: a dump without timestamps cannot be integrated over"
					+ " time (export with timestamps, for example promtool tsdb dump or the query_range API)");
			return;
		}
		double value = FastNumbers.decimal(text, valueStart, valueEnd);
		if (Double.isNaN(value)) {
			String word = text.substring(valueStart, valueEnd);
			reject(row, "value", switch (word) {
				case "NaN" -> "is NaN (the exporter had no reading)";
				case "+Inf", "-Inf", "Inf", "+inf", "-inf", "inf" -> "is infinite (" + word + ")";
				default -> "'" + word + "' is not a number";
			});
			return;
		}
		if (value < 0) {
			reject(row, "value", "is negative (" + text.substring(valueStart, valueEnd) + ")");
			return;
		}
		long millis = timestamp(row, text, timeStart, timeEnd);
		if (millis == Long.MIN_VALUE) {
			return;
		}
		switch (metric.kind) {
			case POWER -> this.sink.power(row, series, millis, value);
			case MILLIJOULES -> this.sink.counter(row, series, millis, value / 1000);
			default -> this.sink.counter(row, series, millis, value);
		}
	}

	/** The timestamp in epoch milliseconds, or Long.MIN_VALUE after rejecting the row. */
	private long timestamp(long row, String text, int from, int to) {
		boolean integer = true;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				integer = false;
				break;
			}
		}
		double value = FastNumbers.decimal(text, from, to);
		if (Double.isNaN(value) || value < 0) {
			reject(row, "timestamp", "'" + text.substring(from, to) + "' is not a timestamp");
			return Long.MIN_VALUE;
		}
		int unit = (!integer || value < SECONDS_LIMIT) ? 1 : 1000;
		if (this.timestampUnit == 0) {
			this.timestampUnit = unit;
		}
		else if (unit != this.timestampUnit) {
			reject(row, "timestamp",
					"'" + text.substring(from, to) + "' is in " + ((unit == 1) ? "seconds" : "milliseconds")
							+ " but this dump's timestamps are in "
							+ ((this.timestampUnit == 1) ? "seconds" : "milliseconds"));
			return Long.MIN_VALUE;
		}
		return (unit == 1) ? Math.round(value * 1000) : (long) value;
	}

	private Metric metric(String text, int from, int to) {
		Metric known = this.last;
		if (known != null && known.name.length() == to - from && text.startsWith(known.name, from)) {
			return known;
		}
		String name = text.substring(from, to);
		Metric metric = this.metrics.get(name);
		if (metric == null) {
			metric = new Metric(name, kind(name));
			this.metrics.put(name, metric);
		}
		this.last = metric;
		return metric;
	}

	private static Kind kind(String name) {
		if (name.equals(DCGM_POWER)) {
			return Kind.POWER;
		}
		if (name.equals(DCGM_ENERGY)) {
			return Kind.MILLIJOULES;
		}
		if (name.startsWith("kepler_") && name.endsWith("_joules_total")) {
			return Kind.JOULES;
		}
		return Kind.IGNORED;
	}

	/** The series handle for a label set, or -1 after rejecting the row. */
	private int series(long row, Metric metric, String labels) {
		Integer known = metric.series.get(labels);
		if (known != null) {
			return known;
		}
		Map<String, String> parsed = new HashMap<>();
		String problem = PrometheusSyntax.parseLabels(labels, parsed);
		if (problem != null) {
			reject(row, "labels", problem);
			return -1;
		}
		boolean dcgm = metric.kind != Kind.JOULES;
		Map<String, String> mapped = dcgm ? dcgmLabels(parsed) : keplerLabels(parsed);
		if (!mapped.containsKey(SeriesLabels.HOST) && this.context.host() != null) {
			mapped.put(SeriesLabels.HOST, this.context.host());
		}
		if (this.context.site() != null) {
			mapped.put(SeriesLabels.SITE, this.context.site());
		}
		int handle = this.sink.series(
				Series.of(dcgm ? MeasuredSource.DCGM : MeasuredSource.KEPLER, metric.name, Quantity.ENERGY, mapped));
		metric.series.put(labels, handle);
		return handle;
	}

	private static Map<String, String> dcgmLabels(Map<String, String> labels) {
		Map<String, String> mapped = new TreeMap<>();
		copy(labels, mapped, SeriesLabels.GPU, "gpu");
		copy(labels, mapped, SeriesLabels.GPU_UUID, "UUID");
		copy(labels, mapped, SeriesLabels.MODEL, "modelName");
		copy(labels, mapped, SeriesLabels.HOST, "Hostname");
		copy(labels, mapped, SeriesLabels.NAMESPACE, "exported_namespace", "namespace");
		copy(labels, mapped, SeriesLabels.POD, "exported_pod", "pod");
		copy(labels, mapped, SeriesLabels.CONTAINER, "exported_container", "container");
		copy(labels, mapped, "GPU_I_ID", "GPU_I_ID");
		copy(labels, mapped, "GPU_I_PROFILE", "GPU_I_PROFILE");
		return mapped;
	}

	private static Map<String, String> keplerLabels(Map<String, String> labels) {
		Map<String, String> mapped = new TreeMap<>();
		copy(labels, mapped, SeriesLabels.NAMESPACE, "container_namespace", "pod_namespace");
		copy(labels, mapped, SeriesLabels.POD, "pod_name");
		copy(labels, mapped, SeriesLabels.CONTAINER, "container_name");
		copy(labels, mapped, SeriesLabels.HOST, "node_name", "exported_instance", "instance");
		copy(labels, mapped, SeriesLabels.COMPONENT, "mode", "zone");
		copy(labels, mapped, "package", "package");
		return mapped;
	}

	/** Copies the first of the source labels that is present and not empty. */
	private static void copy(Map<String, String> labels, Map<String, String> mapped, String key, String... sources) {
		for (String source : sources) {
			String value = labels.get(source);
			if (value != null && !value.isEmpty()) {
				mapped.put(key, value);
				return;
			}
		}
	}

	private void reject(long row, String column, String message) {
		List<RowError> errors = new ArrayList<>(1);
		errors.add(new RowError(row, column, message));
		this.sink.rejected(row, errors);
	}

	/** A metric name seen in the dump. */
	private static final class Metric {

		final String name;

		final Kind kind;

		final Map<String, Integer> series = new HashMap<>();

		long samples;

		Metric(String name, Kind kind) {
			this.name = name;
			this.kind = kind;
		}

	}

}
