package org.greenledger.ingestion;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.greenledger.core.table.InvalidFileException;

/**
 * The measured-data formats GreenLedger reads, as a user may name them when uploading.
 */
enum MeasuredFormat {

	CODECARBON("a CodeCarbon emissions.csv", Set.of("CODECARBON", "EMISSIONSCSV")),

	NVIDIA_SMI("an nvidia-smi CSV query", Set.of("NVIDIASMI", "SMI")),

	PROMETHEUS("a Prometheus/OpenMetrics text dump (DCGM exporter or Kepler)",
			Set.of("PROMETHEUS", "OPENMETRICS", "DCGM", "KEPLER")),

	METER_CSV("a GreenLedger meter CSV", Set.of("METERCSV", "METER", "METERS")),

	GREEN_BUTTON("a Green Button (ESPI) XML file", Set.of("GREENBUTTON", "ESPI")),

	GRID_INTENSITY("an hourly grid intensity CSV (Electricity Maps layout)",
			Set.of("GRIDINTENSITY", "ELECTRICITYMAPS", "GRID"));

	private final String description;

	private final Set<String> spellings;

	MeasuredFormat(String description, Set<String> spellings) {
		this.description = description;
		this.spellings = spellings;
	}

	String description() {
		return this.description;
	}

	static Optional<MeasuredFormat> parse(String requested) {
		String key = requested.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		return Arrays.stream(values()).filter(format -> format.spellings.contains(key)).findFirst();
	}

	/**
	 * The measured-data format of a file, checked against the format the upload named;
	 * null for a billing export (its readers check the named format themselves).
	 */
	static @Nullable MeasuredFormat checked(String fileName, @Nullable String requested,
			@Nullable MeasuredFormat detected) {
		MeasuredFormat wanted = (requested != null) ? MeasuredFormat.parse(requested).orElse(null) : null;
		boolean mismatch = (wanted != null) ? wanted != detected : requested != null && detected != null;
		if (mismatch) {
			throw new InvalidFileException(fileName + ": " + ((wanted != null) ? wanted.name() : requested)
					+ " was requested, but the file is "
					+ ((detected != null) ? detected.description() : "not " + wanted.description())
					+ "; send it without a format to have it detected");
		}
		return detected;
	}

}
