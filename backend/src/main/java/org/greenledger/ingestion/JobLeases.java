package org.greenledger.ingestion;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.system.NodeIdentity;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Which node works on which job, for any number of nodes against one database. A node
 * claims a QUEUED job with {@code FOR UPDATE SKIP LOCKED} and holds it with a lease that
 * it renews on a timer while it works. A job whose lease has passed (its node died or
 * stalled) is taken over: the interruption is recorded, the job is queued again from the
 * start (its one transaction left nothing of the file) or, interrupted twice, FAILED for
 * good, like a crash of a single node ({@link JobStore#recover()}). Leases are in the
 * database's time, so the nodes' clocks need not agree.
 */
@Component
class JobLeases {

	private static final Logger log = LoggerFactory.getLogger(JobLeases.class);

	/**
	 * A RUNNING job whose lease has passed; a job from before leases (none recorded)
	 * counts from its last progress report.
	 */
	private static final String EXPIRED = """
			status = 'RUNNING' and coalesce(lease_until, heartbeat_at + ?::interval, started_at + ?::interval,
			                                '-infinity') < now()""";

	private final JdbcClient jdbc;

	private final JobStore jobs;

	private final TransactionTemplate transaction;

	private final String node;

	private final LeaseProperties properties;

	/**
	 * With the embedded database this process is the only node (its data directory is
	 * locked): at start-up every RUNNING job was this node's and is taken over at once.
	 */
	private final boolean soleNode;

	private final Set<UUID> held = ConcurrentHashMap.newKeySet();

	/** Uploads staged while they arrive, whose jobs are not recorded yet. */
	private final AtomicInteger receiving = new AtomicInteger();

	private final ScheduledExecutorService renewer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("job-leases").factory());

	JobLeases(JdbcClient jdbc, JobStore jobs, PlatformTransactionManager transactions, NodeIdentity node,
			LeaseProperties properties, Environment environment) {
		this.jobs = jobs;
		this.soleNode = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.node = node.id();
		this.properties = properties;
		long every = Math.max(100, properties.duration().toMillis() / 3);
		this.renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Takes a QUEUED job for this node: the job's row is locked with
	 * {@code FOR UPDATE SKIP LOCKED} (a node claiming it at the same moment skips it),
	 * the aggregate's claim makes it RUNNING ({@link JobStore#claim}), and this node's
	 * lease and identity are recorded, all in one transaction.
	 * @return empty when it is not QUEUED, or another node is claiming it right now
	 */
	Optional<Job> claim(UUID id) {
		Optional<Job> claimed = this.transaction.execute(status -> {
			boolean free = this.jdbc
				.sql("select exists (select 1 from ingestion_job where id = ? and status = 'QUEUED'"
						+ " for update skip locked)")
				.param(id)
				.query(Boolean.class)
				.single();
			if (!free) {
				return Optional.<Job>empty();
			}
			Optional<Job> job = this.jobs.claim(id);
			job.ifPresent(running -> this.jdbc
				.sql("update ingestion_job set lease_owner = ?, lease_until = now() + ?::interval, node_id = ? "
						+ "where id = ?")
				.params(this.node, interval(), this.node, id)
				.update());
			return job;
		});
		if (claimed != null && claimed.isPresent()) {
			this.held.add(id);
			return claimed;
		}
		return Optional.empty();
	}

	/** This node no longer works on the job (it ended, or the node stops). */
	void release(UUID id) {
		this.held.remove(id);
	}

	/** The claimed job, released when closed. */
	Held held(UUID id) {
		return new Held(this, id);
	}

	/**
	 * Runs the job's work in its transaction, then {@link #requireHeld checks} that this
	 * node still holds the job before the transaction commits.
	 */
	void whileHeld(UUID id, Runnable work) {
		work.run();
		requireHeld(id);
	}

	/** Whether this node works on no job now (nor stages an upload as it arrives). */
	boolean idle() {
		return this.held.isEmpty() && this.receiving.get() == 0;
	}

	/**
	 * This node stages an upload as it arrives ({@code true}) or stopped doing so: its
	 * job holds no lease until it is recorded, but the node is not idle.
	 */
	void receiving(boolean started) {
		this.receiving.addAndGet(started ? 1 : -1);
	}

	/**
	 * Fails the current transaction unless this node still holds the job: called in the
	 * job's transaction just before it commits, it locks the job's row, so no other node
	 * can take the job over between this check and the commit, and a node whose lease was
	 * taken over meanwhile commits nothing.
	 * @throws LeaseLostException when another node took the job over
	 */
	void requireHeld(UUID id) {
		boolean held = this.jdbc
			.sql("select exists (select 1 from ingestion_job where id = ? and lease_owner = ? for update)")
			.params(id, this.node)
			.query(Boolean.class)
			.single();
		if (!held) {
			throw new LeaseLostException(id, this.node);
		}
	}

	/**
	 * Takes over the RUNNING jobs whose lease has passed: the interruption is recorded
	 * (when the job was last seen running, how often), a job interrupted a second time is
	 * FAILED for good, the others are queued again with their counters at zero. Jobs that
	 * another node is taking over at the same moment are skipped.
	 * @return the QUEUED jobs, oldest first
	 */
	List<UUID> recover() {
		return recover(false);
	}

	/**
	 * At start-up, like {@link #recover()}, and the jobs this node held before it stopped
	 * (its {@code greenledger.node-id} is fixed), or, with the embedded database, every
	 * RUNNING job, are taken over at once.
	 */
	List<UUID> recoverAtStart() {
		return recover(true);
	}

	private List<UUID> recover(boolean atStart) {
		List<UUID> queued = this.transaction.execute(status -> {
			String own = (atStart && this.soleNode) ? " or status = 'RUNNING'"
					: atStart ? " or (status = 'RUNNING' and lease_owner = ?)" : "";
			List<Object> params = new java.util.ArrayList<>(List.of(interval(), interval()));
			if (atStart && !this.soleNode) {
				params.add(this.node);
			}
			List<UUID> expired = this.jdbc
				.sql("select id from ingestion_job where (" + EXPIRED + ")" + own
						+ " order by created_at for update skip locked")
				.params(params)
				.query(UUID.class)
				.list();
			if (expired.isEmpty()) {
				return this.jdbc.sql("select id from ingestion_job where status = 'QUEUED' order by created_at")
					.query(UUID.class)
					.list();
			}
			log.warn("Taking over {} job(s) whose node stopped renewing its lease: {}", expired.size(), expired);
			return this.jobs.recover(expired.toArray(UUID[]::new));
		});
		return (queued != null) ? queued : List.of();
	}

	/** Extends the lease of every job this node works on. */
	void renew() {
		if (this.held.isEmpty()) {
			return;
		}
		try {
			UUID[] ids = this.held.toArray(UUID[]::new);
			int renewed = this.jdbc.sql("""
					update ingestion_job set lease_until = now() + ?::interval
					where id = any(?) and lease_owner = ? and status = 'RUNNING'""")
				.params(interval(), ids, this.node)
				.update();
			if (renewed < ids.length) {
				log.warn("{} of {} job lease(s) of node {} could not be renewed (ended, or taken over by another node)",
						ids.length - renewed, ids.length, this.node);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not renew the job leases of node {}: {}", this.node, ex.getMessage());
		}
	}

	private String interval() {
		return this.properties.duration().toMillis() + " milliseconds";
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		this.renewer.shutdownNow();
	}

	/** A job this node claimed, until it ends. */
	record Held(JobLeases leases, UUID id) implements AutoCloseable {

		@Override
		public void close() {
			this.leases.release(this.id);
		}

	}

	/** Another node took the job over while this one worked on it. */
	static final class LeaseLostException extends RuntimeException {

		LeaseLostException(UUID id, String node) {
			super("Job " + id + " was taken over by another node while node " + node
					+ " worked on it (its lease had passed); this node's work on it is discarded.");
		}

	}

}
