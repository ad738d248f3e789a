package org.greenledger.ingestion;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Drives the files of some formats into the ledger, inside the job's transaction: the
 * billing formats ({@link BillingPipeline}), the measured formats
 * ({@link MeasuredPipeline}), and the formats other modules run through ingestion
 * ({@link DelegatedPipeline}). {@link Pipelines} asks them in turn which one a file is
 * for.
 */
interface Pipeline {

	/**
	 * Whether the file is one of this pipeline's formats, from what the upload named, the
	 * file's first bytes or its Parquet columns; reads nothing else.
	 * @throws InvalidFileException when the file is not the format the upload named
	 */
	boolean recognises(JobFile file);

	/**
	 * Reads every row of the file, calculates and stores its lines in the job's
	 * transaction, and settles its overlaps with earlier files.
	 * @throws InvalidFileException when the file cannot be read as a whole
	 * @throws RejectedFileException when too many of its rows are rejected
	 */
	Outcome run(JobFile file) throws IOException, SQLException;

}
