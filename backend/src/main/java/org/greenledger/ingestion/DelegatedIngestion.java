package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.billing.ParquetOpener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs files of the {@link DelegatedFormat}s other modules publish (if any) inside the
 * ingestion job: detected before every other format, all-or-nothing (a rejected row
 * refuses the file), completed like the other jobs.
 */
@Component
class DelegatedIngestion {

	/** The end of a Parquet file searched for its footer's column names. */
	private static final int FOOTER_WINDOW = 1 << 20;

	private final List<DelegatedFormat> formats;

	private final ParquetOpener parquet;

	private final JdbcClient jdbc;

	private final Clock clock;

	DelegatedIngestion(List<DelegatedFormat> formats, ParquetOpener parquet, JdbcClient jdbc, Clock clock) {
		this.formats = List.copyOf(formats);
		this.parquet = parquet;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A job's file as the worker has it. */
	record Upload(UUID job, String fileName, @Nullable String requestedFormat, String createdBy) {
	}

	/**
	 * Loads the file when it is a delegated format and completes the job; false (nothing
	 * read) otherwise, and always when the upload named a format (delegated formats are
	 * detected, not named).
	 * @param head the content's first bytes, decompressed
	 * @param content the decompressed content, positioned at its start
	 * @param reopen opens the decompressed content again from its start
	 */
	boolean ingest(Upload upload, byte[] head, InputStream content, IoSupplier reopen, RowErrors errors)
			throws IOException {
		if (this.formats.isEmpty() || upload.requestedFormat() != null) {
			// a format named on upload is one of the billing or measured formats
			return false;
		}
		boolean isParquet = head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
		String start = isParquet ? "" : new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
		List<String> columns = isParquet ? footerNames(reopen) : List.of();
		for (DelegatedFormat format : this.formats) {
			Optional<String> name = isParquet ? format.recogniseColumns(columns) : format.recognise(start);
			if (name.isPresent()) {
				load(upload, format, new DelegatedFile(upload.job(), upload.fileName(), name.get(), upload.createdBy(),
						content, isParquet, this.parquet, errors), errors);
				return true;
			}
		}
		return false;
	}

	private void load(Upload upload, DelegatedFormat format, DelegatedFile file, RowErrors errors) {
		DelegatedLoad load = format.load(file);
		List<RowError> kept = errors.kept();
		long rejected = errors.count();
		RowAccount account = new RowAccount(load.read(), load.accepted(), 0, rejected, kept, List.of());
		if (rejected > 0) {
			throw new RejectedFileException(account, new RejectionLimit(RowKind.BILLING, 0.0,
					"provider-reported figures are stored whole or not at all"), load.format());
		}
		this.jdbc.sql("""
				update ingestion_job set status = 'COMPLETED', format = ?, progress = 1, rows_read = ?,
				       rows_accepted = ?, rows_cost_only = 0, rows_rejected = 0, errors = '[]'::jsonb,
				       notes = ?::jsonb, finished_at = ?
				where id = ?""")
			.params(load.format(), load.read(), load.accepted(), IngestionJson.MAPPER.writeValueAsString(load.notes()),
					Timestamp.from(Instant.now(this.clock)), upload.job())
			.update();
	}

	/**
	 * The names in a Parquet file's footer (Thrift strings, column names among them),
	 * read from the end of the content without storing it: empty when the footer is
	 * larger than {@value #FOOTER_WINDOW} bytes (no provider export has such a footer).
	 */
	private static List<String> footerNames(IoSupplier reopen) throws IOException {
		byte[] window = new byte[FOOTER_WINDOW];
		long total = 0;
		try (InputStream in = reopen.open()) {
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				int at = (int) (total % FOOTER_WINDOW);
				int first = Math.min(read, FOOTER_WINDOW - at);
				System.arraycopy(buffer, 0, window, at, first);
				System.arraycopy(buffer, first, window, 0, read - first);
				total += read;
			}
		}
		int kept = (int) Math.min(total, FOOTER_WINDOW);
		byte[] tail = new byte[kept];
		int end = (int) (total % FOOTER_WINDOW);
		if (total <= FOOTER_WINDOW) {
			System.arraycopy(window, 0, tail, 0, kept);
		}
		else {
			System.arraycopy(window, end, tail, 0, FOOTER_WINDOW - end);
			System.arraycopy(window, 0, tail, FOOTER_WINDOW - end, end);
		}
		if (kept < 8) {
			return List.of();
		}
		long length = (tail[kept - 8] & 0xffL) | (tail[kept - 7] & 0xffL) << 8 | (tail[kept - 6] & 0xffL) << 16
				| (tail[kept - 5] & 0xffL) << 24;
		if (length <= 0 || length > kept - 8) {
			return List.of();
		}
		String footer = new String(tail, (int) (kept - 8 - length), (int) length, StandardCharsets.ISO_8859_1);
		List<String> names = new ArrayList<>();
		for (String token : footer.split("[^A-Za-z0-9_.]+")) {
			if (token.length() > 2) {
				names.add(token);
			}
		}
		return names;
	}

	/** Opens a stream. */
	@FunctionalInterface
	interface IoSupplier {

		InputStream open() throws IOException;

	}

}
