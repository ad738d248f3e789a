package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
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
import org.greenledger.core.table.IngestionJson;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.TextInput;
import org.greenledger.factors.FactorSets;
import org.greenledger.factors.UserFactorLookup;
import org.greenledger.core.codecarbon.CodeCarbonReader;
import org.greenledger.core.nvidiasmi.NvidiaSmiReader;
import org.greenledger.core.prometheus.PrometheusDump;
import org.greenledger.core.prometheus.PrometheusTextReader;
import org.greenledger.core.greenbutton.GreenButtonReader;
import org.greenledger.core.gridintensity.GridIntensityReader;
import org.greenledger.core.measured.MeasurementTally;
import org.greenledger.core.metercsv.MeterCsvReader;
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

	private static @Nullable MeasuredFormat format(JobFile file) {
		return MeasuredFormat.checked(file.job().fileName(), file.job().requestedFormat(),
				IngestionFormats.detect(file.head()));
	}

	@Override
	public Outcome run(JobFile file) throws IOException, SQLException {
		MeasuredFormat format = format(file);
		if (format == null) {
			throw new IllegalStateException(file.job().fileName() + " is not a measured-data file");
		}
		Job job = file.job();
		return ingest(job.id(), job.fileName(), file.content(), format, job.options(), job.createdBy(),
				file.connection(), file.errors());
	}

	private Outcome ingest(UUID job, String fileName, InputStream content, MeasuredFormat format, UploadOptions options,
			String user, Connection connection, RowErrors errors) throws IOException, SQLException {
		long started = System.nanoTime();
		if (format == MeasuredFormat.GRID_INTENSITY) {
			return grid(job, fileName, content, connection, errors);
		}
		if ((format == MeasuredFormat.NVIDIA_SMI || format == MeasuredFormat.PROMETHEUS) && options.site() == null) {
			throw new InvalidFileException(fileName + ": GPU and node telemetry needs the site its hosts run at:"
					+ " send it with site=<code> (a site registered under Sites)");
		}
		MeasuredImpacts impacts = new MeasuredImpacts(new UserFactorLookup(this.lookup, this.factorSets.active()),
				this.lookup, this.library, new HourlyGrid(this.jdbc), this.siteMonths);
		MeasuredLineCalculator[] writer = new MeasuredLineCalculator[1];
		MeasurementTally tally = new MeasurementTally(this.properties.telemetryMaxGap(), line -> writer[0].accept(line),
				errors);
		ResolvingSink sink = new ResolvingSink(tally, this.sites, user, impacts);
		writer[0] = new MeasuredLineCalculator(new MeasuredLineWriter(connection, job), sink, impacts);
		String label = read(fileName, content, format, options, sink);
		sink.finishRuns();
		tally.finish();
		long accepted = tally.accepted() + sink.supersededRows();
		RowAccount account = new RowAccount(accepted + tally.ignored() + tally.rejected(), accepted, tally.ignored(),
				tally.rejected(), tally.errors(), List.of());
		RejectionLimit limit = this.properties.rejectionLimit(RowKind.of(format));
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

	private String read(String fileName, InputStream content, MeasuredFormat format, UploadOptions options,
			ResolvingSink sink) throws IOException {
		return switch (format) {
			case CODECARBON -> {
				CodeCarbonReader.read(fileName, reader(content), options.zone(), sink);
				yield "CodeCarbon emissions.csv";
			}
			case NVIDIA_SMI -> {
				NvidiaSmiReader.read(fileName, reader(content), options.reading(), options.zone(), sink);
				yield "nvidia-smi CSV";
			}
			case PROMETHEUS -> {
				PrometheusDump dump = PrometheusTextReader.read(fileName, reader(content), options.reading(), sink);
				yield (dump.openMetrics() ? "OpenMetrics text" : "Prometheus text") + " (DCGM/Kepler)";
			}
			case METER_CSV -> {
				MeterCsvReader.read(fileName, reader(content), options.timeZone(), sink);
				yield "GreenLedger meter CSV";
			}
			case GREEN_BUTTON -> {
				GreenButtonReader.read(fileName, content, options.reading(), sink);
				yield "Green Button (ESPI) XML";
			}
			case GRID_INTENSITY -> throw new IllegalStateException("read separately");
		};
	}

	private Outcome grid(UUID job, String fileName, InputStream content, Connection connection, RowErrors errors)
			throws SQLException, IOException {
		GridIntensityStore store = new GridIntensityStore(connection, job, errors);
		GridIntensityReader.read(fileName, reader(content), store);
		RowAccount account = new RowAccount(store.read(), store.accepted(), 0, store.rejected(), store.errors(),
				List.of());
		RejectionLimit limit = this.properties.rejectionLimit(RowKind.GRID);
		if (limit.refuses(account)) {
			throw new RejectedFileException(account, limit, "Hourly grid intensity CSV");
		}
		if (account.accepted() == 0) {
			throw new InvalidFileException(fileName + ": the file holds no hours");
		}
		List<Map<String, Object>> zones = store.finish();
		return new Outcome("Hourly grid intensity CSV", account, List.of(), Map.of("zones", zones), List.of(), limit);
	}

	private static Reader reader(InputStream content) throws IOException {
		return TextInput.open(content);
	}

}
