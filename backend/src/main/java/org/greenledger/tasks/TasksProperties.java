package org.greenledger.tasks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many long tasks a node runs at once, and how long its claim on one lasts.
 *
 * @param concurrency long tasks (report generations, evaluations) one node runs at the
 * same time; one more is refused with 429 until one ends
 * @param lease how long a node's claim on a running task lasts without being renewed (it
 * renews every third of it): after a node dies, its tasks end FAILED once this has passed
 */
@ConfigurationProperties("greenledger.tasks")
record TasksProperties(@DefaultValue("2") int concurrency, @DefaultValue("30s") Duration lease) {

	TasksProperties {
		if (concurrency < 1 || concurrency > 64) {
			throw new IllegalArgumentException(
					"greenledger.tasks.concurrency is " + concurrency + "; it must be from 1 to 64");
		}
		if (lease.toMillis() < 300) {
			throw new IllegalArgumentException(
					"greenledger.tasks.lease is " + lease + "; a lease lasts at least 300 ms");
		}
	}

}
