package org.greenledger.ingestion;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Formats that another module stores in tables of its own (the providers' carbon figures,
 * for example) but that arrive through the same upload, job and file store as every other
 * file: ingestion detects them first, runs the file into the module's store inside the
 * job's transaction, and accounts for its rows (row errors refuse the whole file; nothing
 * of it is then stored).
 */
public interface DelegatedFormat {

	/** The formats' names, as a job records them and a user may name them. */
	List<String> names();

	/**
	 * The format of a text file (CSV or JSON) from its first bytes, decompressed and
	 * decoded, a byte-order mark removed; empty when it is none of this module's formats.
	 */
	Optional<String> recognise(String start);

	/**
	 * The format of a Parquet file from its column names; empty when it is none of this
	 * module's formats.
	 */
	Optional<String> recogniseColumns(List<String> columns);

	/**
	 * Reads the file into the module's store, in the job's transaction (the caller's):
	 * every row is either stored or rejected through {@link DelegatedFile#reject}.
	 * @throws InvalidFileException when the file as a whole cannot be used
	 */
	DelegatedLoad load(DelegatedFile file);

	/**
	 * Removes what {@link #load} stored for the jobs, in the caller's transaction (the
	 * removal of whole uploads, such as the demo organisation's).
	 */
	void remove(Collection<UUID> jobs);

}
