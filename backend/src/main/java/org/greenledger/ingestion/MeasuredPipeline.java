package org.greenledger.ingestion;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.core.table.RowErrors;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.formats.NamedFormat;
import org.greenledger.core.formats.SourceFormats;
import org.greenledger.core.measured.GridIntensitySink;
import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.measured.MeasurementTally;
import org.greenledger.core.measured.UtilizationSink;
import org.greenledger.core.source.FileStart;
import org.greenledger.core.source.FormatKind;
import org.greenledger.core.source.SourceFile;
import org.greenledger.core.source.SourceFormat;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.factors.FactorSets;
import org.greenledger.factors.UserFactorLookup;
import org.greenledger.ledger.CpuUtilizationWriter;
import org.greenledger.ledger.JobDays;
import org.greenledger.ledger.MeasuredLineWriter;
import org.greenledger.ledger.MeasuredOverlaps;
import org.greenledger.ledger.MeasuredRollups;
import org.greenledger.ledger.OverlapRefusedException;
import org.greenledger.periods.PeriodLocks;
import org.greenledger.sites.SiteMonths;
import org.greenledger.sites.Sites;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pipeline of measured data: loads a measured-data file (meters, GPU telemetry,
 * CodeCarbon, hourly grid intensity) inside the job's transaction: the reader hands every
 * row to the tally (through the site resolution), the tally's lines are calculated and
 * copied as they complete, and at the end the series, lineages and overlaps with earlier
 * files are settled.
 */
@Component
class MeasuredPipeline implements Pipeline {

	private static final Logger log = LoggerFactory.getLogger(MeasuredPipeline.class);

	private final JdbcClient jdbc;

	private final Sites sites;

	private final SiteMonths siteMonths;

	private final FactorLibrary library;

	private final LibraryFactorLookup lookup;

	private final FactorSets factorSets;

	private final MeasuredOverlaps overlaps;

	private final MeasuredRollups rollups;

	private final IngestionProperties properties;

	private final PeriodLocks locks;

	private final JobDays days;

	private final JobStore jobs;

	MeasuredPipeline(JdbcClient jdbc, Sites sites, SiteMonths siteMonths, FactorLibrary library,
			LibraryFactorLookup lookup, FactorSets factorSets, MeasuredOverlaps overlaps, MeasuredRollups rollups,
			IngestionProperties properties, PeriodLocks locks, JobDays days, JobStore jobs) {
		this.jobs = jobs;
		this.locks = locks;
		this.days = days;
		this.jdbc = jdbc;
		this.sites = sites;
		this.siteMonths = siteMonths;
		this.library = library;
		this.lookup = lookup;
		this.factorSets = factorSets;
		this.overlaps = overlaps;
		this.rollups = rollups;
		this.properties = properties;
	}

	/**
	 * A measured format, detected from the file's first bytes and checked against the
	 * format the upload named.
	 */
	@Override
	public boolean recognises(JobFile file) {
		return format(file) != null;
	}

	private static @Nullable NamedFormat format(JobFile file) {
		return SourceFormats.measured(file.job().fileName(), file.job().requestedFormat(), FileStart.of(file.head()));
	}

	@Override
	public Outcome run(JobFile file) throws IOException, SQLException {
		NamedFormat format = format(file);
		if (format == null) {
			throw new IllegalStateException(file.job().fileName() + " is not a measured-data file");
		}
		Job job = file.job();
		UploadOptions options = job.options();
		SourceFile source = new SourceFile(job.fileName(), file.content(), null, options.reading(), options.timeZone());
		if (format.format().kind() == FormatKind.GRID) {
			return grid(job.id(), source, FormatKind.reading(format.format(), GridIntensitySink.class),
					file.connection(), file.errors());
		}
		if (format.format().kind() == FormatKind.UTILIZATION) {
			return utilization(job.id(), source, FormatKind.reading(format.format(), UtilizationSink.class),
					file.connection(), file.errors());
		}
		return ingest(job.id(), source, format, options, job.createdBy(), file.connection(), file.errors());
	}

	private Outcome ingest(UUID job, SourceFile source, NamedFormat format, UploadOptions options, String user,
			Connection connection, RowErrors errors) throws IOException, SQLException {
		long started = System.nanoTime();
		String fileName = source.fileName();
		MeasuredImpacts impacts = new MeasuredImpacts(new UserFactorLookup(this.lookup, this.factorSets.active()),
				this.lookup, this.library, new HourlyGrid(this.jdbc), this.siteMonths);
		MeasuredLineCalculator[] writer = new MeasuredLineCalculator[1];
		MeasurementTally tally = new MeasurementTally(this.properties.telemetryMaxGap(), line -> writer[0].accept(line),
				errors);
		ResolvingSink sink = new ResolvingSink(tally, this.sites, user, impacts);
		writer[0] = new MeasuredLineCalculator(new MeasuredLineWriter(connection, job), sink, impacts);
		String label = FormatKind.reading(format.format(), MeasurementSink.class).read(source, sink);
		sink.finishRuns();
		tally.finish();
		long accepted = tally.accepted() + sink.supersededRows();
		RowAccount account = new RowAccount(accepted + tally.ignored() + tally.rejected(), accepted, tally.ignored(),
				tally.rejected(), tally.errors(), List.of());
		RejectionLimit limit = this.properties.rejectionLimit(RowKind.of(format.format().kind()));
		if (limit.refuses(account)) {
			throw new RejectedFileException(account, limit, label);
		}
		if (account.accepted() == 0) {
			throw new InvalidFileException(fileName + ": the file holds no readings");
		}
		writer[0].finish();
		this.days.measured(job)
			.ifPresent(span -> this.locks.requireUnlocked(span.first(), span.last(),
					"Uploading " + fileName + " (readings from " + span.first() + " to " + span.last() + ")"));
		List<MeasuredOverlaps.Replaced> replaced;
		try {
			replaced = this.overlaps.resolve(job, options.overlap(), fileName, user);
		}
		catch (OverlapRefusedException ex) {
			throw new InvalidFileException(ex.getMessage(), ex);
		}
		for (MeasuredOverlaps.Replaced each : replaced) {
			this.jobs.note(each.job(),
					Map.of("row", 0, "series", "*", "message",
							"Replaced by job " + job + ": " + each.lines() + " line(s) of " + each.series() + " "
									+ each.source() + " series from " + each.from() + " to " + each.to()));
		}
		this.rollups.refresh(job, replaced);
		log.info("Job {} ({}): {} rows read, {} lines stored, {} earlier line(s) replaced in {} ms", job, fileName,
				account.read(), writer[0].totals().describe().get("lines"),
				replaced.stream().mapToLong(MeasuredOverlaps.Replaced::lines).sum(),
				(System.nanoTime() - started) / 1_000_000);
		List<Object> notes = new java.util.ArrayList<>(tally.notes());
		notes.addAll(sink.notes());
		return new Outcome(label, account, replaced.stream().map(MeasuredOverlaps.Replaced::describe).toList(),
				writer[0].totals().describe(), notes, limit);
	}

	private Outcome utilization(UUID job, SourceFile source, SourceFormat<UtilizationSink> format,
			Connection connection, RowErrors errors) throws SQLException, IOException {
		try (UtilizationStore store = new UtilizationStore(new CpuUtilizationWriter(connection, job), errors)) {
			String label = format.read(source, store);
			RowAccount account = new RowAccount(store.read(), store.accepted(), 0, store.rejected(), errors.kept(),
					List.of());
			RejectionLimit limit = this.properties.rejectionLimit(RowKind.of(format.kind()));
			if (limit.refuses(account)) {
				throw new RejectedFileException(account, limit, label);
			}
			if (account.accepted() == 0) {
				throw new InvalidFileException(source.fileName() + ": the file holds no datapoints");
			}
			return new Outcome(label, account, List.of(), Map.of("instances", store.finish()), List.of(), limit);
		}
	}

	private Outcome grid(UUID job, SourceFile source, SourceFormat<GridIntensitySink> format, Connection connection,
			RowErrors errors) throws SQLException, IOException {
		String fileName = source.fileName();
		GridIntensityStore store = new GridIntensityStore(connection, job, errors);
		String label = format.read(source, store);
		RowAccount account = new RowAccount(store.read(), store.accepted(), 0, store.rejected(), store.errors(),
				List.of());
		RejectionLimit limit = this.properties.rejectionLimit(RowKind.of(format.kind()));
		if (limit.refuses(account)) {
			throw new RejectedFileException(account, limit, label);
		}
		if (account.accepted() == 0) {
			throw new InvalidFileException(fileName + ": the file holds no hours");
		}
		List<Map<String, Object>> zones = store.finish();
		return new Outcome(label, account, List.of(), Map.of("zones", zones), List.of(), limit);
	}

}
