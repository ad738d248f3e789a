package org.greenledger.connectors.prometheus;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.connectors.ConnectorException;

/**
 * Writes samples as Prometheus text exposition lines with millisecond timestamps
 * ({@code name{label="value",...} value timestamp_ms}), labels in name order and escaped
 * as the format says, counting samples and distinct series. Stops with a
 * {@link ConnectorException} past the sample limit, before the dump grows further.
 */
final class TextDump implements PrometheusApi.MatrixSink {

	private final Writer out;

	private final long maxSamples;

	private final Set<String> series = new HashSet<>();

	private @Nullable String current;

	private long samples;

	TextDump(Writer out, long maxSamples) {
		this.out = out;
		this.maxSamples = maxSamples;
	}

	void comment(String text) throws ConnectorException {
		write("# " + text.replace('\n', ' ') + "\n");
	}

	@Override
	public void series(Map<String, String> labels) throws ConnectorException {
		String name = labels.get("__name__");
		if (name == null) {
			throw new ConnectorException("Prometheus answered a series without a metric name (" + labels
					+ "): give metric selectors, not expressions");
		}
		StringBuilder line = new StringBuilder(name).append('{');
		boolean first = true;
		for (Map.Entry<String, String> label : labels.entrySet()) {
			if (label.getKey().equals("__name__")) {
				continue;
			}
			if (!first) {
				line.append(',');
			}
			first = false;
			line.append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
		}
		this.current = line.append("} ").toString();
		this.series.add(this.current);
	}

	@Override
	public void sample(BigDecimal seconds, String value) throws ConnectorException {
		if (this.current == null) {
			throw new ConnectorException("Prometheus answered samples without a series");
		}
		if (++this.samples > this.maxSamples) {
			throw new ConnectorException("the pull has more than " + this.maxSamples
					+ " samples, the limit of one pull: raise the step, narrow the selectors with labels, or let the"
					+ " connector run more often so that each pull covers less time");
		}
		write(this.current + value + " " + seconds.movePointRight(3).toBigInteger() + "\n");
	}

	long samples() {
		return this.samples;
	}

	int seriesCount() {
		return this.series.size();
	}

	void flush() throws ConnectorException {
		try {
			this.out.flush();
		}
		catch (IOException ex) {
			throw cannotWrite(ex);
		}
	}

	private void write(String text) throws ConnectorException {
		try {
			this.out.write(text);
		}
		catch (IOException ex) {
			throw cannotWrite(ex);
		}
	}

	private static ConnectorException cannotWrite(IOException ex) {
		return new ConnectorException("the pulled samples could not be written to the file to ingest", ex);
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
	}

}
