package org.greenledger.core.source;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One input format GreenLedger reads: what it is called, which kind of data it holds, how
 * a file of it is recognised from its start, and how its rows are read into the kind's
 * sink. Every format's package exports one, and {@code core.formats.SourceFormats}
 * registers them all in one place.
 *
 * @param <S> the sink the format's rows are read into (its {@link #kind()}'s)
 */
public interface SourceFormat<S> {

	/**
	 * The names a user may give the format on upload (the API's {@code format}); the
	 * first is the format's own, further ones name editions its reader also reads
	 * ({@code AWS_CUR2} beside {@code AWS_CUR}).
	 */
	List<FormatName> names();

	/** The format's own name, the registry's key. */
	default String name() {
		return names().getFirst().name();
	}

	/** What the format is, for messages ("a CodeCarbon emissions.csv"). */
	default String description() {
		return names().getFirst().description();
	}

	/** The kind of data the format holds, which decides the sink and the pipeline. */
	FormatKind<S> kind();

	/**
	 * Whether a file is of this format, from its start: the name of the edition it is
	 * (one of {@link #names()}), or empty when it is not this format.
	 */
	Optional<String> recognise(FileStart start);

	/**
	 * Reads every row of the file into the sink (accepted or rejected row by row).
	 * @return the label the job records, for example "FOCUS 1.2" or "nvidia-smi CSV"
	 * @throws org.greenledger.core.table.InvalidFileException when the file cannot be
	 * read as a whole
	 */
	String read(SourceFile file, S sink) throws IOException;

}
