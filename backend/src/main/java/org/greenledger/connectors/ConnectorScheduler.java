package org.greenledger.connectors;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts connectors' runs. Every {@code scheduler-interval} (and once at start-up) it
 * marks runs whose node stopped renewing their heartbeat as FAILED (a run that died with
 * its server; the next run catches up, since only objects whose jobs were accepted are
 * recorded), renews the heartbeat of the runs this node is carrying out, queues a run for
 * each connector whose schedule is due, and starts queued runs, as many at a time as
 * {@code concurrent-runs}. Queued runs are claimed through the database, so in a cluster
 * each runs on one node.
 */
@Component
class ConnectorScheduler {

	private static final Logger log = LoggerFactory.getLogger(ConnectorScheduler.class);

	private final Connectors connectors;

	private final ConnectorRuns runs;

	private final ConnectorRunner runner;

	private final ConnectorsProperties properties;

	private final Clock clock;

	private final ExecutorService workers;

	private final Semaphore slots;

	private final Set<UUID> running = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "connector-scheduler");
		thread.setDaemon(true);
		return thread;
	});

	ConnectorScheduler(Connectors connectors, ConnectorRuns runs, ConnectorRunner runner,
			ConnectorsProperties properties, Clock clock) {
		this.connectors = connectors;
		this.runs = runs;
		this.runner = runner;
		this.properties = properties;
		this.clock = clock;
		int concurrent = Math.max(1, properties.concurrentRuns());
		this.slots = new Semaphore(concurrent);
		this.workers = Executors.newFixedThreadPool(concurrent, task -> {
			Thread thread = new Thread(task, "connector-run");
			thread.setDaemon(true);
			return thread;
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long every = Math.max(1000, this.properties.schedulerInterval().toMillis());
		this.ticks.scheduleWithFixedDelay(this::tickSafely, 0, every, TimeUnit.MILLISECONDS);
	}

	/** Queues a run now (run now, 202); empty when one is queued or running. */
	Optional<ConnectorRun> runNow(StoredConnector connector, String user) {
		Optional<ConnectorRun> run = this.runs.queue(connector.id(), "MANUAL", user);
		if (run.isPresent() && !this.ticks.isShutdown()) {
			this.ticks.execute(this::startQueued);
		}
		return run;
	}

	private void tickSafely() {
		try {
			tick();
		}
		catch (RuntimeException ex) {
			log.warn("Connector scheduling failed; trying again in {}", this.properties.schedulerInterval(), ex);
		}
	}

	void tick() {
		this.running.forEach(this.runs::heartbeat);
		int stale = this.runs.failStale(this.properties.staleAfter());
		if (stale > 0) {
			log.warn("{} connector run(s) had stopped without finishing and were marked FAILED", stale);
		}
		Instant now = Instant.now(this.clock);
		for (StoredConnector connector : this.connectors.scheduled()) {
			Instant next = this.connectors.nextRun(connector);
			if (next != null && !next.isAfter(now)) {
				this.runs.queue(connector.id(), "SCHEDULE", "scheduler");
			}
		}
		startQueued();
	}

	private void startQueued() {
		while (this.slots.tryAcquire()) {
			Optional<ConnectorRun> claimed = this.runs.claim();
			if (claimed.isEmpty()) {
				this.slots.release();
				return;
			}
			ConnectorRun run = claimed.get();
			this.running.add(run.id());
			this.workers.execute(() -> {
				try {
					this.runner.run(run);
				}
				finally {
					this.running.remove(run.id());
					this.slots.release();
					if (!this.ticks.isShutdown()) {
						this.ticks.execute(this::startQueued);
					}
				}
			});
		}
	}

	@PreDestroy
	void stop() {
		this.ticks.shutdownNow();
		this.workers.shutdownNow();
	}

}
