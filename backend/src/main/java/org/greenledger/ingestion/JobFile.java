package org.greenledger.ingestion;

import org.greenledger.core.table.RowErrors;
import org.greenledger.core.table.InputFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.ParquetOpener;
import org.greenledger.core.table.ParquetTable;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TableRows;

/**
 * A claimed job's stored file, opened once for every pipeline: decompressed, its first
 * bytes at hand for detection, and opened as a Parquet file when it is one.
 *
 * @param job the job
 * @param stored the stored (compressed) content, counting what was read of it
 * @param content the decompressed content, positioned at its start
 * @param head the content's first bytes (up to {@value #HEAD} of them)
 * @param parquet the content opened as a Parquet file, or null when it is not one
 * @param connection the job transaction's connection, for the lines' COPY
 * @param errors the job's row errors
 */
record JobFile(Job job, CountingInputStream stored, InputStream content, byte[] head, @Nullable Table parquet,
		Connection connection, RowErrors errors) implements AutoCloseable {

	static final int HEAD = 8192;

	/**
	 * Opens a stored file; closes it again when it cannot be opened.
	 * @param parquetOpener opens the content as a Parquet file, when it is one
	 * @throws InvalidFileException when a Parquet file is damaged
	 */
	static JobFile open(Job job, InputStream stored, ParquetOpener parquetOpener, Connection connection,
			RowErrors errors) throws IOException {
		CountingInputStream counted = new CountingInputStream(stored);
		try {
			InputStream decompressed = InputFiles.decompressed(counted);
			InputStream content = decompressed.markSupported() ? decompressed
					: new BufferedInputStream(decompressed, 1 << 16);
			content.mark(HEAD);
			byte[] head = content.readNBytes(HEAD);
			content.reset();
			Table parquet = ParquetTable.isParquet(head) ? openParquet(job, parquetOpener, content) : null;
			return new JobFile(job, counted, content, head, parquet, connection, errors);
		}
		catch (IOException | RuntimeException ex) {
			counted.close();
			throw ex;
		}
	}

	private static Table openParquet(Job job, ParquetOpener opener, InputStream content) {
		try {
			return opener.open(content);
		}
		catch (IOException ex) {
			throw TableRows.damaged(job.fileName(), 0, ex);
		}
	}

	/** Share of the stored (compressed) file read so far, below 1 until the job ends. */
	double progress() {
		return Math.min(0.99, this.stored.count() / (double) Math.max(1, this.job.bytes()));
	}

	@Override
	public void close() throws IOException {
		try (InputStream source = this.stored; InputStream decompressed = this.content) {
			if (this.parquet != null) {
				this.parquet.close();
			}
		}
	}

}
