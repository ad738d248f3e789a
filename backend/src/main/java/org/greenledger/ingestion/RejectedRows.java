package org.greenledger.ingestion;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.core.prometheus.PrometheusFormat;
import org.greenledger.core.greenbutton.GreenButtonFormat;
import org.greenledger.core.source.FileStart;
import org.greenledger.core.formats.SourceFormats;
import org.greenledger.core.billing.ParquetOpener;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.InputFiles;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.Table;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A job's rejected rows as CSV: for each recorded row error its row number, column and
 * reason, followed by the row's original cells, read again from the stored file (one
 * streaming pass in row order) under the file's own header. Files that are not tables
 * give their line instead (newline-delimited JSON, Prometheus text), or no cells (Green
 * Button XML). Every cell that a spreadsheet would take as a formula is neutralised.
 */
@Service
public class RejectedRows {

	private static final Logger log = LoggerFactory.getLogger(RejectedRows.class);

	private static final int PEEK = 8192;

	private final StoredFiles files;

	private final ParquetOpener parquet;

	private final RecordedErrors recorded;

	@Autowired
	RejectedRows(StoredFiles files, ParquetOpener parquet, JdbcClient jdbc) {
		this(files, parquet,
				(job, action) -> jdbc.sql("""
						select row_number, column_name, reason from ingestion_row_error where job_id = ?
						order by row_number, ordinal""")
					.param(job)
					.withFetchSize(5000)
					.query((RowCallbackHandler) result -> action
						.accept(new RowError(result.getLong(1), result.getString(2), result.getString(3)))));
	}

	RejectedRows(StoredFiles files, ParquetOpener parquet, RecordedErrors recorded) {
		this.files = files;
		this.parquet = parquet;
		this.recorded = recorded;
	}

	/** Every row error a job recorded ({@code ingestion_row_error}). */
	@FunctionalInterface
	interface RecordedErrors {

		/** Hands each error to {@code action}, in row order. */
		void forEach(UUID job, Consumer<RowError> action);

	}

	/** The download's file name, e.g. {@code march.csv-rejected-rows.csv}. */
	public static String fileName(IngestionJob job) {
		String base = job.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
		return base + "-rejected-rows.csv";
	}

	/**
	 * Writes the CSV (UTF-8 with a byte-order mark, for spreadsheets): every row error
	 * the job recorded, in row order, streamed from the database.
	 */
	@Transactional(readOnly = true)
	public void write(IngestionJob job, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		writer.write('\uFEFF');
		try (RawRows rows = open(job, job.rowsRejected() == 0 && job.errors().isEmpty())) {
			List<String> header = new ArrayList<>(List.of("Row", "Column", "Reason"));
			header.addAll(rows.header());
			CsvCells.line(writer, header);
			this.recorded.forEach(job.id(), error -> {
				List<String> line = new ArrayList<>(
						List.of(Long.toString(error.row()), error.column(), error.message()));
				line.addAll(rows.cells(error.row()));
				try {
					CsvCells.line(writer, line);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		writer.flush();
	}

	/** The stored file's rows, or none when there is nothing to look up or it is gone. */
	private RawRows open(IngestionJob job, boolean nothingToLookUp) throws IOException {
		if (nothingToLookUp || !this.files.exists(job.sha256())) {
			return RawRows.NONE;
		}
		InputStream content = InputFiles.decompressed(this.files.open(job.sha256()));
		try {
			content.mark(PEEK);
			byte[] head = content.readNBytes(PEEK);
			content.reset();
			String measured = SourceFormats.recognise(FileStart.of(head), SourceFormats.measured())
				.map(named -> named.format().name())
				.orElse(null);
			if (GreenButtonFormat.NAME.equals(measured)) {
				content.close();
				return RawRows.NONE;
			}
			if (PrometheusFormat.NAME.equals(measured)) {
				return new LineRows(reader(content, head), false);
			}
			if (measured == null && startsWith(head, "PAR1")) {
				return new TableRows(job.fileName(), this.parquet.open(content));
			}
			BufferedReader text = reader(content, head);
			if (measured == null && firstNonBlank(head) == '{') {
				return new LineRows(text, true);
			}
			return new TableRows(job.fileName(), CsvTable.open(text));
		}
		catch (IOException | RuntimeException ex) {
			content.close();
			log.warn("Job {}: the stored file cannot be read for its rejected rows: {}", job.id(), ex.getMessage());
			return RawRows.NONE;
		}
	}

	private static BufferedReader reader(InputStream content, byte[] head) throws IOException {
		if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
			content.skipNBytes(3);
		}
		return new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 1 << 16);
	}

	private static boolean startsWith(byte[] head, String magic) {
		return new String(head, 0, Math.min(head.length, magic.length()), StandardCharsets.ISO_8859_1).equals(magic);
	}

	private static char firstNonBlank(byte[] head) {
		for (byte b : head) {
			char c = (char) (b & 0xff);
			if (!Character.isWhitespace(c) && c != '\uFEFF' && c != 0xEF && c != 0xBB && c != 0xBF) {
				return c;
			}
		}
		return ' ';
	}

	/** Rows of the stored file, looked up in increasing row order. */
	private interface RawRows extends AutoCloseable {

		RawRows NONE = new RawRows() {
			@Override
			public List<String> header() {
				return List.of();
			}

			@Override
			public List<String> cells(long row) {
				return List.of();
			}

			@Override
			public void close() {
			}
		};

		/** The names of the cells {@link #cells} gives. */
		List<String> header();

		/**
		 * The original cells of a 1-based data row (empty when the file has no such row);
		 * rows are asked for in increasing order, the same row possibly several times.
		 */
		List<String> cells(long row);

		@Override
		void close() throws IOException;

	}

	/**
	 * A table's rows, numbered as the readers number them (the first row after the header
	 * is 1; blank lines are not rows).
	 */
	private static final class TableRows implements RawRows {

		private final String fileName;

		private final Table table;

		private long current;

		private List<String> cells = List.of();

		private boolean failed;

		TableRows(String fileName, Table table) {
			this.fileName = fileName;
			this.table = table;
		}

		@Override
		public List<String> header() {
			return this.table.header();
		}

		@Override
		public List<String> cells(long row) {
			try {
				while (!this.failed && this.current < row) {
					List<String> next = this.table.next();
					if (next == null) {
						this.failed = true;
						break;
					}
					this.current++;
					this.cells = next;
				}
			}
			catch (IOException | RuntimeException ex) {
				log.warn("{}: rejected rows read up to row {} only: {}", this.fileName, this.current, ex.getMessage());
				this.failed = true;
			}
			return (this.current == row) ? nonNull(this.cells) : List.of();
		}

		private static List<String> nonNull(List<@Nullable String> cells) {
			return cells.stream().map(cell -> (cell != null) ? cell : "").toList();
		}

		@Override
		public void close() throws IOException {
			this.table.close();
		}

	}

	/**
	 * A text file's lines as one cell: newline-delimited JSON (blank lines are not rows)
	 * or a Prometheus text dump (every line counts).
	 */
	private static final class LineRows implements RawRows {

		private final BufferedReader reader;

		private final boolean skipBlank;

		private long current;

		private @Nullable String line;

		private boolean ended;

		LineRows(BufferedReader reader, boolean skipBlank) {
			this.reader = reader;
			this.skipBlank = skipBlank;
		}

		@Override
		public List<String> header() {
			return List.of("Line");
		}

		@Override
		public List<String> cells(long row) {
			try {
				while (!this.ended && this.current < row) {
					String next = this.reader.readLine();
					if (next == null) {
						this.ended = true;
						break;
					}
					if (this.skipBlank && next.isBlank()) {
						continue;
					}
					this.current++;
					this.line = next;
				}
			}
			catch (IOException ex) {
				this.ended = true;
			}
			return (this.current == row && this.line != null) ? List.of(this.line) : List.of();
		}

		@Override
		public void close() throws IOException {
			this.reader.close();
		}

	}

}
