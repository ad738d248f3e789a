package org.greenledger.connectors;

import java.time.Duration;

import org.greenledger.ingestion.IngestionJob;
import org.greenledger.ingestion.IngestionJobs;
import org.springframework.stereotype.Component;

/**
 * Waits for an ingestion job a run submitted to end, renewing the run's heartbeat, at
 * most {@code greenledger.connectors.job-timeout}.
 */
@Component
class JobWaits {

	private static final Duration POLL = Duration.ofMillis(250);

	private final IngestionJobs jobs;

	private final ConnectorRuns runs;

	private final ConnectorsProperties properties;

	JobWaits(IngestionJobs jobs, ConnectorRuns runs, ConnectorsProperties properties) {
		this.jobs = jobs;
		this.runs = runs;
		this.properties = properties;
	}

	/** The job once it is COMPLETED, FAILED or REJECTED. */
	IngestionJob await(IngestionJob job, ConnectorRun run) throws ConnectorException, InterruptedException {
		long deadline = System.nanoTime() + this.properties.jobTimeout().toNanos();
		long beat = 0;
		while (true) {
			IngestionJob current = this.jobs.find(job.id()).orElseThrow();
			if (!"QUEUED".equals(current.status()) && !"RUNNING".equals(current.status())) {
				return current;
			}
			if (System.nanoTime() > deadline) {
				throw new ConnectorException(
						"Ingestion job " + job.id() + " (" + job.fileName() + ") did not finish" + " within "
								+ this.properties.jobTimeout() + " (greenledger.connectors.job-timeout); it goes on,"
								+ " and the next run continues after it.");
			}
			if (++beat % 40 == 0) {
				this.runs.heartbeat(run.id());
			}
			Thread.sleep(POLL);
		}
	}

}
