package org.greenledger.connectors;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;

/**
 * A connector type that pulls metrics from a time-series API (Prometheus): each run pulls
 * the interval since the previous run's end as one file that ingestion reads like an
 * upload. One Spring bean per type, in the type's sub-package; runs, the intervals
 * pulled, secrets and the hand-over to ingestion are the framework's
 * ({@code MetricPulls}).
 */
public interface MetricSourceType extends SourceType {

	/**
	 * How far back the first run pulls, and the longest interval one run pulls (a
	 * connector that was stopped catches up a window per run).
	 */
	Duration window(ConnectorSettings settings);

	/** Opens the source for one run. */
	Source open(ConnectorSettings settings) throws ConnectorException;

	/** A source opened for one run. */
	interface Source {

		/** The code of the site the pulled readings belong to. */
		String site();

		/**
		 * The latest instant at or before {@code time} on the source's step, so that
		 * consecutive pulls meet exactly.
		 */
		Instant floorToStep(Instant time);

		/**
		 * Pulls [from, to] into {@code out} and answers the file name to ingest it under.
		 * @throws ConnectorException when the source cannot be asked or has no readings
		 * in the interval
		 */
		String pull(String connector, Instant from, Instant to, OutputStream out) throws ConnectorException;

	}

}
