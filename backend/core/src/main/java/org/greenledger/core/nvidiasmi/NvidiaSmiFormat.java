package org.greenledger.core.nvidiasmi;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import java.util.Locale;

import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.source.FileStart;
import org.greenledger.core.source.FormatKind;
import org.greenledger.core.source.FormatName;
import org.greenledger.core.source.SourceFile;
import org.greenledger.core.source.SourceFormat;

/**
 * {@code nvidia-smi --query-gpu=... --format=csv} logs, read by {@link NvidiaSmiReader}.
 */
public final class NvidiaSmiFormat implements SourceFormat<MeasurementSink> {

	/** The format's name. */
	public static final String NAME = "NVIDIA_SMI";

	private static final List<FormatName> NAMES = List
		.of(new FormatName(NAME, "an nvidia-smi CSV query", Set.of("NVIDIASMI", "SMI")));

	@Override
	public List<FormatName> names() {
		return NAMES;
	}

	@Override
	public FormatKind<MeasurementSink> kind() {
		return FormatKind.TELEMETRY;
	}

	/** A header with {@code power.draw}. */
	@Override
	public Optional<String> recognise(FileStart start) {
		return start.firstLine().toLowerCase(Locale.ROOT).contains("power.draw") ? Optional.of(NAME) : Optional.empty();
	}

	/**
	 * @throws org.greenledger.core.table.InvalidFileException when the upload names no
	 * site
	 */
	@Override
	public String read(SourceFile file, MeasurementSink sink) throws IOException {
		file.requireTelemetrySite();
		NvidiaSmiReader.read(file.fileName(), file.text(), file.reading(), file.zone(), sink);
		return "nvidia-smi CSV";
	}

}
