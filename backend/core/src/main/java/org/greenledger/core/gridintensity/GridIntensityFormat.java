package org.greenledger.core.gridintensity;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import java.util.Locale;

import org.greenledger.core.measured.GridIntensitySink;
import org.greenledger.core.source.FileStart;
import org.greenledger.core.source.FormatKind;
import org.greenledger.core.source.FormatName;
import org.greenledger.core.source.SourceFile;
import org.greenledger.core.source.SourceFormat;

/**
 * Hourly grid intensity in the Electricity Maps export layout, read by
 * {@link GridIntensityReader}.
 */
public final class GridIntensityFormat implements SourceFormat<GridIntensitySink> {

	/** The format's name. */
	public static final String NAME = "GRID_INTENSITY";

	private static final List<FormatName> NAMES = List
		.of(new FormatName(NAME, "an hourly grid intensity CSV (Electricity Maps layout)",
				Set.of("GRIDINTENSITY", "ELECTRICITYMAPS", "GRID")));

	@Override
	public List<FormatName> names() {
		return NAMES;
	}

	@Override
	public FormatKind<GridIntensitySink> kind() {
		return FormatKind.GRID;
	}

	/** A header with {@code Datetime (UTC)} and {@code Zone id}. */
	@Override
	public Optional<String> recognise(FileStart start) {
		String header = start.firstLine().toLowerCase(Locale.ROOT);
		return (header.contains("datetime (utc)") && header.contains("zone id")) ? Optional.of(NAME) : Optional.empty();
	}

	@Override
	public String read(SourceFile file, GridIntensitySink sink) throws IOException {
		GridIntensityReader.read(file.fileName(), file.text(), sink);
		return "Hourly grid intensity CSV";
	}

}
