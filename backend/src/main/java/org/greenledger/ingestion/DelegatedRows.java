package org.greenledger.ingestion;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A CSV or Parquet file's header and rows of text cells, for a {@link DelegatedFormat}
 * (Parquet values read like the same export as CSV).
 */
public interface DelegatedRows extends AutoCloseable {

	/** Column names as in the file. */
	List<String> header();

	/**
	 * The next row's cells (an empty cell is an empty string or null), or null at the
	 * end.
	 * @throws InvalidFileException when the file cannot be read further
	 */
	@Nullable List<String> next();

	@Override
	void close();

}
