package org.greenledger.ingestion;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every node looks for work while it is idle: jobs queued on another node (or queued
 * again after a stop) and jobs whose node stopped renewing its lease
 * ({@link JobLeases#recover()}), oldest first. Which node gets a job is decided by the
 * claim in the database; this node's worker runs one job at a time.
 */
@Component
class JobPoller {

	private static final Logger log = LoggerFactory.getLogger(JobPoller.class);

	private final JobLeases leases;

	private final IngestionWorker worker;

	private final LeaseProperties properties;

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("job-poller").factory());

	JobPoller(JobLeases leases, IngestionWorker worker, LeaseProperties properties) {
		this.leases = leases;
		this.worker = worker;
		this.properties = properties;
	}

	/** Starts looking once the application is ready (after its own recovery). */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long every = this.properties.pollInterval().toMillis();
		this.timer.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
	}

	void poll() {
		if (!this.leases.idle()) {
			return;
		}
		try {
			List<UUID> queued = this.leases.recover();
			if (!queued.isEmpty()) {
				this.worker.dispatch(queued.get(0));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for queued ingestion jobs: {}", ex.getMessage());
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		this.timer.shutdownNow();
	}

}
