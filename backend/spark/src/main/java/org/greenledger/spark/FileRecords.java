package org.greenledger.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.core.billing.BillingMapper;
import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.formats.BillingReaders;
import org.greenledger.core.table.InputFiles;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.ParquetLimits;
import org.greenledger.core.table.ParquetTable;
import org.greenledger.core.table.RowError;

/**
 * Reads one split of a billing file inside an executor with core's readers (the format
 * detected from the content, gzip recognised by its magic bytes), maps and calculates
 * each row, and hands the activity lines to {@link RecordQueue} in batches; returns the
 * split's accounting and rejected rows. A split that cannot be read as a whole makes its
 * file refused with the reader's message (the driver then drops any lines of the file
 * already written).
 */
final class FileRecords implements BillingRowSink {

	private static final Logger log = LoggerFactory.getLogger(FileRecords.class);

	private static final int BATCH = 512;

	private final FileSplit split;

	private final RecordQueue queue;

	private final LineRecords records;

	private final BillingMapper mapper = CoreChain.mapper();

	private final FootprintEngine engine = CoreChain.engine();

	private final FileAccount account = new FileAccount();

	private final List<Problem> problems = new ArrayList<>();

	private final MonthlyRollups rollups = new MonthlyRollups();

	private List<Row> batch = new ArrayList<>(BATCH);

	private FileRecords(FileSplit split, RecordQueue queue, LineRecords records) {
		this.split = split;
		this.queue = queue;
		this.records = records;
	}

	/**
	 * Reads the split's lines into the queue; its accounting and problems are returned.
	 */
	static SplitReport read(FileSplit split, Configuration hadoop, @Nullable String format, RecordQueue queue,
			LineRecords records, FactorLists factorLists) throws InterruptedException {
		FileRecords reader = new FileRecords(split, queue, records);
		reader.readAll(hadoop, format);
		return new SplitReport(split.file().name(), split.index(), reader.account, List.copyOf(reader.problems),
				factorLists.unreportedFactors(), factorLists.unreportedLists(), reader.rollups);
	}

	private void readAll(Configuration hadoop, @Nullable String format) throws InterruptedException {
		String name = this.split.file().name();
		Path work = null;
		try {
			work = Files.createTempDirectory("greenledger-spark");
			Path parquetWork = work;
			org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(this.split.file().uri());
			FileSystem fs = path.getFileSystem(hadoop);
			try (InputStream raw = open(fs, path); InputStream content = InputFiles.decompressed(raw)) {
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
	}

	/**
	 * The whole file, or the split's range of records after the file's header (so that
	 * the reader sees a CSV file of its own).
	 */
	private InputStream open(FileSystem fs, org.apache.hadoop.fs.Path path) throws IOException {
		if (this.split.isWhole()) {
			return fs.open(path);
		}
		InputStream range = range(fs, path, this.split.start(), this.split.end());
		if (this.split.start() == 0) {
			return range;
		}
		return new SequenceInputStream(range(fs, path, 0, this.split.headerEnd()), range);
	}

	private static InputStream range(FileSystem fs, org.apache.hadoop.fs.Path path, long start, long end)
			throws IOException {
		FSDataInputStream in = fs.open(path);
		in.seek(start);
		return new BoundedInput(in, end - start);
	}

	private void refuse(@Nullable String reason) {
		String message = (reason != null) ? reason : this.split.file().name() + ": the file could not be read";
		this.account.refused(message);
		this.batch.clear();
		this.problems.clear();
		this.problems.add(new Problem(this.split.file().name(), 0, Problem.WHOLE_FILE, message));
	}

	@Override
	public void accept(BillingRow record) {
		RowCalculation row = RowCalculation.of(record, this.mapper, this.engine);
		this.account.row(this.split.rowsBefore() + row.lines().get(0).row(), row, record.billedCost(),
				record.currency());
		this.records.lines(this.split.file().name(), this.split.rowsBefore(), row, this.batch, this.rollups);
		full();
	}

	@Override
	public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
		long before = this.split.rowsBefore();
		this.account.rejected(before + row, billedCost);
		for (RowError error : errors) {
			this.problems.add(new Problem(this.split.file().name(), before + (error.row() > 0 ? error.row() : row),
					error.column(), error.message()));
		}
		full();
	}

	private void full() {
		if (this.batch.size() >= BATCH) {
			try {
				flush();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("The task was stopped while " + this.split.file().name() + " was read",
						ex);
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
