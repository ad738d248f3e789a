package org.greenledger.providercarbon;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.greenledger.ingestion.DelegatedFile;

/**
 * A reader of one provider's carbon files: recognises them and turns their rows into
 * {@link ProviderRecord}s, rejecting bad rows through {@link DelegatedFile#reject}.
 */
public interface ProviderReader {

	/** The formats' names, as jobs record them. */
	List<String> formats();

	/**
	 * The format of a text file from its start (decoded, stripped), if it is one of
	 * these.
	 */
	Optional<String> recognise(String start);

	/** The format of a Parquet file from its column names, if it is one of these. */
	default Optional<String> recogniseColumns(List<String> columns) {
		return Optional.empty();
	}

	/**
	 * Reads the file (of {@link DelegatedFile#format()}), handing every accepted row to
	 * {@code records}.
	 * @return the number of rows (records) read
	 */
	long read(DelegatedFile file, Consumer<ProviderRecord> records);

	/** Whether the format holds water allocations ({@link #readWater}), not carbon. */
	default boolean water(String format) {
		return false;
	}

	/**
	 * Reads a water file (of {@link DelegatedFile#format()}), handing every accepted
	 * record to {@code records}.
	 * @return the number of records read
	 */
	default long readWater(DelegatedFile file, Consumer<WaterRecord> records) {
		throw new IllegalStateException(file.format() + " holds no water allocations");
	}

}
