package org.greenledger.tasks;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.system.ApiProblemException;
import org.greenledger.system.NodeIdentity;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Starts long tasks on this node's small executor ({@code greenledger.tasks.concurrency}
 * at once; one more is refused with 429 in words) and answers where any task of the
 * cluster stands from the database. While a task runs, this node renews its lease every
 * third of {@code greenledger.tasks.lease}; a task whose lease passed (its node died) is
 * ended FAILED by whichever node looks first, with a message saying so. At start-up the
 * tasks this node ran before it stopped (with the embedded database: every running task,
 * its data directory being locked to this process) end FAILED at once.
 */
@Service
@EnableConfigurationProperties(TasksProperties.class)
public class LongTasks {

	private static final Logger log = LoggerFactory.getLogger(LongTasks.class);

	private final TaskStore store;

	private final TasksProperties properties;

	private final String node;

	private final Semaphore slots;

	private final ExecutorService executor;

	private final Set<UUID> held = ConcurrentHashMap.newKeySet();

	private final java.util.Map<UUID, java.util.concurrent.CompletableFuture<Void>> endings = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("long-task-leases").factory());

	LongTasks(TaskStore store, TasksProperties properties, NodeIdentity node, Environment environment) {
		this.store = store;
		this.properties = properties;
		this.node = node.id();
		this.slots = new Semaphore(properties.concurrency());
		this.executor = Executors.newFixedThreadPool(properties.concurrency(),
				Thread.ofPlatform().daemon().name("long-task-", 1).factory());
		boolean soleNode = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		// with the embedded database this process is the only node: whatever runs is not
		int ended = store.failStale(this.node, soleNode);
		if (ended > 0) {
			log.warn("{} long task(s) of a stopped node ended FAILED", ended);
		}
		long every = Math.max(100, properties.lease().toMillis() / 3);
		this.timer.scheduleWithFixedDelay(this::tend, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Starts the work in the background.
	 * @param id the task's id (chosen by the caller, for example the id of the report it
	 * will store)
	 * @param kind what it does
	 * @param what what it does in the user's words, for the refusal ("generating a
	 * report")
	 * @param user who starts it
	 * @param orgUnit whose result it is (null: the whole organisation)
	 * @param work the work
	 * @return the task, RUNNING
	 * @throws ApiProblemException 429 when this node already runs as many tasks as it may
	 */
	public LongTask start(UUID id, String kind, String what, String user, @Nullable String orgUnit, TaskWork work) {
		if (!this.slots.tryAcquire()) {
			ApiProblemException busy = new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS,
					"This server is already running " + this.properties.concurrency()
							+ " long tasks (report generations and evaluations), as many as it runs at once. " + "Try "
							+ what + " again in a minute, when one of them has finished.");
			busy.getHeaders().set("Retry-After", "30");
			throw busy;
		}
		try {
			this.store.insert(id, kind, user, orgUnit, this.node, "Starting", leaseMillis());
			this.held.add(id);
			this.endings.put(id, new java.util.concurrent.CompletableFuture<>());
			this.executor.execute(() -> run(id, work));
		}
		catch (RuntimeException ex) {
			this.held.remove(id);
			this.endings.remove(id);
			this.slots.release();
			throw ex;
		}
		return this.store.find(id).orElseThrow();
	}

	/** A task of any node. */
	public Optional<LongTask> find(UUID id) {
		return this.store.find(id);
	}

	/**
	 * Waits until a task this node runs has ended, at most {@code wait}: for a page that
	 * opens the result at once when the work is short, and shows its progress otherwise.
	 * @return the task as it is then
	 */
	public LongTask awaitEnd(UUID id, java.time.Duration wait) {
		java.util.concurrent.CompletableFuture<Void> ending = this.endings.get(id);
		if (ending != null) {
			try {
				ending.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ex) {
				// still running: the caller shows its progress
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return this.store.find(id).orElseThrow();
	}

	/** How many more tasks this node would start now. */
	public int available() {
		return this.slots.availablePermits();
	}

	private void run(UUID id, TaskWork work) {
		try {
			String result = work.run(new RecordedProgress(id, this.store));
			this.store.complete(id, result);
		}
		catch (ApiProblemException ex) {
			this.store.fail(id, String.join(" ", ex.messages()));
		}
		catch (RuntimeException | Error ex) {
			log.error("Long task {} failed", id, ex);
			this.store.fail(id, "The work failed unexpectedly (" + ex.getClass().getSimpleName()
					+ "); nothing of it was stored and the server log has the details. Start it again.");
		}
		finally {
			this.held.remove(id);
			this.slots.release();
			java.util.concurrent.CompletableFuture<Void> ending = this.endings.remove(id);
			if (ending != null) {
				ending.complete(null);
			}
		}
	}

	/** Renews this node's leases, ends tasks whose node died, forgets old tasks. */
	void tend() {
		try {
			if (!this.held.isEmpty()) {
				this.store.renew(this.held.toArray(UUID[]::new), this.node, leaseMillis());
			}
			int stale = this.store.failStale(null, false);
			if (stale > 0) {
				log.warn("{} long task(s) whose node stopped renewing its lease ended FAILED", stale);
			}
			this.store.forgetOld();
		}
		catch (RuntimeException ex) {
			log.warn("Could not tend the long tasks of node {}: {}", this.node, ex.getMessage());
		}
	}

	private long leaseMillis() {
		return this.properties.lease().toMillis();
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		this.timer.shutdownNow();
		this.executor.shutdownNow();
	}

}
