package org.greenledger.core.greenbutton;

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

/** Green Button (NAESB REQ.21 ESPI) Atom XML, read by {@link GreenButtonReader}. */
public final class GreenButtonFormat implements SourceFormat<MeasurementSink> {

	/** The format's name. */
	public static final String NAME = "GREEN_BUTTON";

	private static final List<FormatName> NAMES = List
		.of(new FormatName(NAME, "a Green Button (ESPI) XML file", Set.of("GREENBUTTON", "ESPI")));

	@Override
	public List<FormatName> names() {
		return NAMES;
	}

	@Override
	public FormatKind<MeasurementSink> kind() {
		return FormatKind.METER;
	}

	/** XML: the file starts with {@code <}. */
	@Override
	public Optional<String> recognise(FileStart start) {
		return start.text().startsWith("<") ? Optional.of(NAME) : Optional.empty();
	}

	@Override
	public String read(SourceFile file, MeasurementSink sink) throws IOException {
		GreenButtonReader.read(file.fileName(), file.content(), file.reading(), sink);
		return "Green Button (ESPI) XML";
	}

}
