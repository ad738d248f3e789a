package org.greenledger.core.metercsv;

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

/** GreenLedger's own meter CSV, read by {@link MeterCsvReader}. */
public final class MeterCsvFormat implements SourceFormat<MeasurementSink> {

	/** The format's name. */
	public static final String NAME = "METER_CSV";

	private static final List<FormatName> NAMES = List
		.of(new FormatName(NAME, "a GreenLedger meter CSV", Set.of("METERCSV", "METER", "METERS")));

	@Override
	public List<FormatName> names() {
		return NAMES;
	}

	@Override
	public FormatKind<MeasurementSink> kind() {
		return FormatKind.METER;
	}

	/** A header with the columns {@code meter}, {@code quantity} and {@code unit}. */
	@Override
	public Optional<String> recognise(FileStart start) {
		List<String> columns = List.of(start.firstLine().toLowerCase(Locale.ROOT).replace("\"", "").split("\\s*,\\s*"));
		return (columns.contains("meter") && columns.contains("quantity") && columns.contains("unit"))
				? Optional.of(NAME) : Optional.empty();
	}

	@Override
	public String read(SourceFile file, MeasurementSink sink) throws IOException {
		MeterCsvReader.read(file.fileName(), file.text(), file.timeZone(), sink);
		return "GreenLedger meter CSV";
	}

}
