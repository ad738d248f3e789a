package org.greenledger.connectors.prometheus;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.greenledger.connectors.ConnectorException;

/**
 * Pulls the energy metrics of a PROMETHEUS connector for an interval and renders them as
 * a Prometheus text dump ({@code name{labels} value timestamp_ms} lines), which
 * ingestion's DCGM/Kepler reader ingests like an uploaded dump, with the same rules
 * (counters differenced, resets noted, energy per series and clock hour, labels mapped,
 * the connector's site applied).
 *
 * <p>
 * A pull of [from, to] asks {@code /api/v1/query_range} for each selector at the step, so
 * each series has a reading at {@code from} and every step after it up to {@code to}
 * (Prometheus takes the latest sample at or before each instant, within its 5-minute
 * look-back). The energy between two readings of a counter belongs to the pull that has
 * both: when the next pull starts where this one ends, nothing is lost or counted twice,
 * so the scheduler should pass bounds on the step ({@link #floorToStep}). Prometheus
 * answers at most 11,000 points per series and query; longer intervals are asked in
 * chunks of {@value #POINTS_PER_QUERY} points. A pull stops with a
 * {@link ConnectorException} past {@value #MAX_SAMPLES} samples (about 200 MB of text): a
 * larger one would be one upload too large to hold, and storing part of it is not an
 * option.
 */
public final class PrometheusPuller {

	/** The most samples one pull renders. */
	public static final long MAX_SAMPLES = 1_000_000;

	/** Points per series and range query: below Prometheus' limit of 11,000. */
	static final int POINTS_PER_QUERY = 10_000;

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final PrometheusSettings settings;

	private final PrometheusApi api;

	private final long maxSamples;

	private final int pointsPerQuery;

	public PrometheusPuller(PrometheusSettings settings) {
		this(settings, MAX_SAMPLES, POINTS_PER_QUERY);
	}

	PrometheusPuller(PrometheusSettings settings, long maxSamples, int pointsPerQuery) {
		this.settings = settings;
		this.api = new PrometheusApi(settings,
				HttpClient.newBuilder()
					.connectTimeout(Duration.ofSeconds(10))
					.followRedirects(HttpClient.Redirect.NORMAL)
					.build());
		this.maxSamples = maxSamples;
		this.pointsPerQuery = pointsPerQuery;
	}

	/**
	 * Checks that Prometheus answers with the credentials and accepts every selector (an
	 * instant query counting each selector's series).
	 */
	public void check() throws ConnectorException {
		for (String selector : this.settings.selectors()) {
			this.api.query("count(" + selector + ")", selector);
		}
	}

	/**
	 * Pulls [from, to] into {@code out} (UTF-8 text; the caller closes it and discards it
	 * on failure).
	 * @param connector the connector's name, for the file name
	 * @throws ConnectorException when Prometheus cannot be asked, refuses, answers
	 * something else, has no sample for any selector in the interval, or the pull passes
	 * the sample limit
	 */
	public Pull pull(String connector, Instant from, Instant to, OutputStream out) throws ConnectorException {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("the interval must end after it starts: " + from + " to " + to);
		}
		Duration step = this.settings.step();
		long points = Duration.between(from, to).toMillis() / step.toMillis() + 1;
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		TextDump dump = new TextDump(writer, this.maxSamples);
		dump.comment("GreenLedger connector '" + connector + "': Prometheus " + this.settings.url() + ", from " + from
				+ " to " + to + " at a step of " + step + ", site " + this.settings.site());
		for (String selector : this.settings.selectors()) {
			dump.comment("selector " + selector);
			for (long first = 0; first < points; first += this.pointsPerQuery) {
				long count = Math.min(this.pointsPerQuery, points - first);
				Instant start = from.plus(step.multipliedBy(first));
				Instant end = start.plus(step.multipliedBy(count - 1));
				this.api.queryRange(selector, start, end, step, dump);
			}
		}
		dump.flush();
		if (dump.samples() == 0) {
			throw new ConnectorException("the query returned no samples for "
					+ String.join(", ", this.settings.selectors()) + " between " + from + " and " + to + " at "
					+ this.settings.url()
					+ ": check the selectors and labels, and that Prometheus scraped the exporters in that interval");
		}
		return new Pull(fileName(connector, from, to), dump.samples(), dump.seriesCount(), from, to);
	}

	/**
	 * The latest instant at or before {@code time} that is a whole number of steps since
	 * the epoch: pulls whose bounds are aligned so meet exactly, each reading in one
	 * pull's end and the next one's start, so no energy is lost or counted twice.
	 */
	public Instant floorToStep(Instant time) {
		long step = this.settings.step().toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), step) * step);
	}

	/**
	 * The file name of a pull, stable per connector and interval:
	 * {@code prometheus-<connector>-<from>-<to>.prom}, times in UTC as
	 * {@code yyyyMMddTHHmmssZ}, the name reduced to letters, digits, dots, dashes and
	 * underscores.
	 */
	public static String fileName(String connector, Instant from, Instant to) {
		String name = connector.strip().replaceAll("[^A-Za-z0-9._-]+", "-");
		return "prometheus-" + name + "-" + FILE_TIME.format(from) + "-" + FILE_TIME.format(to) + ".prom";
	}

	/**
	 * What a pull rendered.
	 *
	 * @param fileName the name to ingest the dump under
	 * @param samples the sample lines written
	 * @param series the distinct series
	 * @param from the first reading's time
	 * @param to the last reading's time (at most)
	 */
	public record Pull(String fileName, long samples, int series, Instant from, Instant to) {

	}

}
