package org.greenledger.ingestion;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the nodes of a cluster share the jobs.
 *
 * @param duration how long a node's claim on a job lasts without being renewed (it renews
 * every third of it): after a node dies, another takes its job over once this has passed
 * @param pollInterval how often an idle node looks for queued jobs and for jobs whose
 * lease has passed
 */
@ConfigurationProperties("greenledger.ingestion.lease")
record LeaseProperties(@DefaultValue("30s") Duration duration, @DefaultValue("5s") Duration pollInterval) {

	LeaseProperties {
		if (duration.toMillis() < 300) {
			throw new IllegalArgumentException(
					"greenledger.ingestion.lease.duration is " + duration + "; a lease lasts at least 300 ms");
		}
		if (pollInterval.toMillis() < 100) {
			throw new IllegalArgumentException(
					"greenledger.ingestion.lease.poll-interval is " + pollInterval + "; at least 100 ms");
		}
	}

}
