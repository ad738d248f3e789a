package org.greenledger.core.prometheus;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.source.FileStart;
import org.greenledger.core.source.FormatKind;
import org.greenledger.core.source.FormatName;
import org.greenledger.core.source.SourceFile;
import org.greenledger.core.source.SourceFormat;

/**
 * Prometheus or OpenMetrics text dumps of the NVIDIA DCGM exporter and of Kepler, read by
 * {@link PrometheusTextReader}.
 */
public final class PrometheusFormat implements SourceFormat<MeasurementSink> {

	/** The format's name. */
	public static final String NAME = "PROMETHEUS";

	private static final List<FormatName> NAMES = List
		.of(new FormatName(NAME, "a Prometheus/OpenMetrics text dump (DCGM exporter or Kepler)",
				Set.of("PROMETHEUS", "OPENMETRICS", "DCGM", "KEPLER")));

	@Override
	public List<FormatName> names() {
		return NAMES;
	}

	@Override
	public FormatKind<MeasurementSink> kind() {
		return FormatKind.TELEMETRY;
	}

	/**
	 * A comment line first, or a sample line ({@code name{labels} value}) without commas.
	 */
	@Override
	public Optional<String> recognise(FileStart start) {
		String line = start.firstLine();
		return (line.startsWith("#") || !line.contains(",") && sample(line)) ? Optional.of(NAME) : Optional.empty();
	}

	/**
	 * @throws org.greenledger.core.table.InvalidFileException when the upload names no
	 * site
	 */
	@Override
	public String read(SourceFile file, MeasurementSink sink) throws IOException {
		file.requireTelemetrySite();
		PrometheusDump dump = PrometheusTextReader.read(file.fileName(), file.text(), file.reading(), sink);
		return (dump.openMetrics() ? "OpenMetrics text" : "Prometheus text") + " (DCGM/Kepler)";
	}

	/** A line like {@code DCGM_FI_DEV_POWER_USAGE{gpu="0"} 312.5 1700000000000}. */
	private static boolean sample(String line) {
		int end = 0;
		while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_'
				|| line.charAt(end) == ':')) {
			end++;
		}
		return end > 0 && !Character.isDigit(line.charAt(0)) && end < line.length()
				&& (line.charAt(end) == '{' || line.charAt(end) == ' ');
	}

}
