package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.factors.FactorLibrary;
import org.greenledger.factors.FactorSets;
import org.greenledger.factors.LibraryFactorLookup;
import org.greenledger.factors.UserFactorLookup;
import org.greenledger.footprint.FootprintEngine;
import org.greenledger.periods.PeriodLockedException;
import org.greenledger.periods.PeriodLocks;
import org.greenledger.ingestion.billing.BillingReaders;
import org.greenledger.ingestion.billing.ParquetOpener;
import org.greenledger.ingestion.table.ParquetTable;
import org.greenledger.ingestion.table.Table;
import org.greenledger.ingestion.table.TableRows;
import org.greenledger.ingestion.focus.FocusMapper;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.greenledger.ledger.ActivityLineWriter;
import org.greenledger.ledger.BillingPeriodOverlaps;
import org.greenledger.ledger.Overlap;

/**
 * Processes queued jobs one at a time: claims the job, reads the stored file, maps and
 * calculates every row, and writes all of it in one transaction together with the job's
 * completion, so that a failure or a killed process leaves nothing of the file behind.
 */
@Component
class IngestionWorker {

	private static final Logger log = LoggerFactory.getLogger(IngestionWorker.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final TransactionTemplate separately;

	private final StoredFiles files;

	private final InstanceCatalog catalog;

	private final SpendCategories spendCategories;

	private final FactorLibrary library;

	private final LibraryFactorLookup lookup;

	private final FactorSets factorSets;

	private final BillingPeriodOverlaps overlaps;

	private final ParquetOpener parquet;

	private final MeasuredIngestion measured;

	private final PeriodLocks locks;

	private final IngestionProperties properties;

	private final JobRuns runs;

	private final DelegatedIngestion delegated;

	private final JobLeases leases;

	private final Clock clock;

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("ingestion").factory());

	IngestionWorker(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, StoredFiles files,
			InstanceCatalog catalog, SpendCategories spendCategories, FactorLibrary library, LibraryFactorLookup lookup,
			FactorSets factorSets, BillingPeriodOverlaps overlaps, ParquetOpener parquet, MeasuredIngestion measured,
			PeriodLocks locks, IngestionProperties properties, Clock clock, JobRuns runs, DelegatedIngestion delegated,
			JobLeases leases) {
		this.leases = leases;
		this.runs = runs;
		this.delegated = delegated;
		this.measured = measured;
		this.locks = locks;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactions);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.files = files;
		this.catalog = catalog;
		this.spendCategories = spendCategories;
		this.library = library;
		this.lookup = lookup;
		this.factorSets = factorSets;
		this.overlaps = overlaps;
		this.parquet = parquet;
		this.properties = properties;
		this.clock = clock;
	}

	void dispatch(UUID job) {
		this.executor.execute(() -> process(job));
	}

	/**
	 * Jobs interrupted by a stop or a crash left nothing behind; they are queued again
	 * ({@link JobRuns#recover()}: a crash is recorded, the second is final).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void resumeInterrupted() {
		this.leases.recoverAtStart().forEach(this::dispatch);
	}

	void process(UUID id) {
		if (!this.leases.claim(id)) {
			return;
		}
		var job = this.jdbc.sql("""
				select file_name, sha256, bytes, org_unit, format, overlap, created_by, reading::text
				from ingestion_job where id = ?""")
			.param(id)
			.query((rs, row) -> new Claimed(id, rs.getString("file_name"), rs.getString("sha256"), rs.getLong("bytes"),
					rs.getString("org_unit"), rs.getString("format"), Overlap.valueOf(rs.getString("overlap")),
					rs.getString("created_by"), rs.getString("reading")))
			.single();
		try (RowErrors errors = new RowErrors(); JobLeases.Held held = this.leases.held(id)) {
			process(job, errors);
		}
	}

	private void process(Claimed job, RowErrors errors) {
		UUID id = job.id();
		try {
			this.transaction.executeWithoutResult(status -> this.leases.whileHeld(id, () -> ingest(job, errors)));
		}
		catch (JobLeases.LeaseLostException ex) {
			log.warn(ex.getMessage());
		}
		catch (InvalidFileException ex) {
			finish(id, "REJECTED", ex.getMessage(), null);
		}
		catch (PeriodLockedException ex) {
			finish(id, "REJECTED", ex.getBody().getDetail() + " Nothing of the file was stored.", null);
		}
		catch (RejectedFileException ex) {
			// nothing of the file is stored but the account of its rows, every error
			// included
			this.transaction.executeWithoutResult(status -> {
				finish(id, "REJECTED", ex.getMessage(), ex.account());
				saveLimit(id, ex.limit());
				if (ex.format() != null) {
					this.jdbc.sql("update ingestion_job set format = ? where id = ?").params(ex.format(), id).update();
				}
				saveErrors(id, errors);
			});
		}
		catch (DuplicateKeyException ex) {
			this.jdbc
				.sql("""
						update ingestion_job set status = 'COMPLETED', progress = 1, finished_at = ?,
						       message = 'The same file was ingested by another job meanwhile; nothing changed.',
						       duplicate_of = (select other.id from ingestion_job other where other.sha256 = ingestion_job.sha256
						                       and other.status = 'COMPLETED' and other.duplicate_of is null)
						where id = ?""")
				.params(now(), id)
				.update();
		}
		catch (java.util.concurrent.CancellationException ex) {
			// the application is stopping: nothing was stored; the job runs again on the
			// next start
			this.runs.stopped(id);
		}
		catch (RuntimeException ex) {
			Optional<PeriodLockedException> locked = this.locks.refusal(ex, "Uploading " + job.fileName());
			if (locked.isPresent()) {
				// the database refused a write in a locked period that no check above
				// foresaw
				log.warn("Ingestion job {} ({}) refused by the database's period lock", id, job.fileName());
				finish(id, "REJECTED", locked.get().getBody().getDetail() + " Nothing of the file was stored.", null);
				return;
			}
			log.error("Ingestion job {} ({}) failed", id, job.fileName(), ex);
			finish(id, "FAILED", "Ingestion failed: " + ex.getMessage() + ". Nothing of the file was stored; the job"
					+ " can be sent again.", null);
		}
	}

	private void ingest(Claimed job, RowErrors errors) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (CountingInputStream counted = new CountingInputStream(this.files.open(job.sha256()));
				InputStream decompressed = InputFiles.decompressed(counted)) {
			InputStream content = decompressed.markSupported() ? decompressed
					: new java.io.BufferedInputStream(decompressed, 1 << 16);
			content.mark(8192);
			byte[] head = content.readNBytes(8192);
			content.reset();
			try (Table parquet = ParquetTable.isParquet(head) ? openParquet(job, content) : null) {
				ingest(job, connection, counted, content, head, parquet, errors);
			}
		}
		catch (IOException ex) {
			throw new InvalidFileException(job.fileName() + ": the file cannot be read: " + ex.getMessage(), ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not write the activity lines: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs a file of a delegated, measured or billing format; a Parquet file is opened
	 * once, and its columns tell the delegated formats whether it is theirs.
	 */
	private void ingest(Claimed job, Connection connection, CountingInputStream counted, InputStream content,
			byte[] head, @Nullable Table parquet, RowErrors errors) throws IOException, SQLException {
		if (this.delegated.ingest(
				new DelegatedIngestion.Upload(job.id(), job.fileName(), job.requestedFormat(), job.createdBy()), head,
				content, parquet, errors)) {
			errors.save(connection, job.id());
			return;
		}
		MeasuredFormat measuredFormat = MeasuredFormat.checked(job.fileName(), job.requestedFormat(),
				IngestionFormats.detect(head));
		if (measuredFormat != null) {
			completeMeasured(job, this.measured.ingest(job.id(), job.fileName(), content, measuredFormat, job.options(),
					job.createdBy(), connection, errors));
			errors.save(connection, job.id());
			return;
		}
		ingestBilling(job, connection, counted, content, parquet, errors);
		errors.save(connection, job.id());
	}

	private Table openParquet(Claimed job, InputStream content) {
		try {
			return this.parquet.open(content);
		}
		catch (IOException ex) {
			throw TableRows.damaged(job.fileName(), 0, ex);
		}
	}

	private void completeMeasured(Claimed job, MeasuredIngestion.Outcome outcome) {
		RowAccount account = outcome.account();
		this.jdbc.sql("""
				update ingestion_job set status = 'COMPLETED', format = ?, progress = 1, rows_read = ?,
				       rows_accepted = ?, rows_cost_only = ?, rows_rejected = ?, errors = ?::jsonb, measured = ?::jsonb,
				       notes = ?::jsonb, replaced = ?::jsonb, finished_at = ?
				where id = ?""")
			.params(outcome.format(), account.read(), account.accepted(), account.costOnly(), account.rejected(),
					IngestionJson.MAPPER.writeValueAsString(account.errors()),
					IngestionJson.MAPPER.writeValueAsString(outcome.measured()),
					IngestionJson.MAPPER.writeValueAsString(outcome.notes()),
					IngestionJson.MAPPER.writeValueAsString(outcome.replaced()), now(), job.id())
			.update();
		saveLimit(job.id(), outcome.limit());
	}

	private void ingestBilling(Claimed job, Connection connection, CountingInputStream counted, InputStream content,
			@Nullable Table parquet, RowErrors errors) throws IOException, SQLException {
		FootprintEngine engine = new FootprintEngine(new UserFactorLookup(this.lookup, this.factorSets.active()));
		FocusMapper mapper = new FocusMapper(this.catalog,
				key -> this.library.region(key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1))
					.isPresent(),
				InstanceHours.Hardware.of(this.library), this.spendCategories);
		try (ActivityLineWriter writer = new ActivityLineWriter(connection, job.id(), job.orgUnit())) {
			RowTally tally = new RowTally(mapper, engine, writer, errors,
					read -> this.separately.executeWithoutResult(status -> this.jdbc
						.sql("update ingestion_job set progress = ?, rows_read = ?, heartbeat_at = ? where id = ?")
						.params(Math.min(0.99, counted.count() / (double) Math.max(1, job.bytes())), read, now(),
								job.id())
						.update()));
			long started = System.nanoTime();
			// reading, mapping and calculating, and writing run on three threads
			String format = ReadAhead.runInStages(
					sink -> (parquet != null)
							? BillingReaders.read(job.fileName(), parquet, job.requestedFormat(), sink)
							: BillingReaders.read(job.fileName(), content, job.requestedFormat(), this.parquet, sink),
					tally);
			long staged = System.nanoTime();
			RejectionLimit limit = this.properties.rejectionLimit(RowKind.BILLING);
			if (limit.refuses(tally.account())) {
				throw new RejectedFileException(tally.account(), limit, format);
			}
			writer.finish();
			this.overlaps.requireUnlocked(job.id(), job.fileName());
			List<BillingPeriodOverlaps.Overlapping> overlapping = this.overlaps.resolve(job.id(), job.overlap(),
					job.createdBy(), job.fileName());
			writer.attach();
			log.info(
					"Job {} ({}): {} rows read, calculated and staged in {} ms; summed, reconciled with earlier"
							+ " uploads ({} overlaps, {}) and attached in {} ms",
					job.id(), job.fileName(), tally.read(), (staged - started) / 1_000_000, overlapping.size(),
					job.overlap(), (System.nanoTime() - staged) / 1_000_000);
			this.jdbc
				.sql("""
						update ingestion_job set status = 'COMPLETED', format = ?, progress = 1, rows_read = ?,
						       rows_accepted = ?, rows_cost_only = ?, rows_rejected = ?, errors = ?::jsonb, costs = ?::jsonb,
						       replaced = ?::jsonb, rejection_limit = ?::jsonb, finished_at = ?
						where id = ?""")
				.params(format, tally.read(), tally.accepted(), tally.costOnly(), tally.rejected(),
						IngestionJson.MAPPER.writeValueAsString(tally.errors()),
						IngestionJson.MAPPER.writeValueAsString(tally.costs()),
						IngestionJson.MAPPER.writeValueAsString(
								overlapping.stream().map(BillingPeriodOverlaps.Overlapping::describe).toList()),
						IngestionJson.MAPPER.writeValueAsString(limit.describe()), now(), job.id())
				.update();
		}
	}

	/**
	 * Ends a job. A job that FAILED with the same reason as the attempt before is FAILED
	 * for good: it is not retried again.
	 */
	private void finish(UUID id, String status, String message, @Nullable RowAccount tally) {
		String text = "FAILED".equals(status) ? this.runs.failed(id, message) : message;
		this.jdbc.sql("""
				update ingestion_job set status = ?, message = ?, finished_at = ?,
				       rows_read = coalesce(?, rows_read), rows_accepted = coalesce(?, rows_accepted),
				       rows_cost_only = coalesce(?, rows_cost_only), rows_rejected = coalesce(?, rows_rejected),
				       errors = coalesce(?::jsonb, errors), costs = coalesce(?::jsonb, costs)
				where id = ?""")
			.params(status, text, now(), (tally != null) ? tally.read() : null,
					(tally != null) ? tally.accepted() : null, (tally != null) ? tally.costOnly() : null,
					(tally != null) ? tally.rejected() : null,
					(tally != null) ? IngestionJson.MAPPER.writeValueAsString(tally.errors()) : null,
					(tally != null) ? IngestionJson.MAPPER.writeValueAsString(tally.costs()) : null, id)
			.update();
	}

	/** Records the rejected-rows limit the job was held to, for its validation report. */
	private void saveLimit(UUID id, RejectionLimit limit) {
		this.jdbc.sql("update ingestion_job set rejection_limit = ?::jsonb where id = ?")
			.params(IngestionJson.MAPPER.writeValueAsString(limit.describe()), id)
			.update();
	}

	/** Stores every row error of a job, in the current transaction. */
	private void saveErrors(UUID id, RowErrors errors) {
		try {
			errors.save(DataSourceUtils.getConnection(this.dataSource), id);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the row errors: " + ex.getMessage(), ex);
		}
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

	private record Claimed(UUID id, String fileName, String sha256, long bytes, @Nullable String orgUnit,
			@Nullable String requestedFormat, Overlap overlap, String createdBy, @Nullable String reading) {

		UploadOptions options() {
			java.util.Map<String, String> fields = new java.util.HashMap<>();
			if (this.reading != null) {
				IngestionJson.MAPPER.readValue(this.reading, java.util.Map.class)
					.forEach((key, value) -> fields.put(String.valueOf(key), String.valueOf(value)));
			}
			fields.put("format", this.requestedFormat);
			fields.put("orgUnit", this.orgUnit);
			fields.put("overlap", this.overlap.name());
			return UploadOptions.parse(fields::get);
		}

	}

}
