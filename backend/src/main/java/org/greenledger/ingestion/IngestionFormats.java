package org.greenledger.ingestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.BillingFormat;

/**
 * Every format an upload may name, and which family (billing or measured data) a file's
 * first bytes belong to.
 */
final class IngestionFormats {

	private IngestionFormats() {
	}

	/** The canonical name of a format a user named, if it is one. */
	static Optional<String> parse(String requested) {
		return BillingFormat.parse(requested).map(Enum::name).or(() -> MeasuredFormat.parse(requested).map(Enum::name));
	}

	static List<String> names() {
		List<String> names = new ArrayList<>(BillingFormat.names());
		for (MeasuredFormat format : MeasuredFormat.values()) {
			names.add(format.name());
		}
		return names;
	}

	/**
	 * The measured format of a file from its first bytes (decompressed), or null when it
	 * is not measured data (billing readers then decide).
	 */
	static @Nullable MeasuredFormat detect(byte[] head) {
		String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
		String start = text.stripLeading();
		if (start.startsWith("<")) {
			return MeasuredFormat.GREEN_BUTTON;
		}
		if (start.startsWith("PAR1") || start.startsWith("{") || start.startsWith("[")) {
			return null;
		}
		String firstLine = start.lines().findFirst().orElse("");
		String header = firstLine.toLowerCase(Locale.ROOT);
		if (header.contains("project_name") && header.contains("energy_consumed")) {
			return MeasuredFormat.CODECARBON;
		}
		if (header.contains("power.draw")) {
			return MeasuredFormat.NVIDIA_SMI;
		}
		if (header.contains("datetime (utc)") && header.contains("zone id")) {
			return MeasuredFormat.GRID_INTENSITY;
		}
		List<String> columns = List.of(header.replace("\"", "").split("\\s*,\\s*"));
		if (columns.contains("meter") && columns.contains("quantity") && columns.contains("unit")) {
			return MeasuredFormat.METER_CSV;
		}
		if (firstLine.startsWith("#") || !firstLine.contains(",") && prometheusSample(firstLine)) {
			return MeasuredFormat.PROMETHEUS;
		}
		return null;
	}

	/** A line like {@code DCGM_FI_DEV_POWER_USAGE{gpu="0"} 312.5 1700000000000}. */
	private static boolean prometheusSample(String line) {
		int end = 0;
		while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_'
				|| line.charAt(end) == ':')) {
			end++;
		}
		return end > 0 && !Character.isDigit(line.charAt(0)) && end < line.length()
				&& (line.charAt(end) == '{' || line.charAt(end) == ' ');
	}

}
