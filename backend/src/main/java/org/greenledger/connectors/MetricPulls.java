package org.greenledger.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.greenledger.ingestion.IngestionJob;
import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.ingestion.UploadOptions;
import org.greenledger.ledger.Overlap;
import org.springframework.stereotype.Component;

/**
 * Carries out a run of a metric connector: pulls [the end of the last interval ingested
 * (or, the first time, a window back), now less {@value #SETTLE_SECONDS} s] with both
 * bounds on the source's step and at most a window long, into a temporary file; submits
 * it to ingestion as the user {@code connector:<name>} for the connector's org unit and
 * site, with {@code overlap=REPLACE}; waits for its job; and records the interval's end
 * only when the job COMPLETED, so that a run that fails or dies leaves nothing recorded
 * and the next one pulls the interval again.
 */
@Component
class MetricPulls {

	/**
	 * How far behind now a pull ends: Prometheus stamps a sample with the time its scrape
	 * began and stores it when the scrape ends, within its default scrape timeout of 10
	 * s.
	 */
	static final long SETTLE_SECONDS = 10;

	private final ConnectorRuns runs;

	private final IngestionJobs jobs;

	private final JobWaits waits;

	private final Clock clock;

	MetricPulls(ConnectorRuns runs, IngestionJobs jobs, JobWaits waits, Clock clock) {
		this.runs = runs;
		this.jobs = jobs;
		this.waits = waits;
		this.clock = clock;
	}

	void collect(StoredConnector connector, ConnectorRun run, MetricSourceType type, ConnectorSettings settings,
			ConnectorRunner.Tally tally, List<String> errors) throws ConnectorException, InterruptedException {
		MetricSourceType.Source source = type.open(settings);
		Duration window = type.window(settings);
		Instant latest = source.floorToStep(Instant.now(this.clock).minusSeconds(SETTLE_SECONDS));
		Optional<Instant> pulled = this.runs.pulledUntil(connector.id());
		Instant from = pulled.orElseGet(() -> source.floorToStep(latest.minus(window)));
		Instant to = latest.isAfter(from.plus(window)) ? source.floorToStep(from.plus(window)) : latest;
		if (!from.isBefore(to)) {
			return;
		}
		tally.seen = 1;
		tally.planned = 1;
		this.runs.counted(run.id(), 1, 0, 0);
		this.runs.fetched(run.id(), 1, 0, 0);
		this.runs.step(run.id(), "Pulling " + from + " to " + to);
		Path file = temporaryFile();
		try {
			String fileName;
			try (OutputStream out = Files.newOutputStream(file)) {
				fileName = source.pull(connector.name(), from, to, out);
			}
			IngestionJob job;
			try (InputStream in = Files.newInputStream(file)) {
				job = this.jobs.submit(in, fileName,
						new UploadOptions(null, connector.orgUnit(), Overlap.REPLACE, source.site(), null, null, null),
						"connector:" + connector.name());
			}
			this.runs.addJob(run.id(), job.id());
			tally.fresh = 1;
			tally.fetched = 1;
			tally.bytes = Files.size(file);
			this.runs.fetched(run.id(), 1, 1, tally.bytes);
			this.runs.step(run.id(), "Waiting for the ingestion job of " + fileName);
			tally.jobs.add(job.id());
			this.runs.counted(run.id(), tally.seen, tally.fresh, tally.skipped);
			IngestionJob done = this.waits.await(job, run);
			if ("COMPLETED".equals(done.status())) {
				this.runs.recordPull(connector.id(), fileName, to, job.id(), run.id());
			}
			else {
				errors.add(fileName + ": ingestion job " + done.id() + " " + done.status() + ": " + done.message()
						+ " The next run pulls this interval again.");
			}
		}
		catch (IOException ex) {
			throw new ConnectorException(
					"The pull from " + from + " to " + to + " could not be kept in a temporary file (" + ex.getMessage()
							+ "); nothing of it was stored. Check the space in the server's temporary directory.",
					ex);
		}
		finally {
			delete(file);
		}
	}

	private static Path temporaryFile() throws ConnectorException {
		try {
			return Files.createTempFile("greenledger-pull-", ".prom");
		}
		catch (IOException ex) {
			throw new ConnectorException("No temporary file could be made for the pull (" + ex.getMessage()
					+ "): check the server's temporary directory.", ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			file.toFile().deleteOnExit();
		}
	}

}
