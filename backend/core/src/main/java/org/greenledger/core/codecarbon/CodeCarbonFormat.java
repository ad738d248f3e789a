package org.greenledger.core.codecarbon;

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

/** CodeCarbon's {@code emissions.csv}, read by {@link CodeCarbonReader}. */
public final class CodeCarbonFormat implements SourceFormat<MeasurementSink> {

	/** The format's name. */
	public static final String NAME = "CODECARBON";

	private static final List<FormatName> NAMES = List
		.of(new FormatName(NAME, "a CodeCarbon emissions.csv", Set.of("CODECARBON", "EMISSIONSCSV")));

	@Override
	public List<FormatName> names() {
		return NAMES;
	}

	@Override
	public FormatKind<MeasurementSink> kind() {
		return FormatKind.TELEMETRY;
	}

	/** A header with {@code project_name} and {@code energy_consumed}. */
	@Override
	public Optional<String> recognise(FileStart start) {
		String header = start.firstLine().toLowerCase(Locale.ROOT);
		return (header.contains("project_name") && header.contains("energy_consumed")) ? Optional.of(NAME)
				: Optional.empty();
	}

	@Override
	public String read(SourceFile file, MeasurementSink sink) throws IOException {
		CodeCarbonReader.read(file.fileName(), file.text(), file.zone(), sink);
		return "CodeCarbon emissions.csv";
	}

}
