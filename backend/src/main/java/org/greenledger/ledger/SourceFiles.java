package org.greenledger.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The files the ledger's lines came from, by the upload (job) that stored them. The files
 * are kept by the module that receives them (ingestion), which implements this interface;
 * the ledger names a line's file in its lineage without reading that module's tables, and
 * without depending on it.
 */
public interface SourceFiles {

	/** The files of the given jobs; jobs that do not exist are absent. */
	Map<UUID, SourceFile> of(Collection<UUID> jobs);

	/**
	 * An uploaded file.
	 *
	 * @param format the format it was read as, when known
	 */
	record SourceFile(UUID job, String name, String sha256, @Nullable String format, String uploadedBy,
			Instant uploadedAt) {
	}

}
