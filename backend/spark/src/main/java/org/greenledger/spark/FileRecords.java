package org.greenledger.spark;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.core.billing.BillingMapper;
import org.greenledger.core.formats.BillingReaders;
import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.table.InputFiles;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.ParquetLimits;
import org.greenledger.core.table.ParquetTable;
import org.greenledger.core.table.RowError;

/**
 * Reads one billing file inside an executor with core's readers (the format detected from
 * the content, gzip recognised by its magic bytes), maps and calculates each row, and
 * hands the records to {@link RecordQueue} in batches: the file's lines, its rejected
 * rows' errors, and last its accounting. A file that cannot be read as a whole is
 * accounted as refused with the reader's message (the driver then drops any lines of it
 * already produced).
 */
final class FileRecords implements BillingRowSink {

	private static final Logger log = LoggerFactory.getLogger(FileRecords.class);

	private static final int BATCH = 512;

	private final SourceFile file;

	private final RecordQueue queue;

	private final BillingMapper mapper = CoreChain.mapper();

	private final FootprintEngine engine = CoreChain.engine();

	private final FileAccount account = new FileAccount();

	private List<Row> batch = new ArrayList<>(BATCH);

	private FileRecords(SourceFile file, RecordQueue queue) {
		this.file = file;
		this.queue = queue;
	}

	/** Reads the file into the queue, ending with its accounting. */
	static void read(SourceFile file, Configuration hadoop, @Nullable String format, RecordQueue queue)
			throws InterruptedException {
		FileRecords records = new FileRecords(file, queue);
		records.readAll(hadoop, format);
	}

	private void readAll(Configuration hadoop, @Nullable String format) throws InterruptedException {
		String name = this.file.name();
		Path work = null;
		try {
			work = Files.createTempDirectory("greenledger-spark");
			Path parquetWork = work;
			org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(this.file.uri());
			FileSystem fs = path.getFileSystem(hadoop);
			try (InputStream raw = fs.open(path); InputStream content = InputFiles.decompressed(raw)) {
				this.account.read(BillingReaders.read(name, content, format,
						in -> ParquetTable.open(in, parquetWork, ParquetLimits.DEFAULTS), this));
			}
		}
		catch (InvalidFileException ex) {
			refuse(ex.getMessage());
		}
		catch (IOException ex) {
			refuse(name + ": the file could not be read (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
					+ "); nothing of the file was used");
		}
		catch (RuntimeException ex) {
			log.warn("{} could not be read", name, ex);
			refuse(name + ": the file could not be read as a billing export; nothing of the file was used");
		}
		finally {
			delete(work);
		}
		flush();
		this.queue.put(List.of(LineRecords.file(name, this.account)));
	}

	private void refuse(@Nullable String reason) throws InterruptedException {
		String message = (reason != null) ? reason : this.file.name() + ": the file could not be read";
		this.account.refused(message);
		this.batch.clear();
		this.batch.add(LineRecords.problem(this.file.name(), 0, "(file)", message));
	}

	@Override
	public void accept(BillingRow record) {
		RowCalculation row = RowCalculation.of(record, this.mapper, this.engine);
		this.account.row(row, record.billedCost(), record.currency());
		LineRecords.lines(this.file.name(), row, this.batch);
		full();
	}

	@Override
	public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
		this.account.rejected(row, billedCost);
		LineRecords.rejected(this.file.name(), row, errors, this.batch);
		full();
	}

	private void full() {
		if (this.batch.size() >= BATCH) {
			try {
				flush();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("The task was stopped while " + this.file.name() + " was read", ex);
			}
		}
	}

	private void flush() throws InterruptedException {
		if (!this.batch.isEmpty()) {
			this.queue.put(this.batch);
			this.batch = new ArrayList<>(BATCH);
		}
	}

	private static void delete(@Nullable Path work) {
		if (work == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(work)) {
			paths.sorted(Comparator.reverseOrder()).forEach(each -> each.toFile().delete());
		}
		catch (IOException ex) {
			log.debug("Could not delete {}", work, ex);
		}
	}

}
