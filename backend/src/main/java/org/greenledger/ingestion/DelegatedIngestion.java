package org.greenledger.ingestion;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.IngestionJson;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs files of the {@link DelegatedFormat}s other modules publish (if any) inside the
 * ingestion job: detected before every other format, all-or-nothing (a rejected row
 * refuses the file), completed like the other jobs.
 */
@Component
class DelegatedIngestion {

	private final List<DelegatedFormat> formats;

	private final JdbcClient jdbc;

	private final Clock clock;

	DelegatedIngestion(List<DelegatedFormat> formats, JdbcClient jdbc, Clock clock) {
		this.formats = List.copyOf(formats);
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
	 * @param parquet the content opened as a Parquet file, or null when it is not one
	 */
	boolean ingest(Upload upload, byte[] head, InputStream content, @Nullable Table parquet, RowErrors errors) {
		if (this.formats.isEmpty() || upload.requestedFormat() != null) {
			// a format named on upload is one of the billing or measured formats
			return false;
		}
		String start = (parquet != null) ? ""
				: new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
		for (DelegatedFormat format : this.formats) {
			Optional<String> name = (parquet != null) ? format.recogniseColumns(parquet.header())
					: format.recognise(start);
			if (name.isPresent()) {
				load(upload, format, new DelegatedFile(upload.job(), upload.fileName(), name.get(), upload.createdBy(),
						content, parquet, errors), errors);
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

}
