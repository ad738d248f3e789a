package org.greenledger.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.audit.AuditLog;
import org.greenledger.ingestion.IngestionJob;
import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.ingestion.SparkOutputs;
import org.greenledger.ingestion.UploadOptions;
import org.greenledger.ledger.Overlap;
import org.springframework.stereotype.Component;

/**
 * Carries out one claimed run of a connector. A metric connector's run is
 * {@link MetricPulls}'. An object-store connector's run lists the prefix, chooses the
 * files ({@link ObjectStoreType#plan}: AWS manifests, Azure Cost Management manifests, or
 * folders), hands each new or changed one to ingestion as the user
 * {@code connector:<name>} for the connector's org unit, and waits for its job before the
 * next. The files of one manifest (or, without manifests, of one folder) are one
 * delivery: each new or changed file replaces the earlier data of its accounts and months
 * but leaves the rows of the delivery's other files in place
 * ({@link #collect(ObjectStore, ObjectGroup, StoredConnector, ConnectorRun, String, Tally, List)}).
 * An output of the GreenLedger Spark job under the prefix ({@link SparkOutputDeliveries})
 * is one delivery, loaded as one job. An object is recorded as ingested (key and ETag)
 * once its job is accepted; a job that FAILED is forgotten again so that the next run
 * retries it. Runs are audited.
 */
@Component
class ConnectorRunner {

	private static final Logger log = LoggerFactory.getLogger(ConnectorRunner.class);

	private final Connectors connectors;

	private final ConnectorRuns runs;

	private final ConnectorTypes types;

	private final IngestionJobs jobs;

	private final AuditLog audit;

	private final JobWaits waits;

	private final MetricPulls pulls;

	private final SparkOutputs outputs;

	ConnectorRunner(Connectors connectors, ConnectorRuns runs, ConnectorTypes types, IngestionJobs jobs, AuditLog audit,
			JobWaits waits, MetricPulls pulls, SparkOutputs outputs) {
		this.outputs = outputs;
		this.connectors = connectors;
		this.runs = runs;
		this.types = types;
		this.jobs = jobs;
		this.audit = audit;
		this.waits = waits;
		this.pulls = pulls;
	}

	/** Runs a run that is RUNNING (claimed) to its end; never throws. */
	void run(ConnectorRun run) {
		StoredConnector connector = this.connectors.find(run.connectorId()).orElse(null);
		if (connector == null) {
			this.runs.finish(run.id(), false, List.of("The connector was deleted."));
			return;
		}
		Tally tally = new Tally();
		List<String> errors = new ArrayList<>();
		try {
			collect(connector, run, tally, errors);
		}
		catch (ConnectorException ex) {
			errors.add(ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Connector {} run {} failed unexpectedly", connector.name(), run.id(), ex);
			errors.add("The run failed unexpectedly (" + ex.getClass().getSimpleName()
					+ "); the server log has the details. The next run tries again.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			errors.add("The run was stopped because the server is shutting down; the next run catches up.");
		}
		this.runs.counted(run.id(), tally.seen, tally.fresh, tally.skipped);
		this.runs.step(run.id(), errors.isEmpty() ? "Finished" : "Finished with errors");
		this.runs.finish(run.id(), errors.isEmpty(), errors);
		log.info("Connector {} run {}: {} ({} objects seen, {} new, {} skipped)", connector.name(), run.id(),
				errors.isEmpty() ? "COMPLETED" : "FAILED", tally.seen, tally.fresh, tally.skipped);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("connector", connector.name());
		details.put("run", run.id().toString());
		details.put("trigger", run.trigger());
		details.put("status", errors.isEmpty() ? "COMPLETED" : "FAILED");
		details.put("objectsSeen", tally.seen);
		details.put("objectsNew", tally.fresh);
		details.put("objectsSkipped", tally.skipped);
		details.put("jobs", tally.jobs.stream().map(UUID::toString).toList());
		if (!errors.isEmpty()) {
			details.put("errors", errors);
		}
		this.audit.record(connector.name().isEmpty() ? "connector" : "connector:" + connector.name(), "CONNECTOR_RUN",
				"connector " + connector.id(), details);
	}

	private void collect(StoredConnector connector, ConnectorRun run, Tally tally, List<String> errors)
			throws ConnectorException, InterruptedException {
		SourceType source = this.types.of(connector.type()).orElse(null);
		if (!(source instanceof ObjectStoreType) && !(source instanceof MetricSourceType)) {
			throw new ConnectorException(
					"Connectors of type " + connector.type() + " are not available in this version of GreenLedger.");
		}
		ConnectorSettings settings = this.connectors.settings(connector);
		if (source instanceof MetricSourceType metrics) {
			this.pulls.collect(connector, run, metrics, settings, tally, errors);
			return;
		}
		ObjectStoreType type = (ObjectStoreType) source;
		try (ObjectStore store = type.open(settings)) {
			this.runs.step(run.id(), "Listing the objects under the prefix");
			List<StoredObject> objects = store.list(type.prefix(settings));
			tally.seen = objects.size();
			this.runs.counted(run.id(), tally.seen, 0, 0);
			SparkOutputDeliveries.Split split = SparkOutputDeliveries.split(objects);
			this.runs.step(run.id(), "Choosing the files to collect of " + objects.size() + " objects");
			List<ObjectGroup> groups = type.plan(store, split.others());
			tally.planned = groups.stream().mapToInt(group -> group.files().size()).sum();
			this.runs.fetched(run.id(), tally.planned, 0, 0);
			String user = "connector:" + connector.name();
			for (ObjectGroup group : groups) {
				collect(store, group, connector, run, user, tally, errors);
			}
			for (SparkOutputDeliveries.Output output : split.outputs()) {
				collect(store, output, connector, run, user, tally, errors);
			}
		}
	}

	/**
	 * Collects a group in which a file is new or changed: every such file replaces the
	 * earlier rows of its accounts and months, except those of the group's other files in
	 * this delivery (the unchanged ones, and the ones loaded before it in this run), so
	 * that a delivery in which only some parts changed ends with exactly its parts' rows.
	 */
	private void collect(ObjectStore store, ObjectGroup group, StoredConnector connector, ConnectorRun run, String user,
			Tally tally, List<String> errors) throws ConnectorException, InterruptedException {
		// one lookup per object: the job that collected this version of it, if one did
		Map<StoredObject, Optional<UUID>> collected = new LinkedHashMap<>();
		group.files().forEach(object -> collected.put(object, this.runs.jobOf(connector.id(), object)));
		List<StoredObject> changed = group.files().stream().filter(object -> collected.get(object).isEmpty()).toList();
		tally.skipped += group.files().size() - changed.size();
		if (changed.isEmpty()) {
			return;
		}
		Set<UUID> keep = new LinkedHashSet<>();
		collected.values().forEach(job -> job.flatMap(this.jobs::holderOf).ifPresent(keep::add));
		this.runs.counted(run.id(), tally.seen, tally.fresh, tally.skipped);
		for (StoredObject object : changed) {
			this.runs.step(run.id(), "Fetching " + object.key());
			IngestionJob job = submit(store, object, connector, keep, user);
			tally.fetched++;
			tally.bytes += object.size();
			this.runs.fetched(run.id(), tally.planned, tally.fetched, tally.bytes);
			this.runs.step(run.id(), "Waiting for the ingestion job of " + object.key());
			IngestionJob done = follow(connector, object, job, run, tally, errors, "file", "the file changes");
			if (done != null) {
				this.jobs.holderOf(done.id()).ifPresent(keep::add);
			}
		}
	}

	/**
	 * Collects a Spark output whose manifest is new or changed as one job (its parts kept
	 * in the file store), replacing the earlier data of its accounts and months.
	 */
	private void collect(ObjectStore store, SparkOutputDeliveries.Output output, StoredConnector connector,
			ConnectorRun run, String user, Tally tally, List<String> errors)
			throws ConnectorException, InterruptedException {
		if (this.runs.jobOf(connector.id(), output.manifest()).isPresent()) {
			tally.skipped++;
			return;
		}
		IngestionJob job;
		try (InputStream manifest = store.open(output.manifest())) {
			job = this.outputs.submitCollected("connector " + connector.name() + ": " + output.folder(),
					manifest.readAllBytes(), List.copyOf(output.parts().keySet()), part -> {
						try {
							return store.open(output.parts().get(part));
						}
						catch (ConnectorException ex) {
							throw new IOException(ex.getMessage(), ex);
						}
					}, UploadOptions.of(null, connector.orgUnit(), Overlap.REPLACE), user);
		}
		catch (IOException ex) {
			throw new ConnectorException("Reading the Spark output " + output.folder() + " from the store broke off ("
					+ ex.getMessage() + "); nothing of it was loaded. The next run tries again.", ex);
		}
		follow(connector, output.manifest(), job, run, tally, errors, "Spark output", "its manifest changes");
	}

	/**
	 * Records the job that collects {@code object} in the run, waits for it and says why
	 * it failed (the object is then tried again by the next run) or refused the
	 * {@code what} (collected again once {@code changes}).
	 * @return the completed job, or null when it failed or refused
	 */
	private @Nullable IngestionJob follow(StoredConnector connector, StoredObject object, IngestionJob job,
			ConnectorRun run, Tally tally, List<String> errors, String what, String changes)
			throws InterruptedException, ConnectorException {
		this.runs.recordObject(connector.id(), object, job.id(), run.id());
		this.runs.addJob(run.id(), job.id());
		tally.fresh++;
		tally.jobs.add(job.id());
		this.runs.counted(run.id(), tally.seen, tally.fresh, tally.skipped);
		IngestionJob done = this.waits.await(job, run);
		if ("FAILED".equals(done.status())) {
			this.runs.forgetObject(connector.id(), object);
			errors.add(object.key() + ": ingestion job " + done.id() + " FAILED: " + done.message()
					+ " The next run tries this " + what + " again.");
			return null;
		}
		if ("REJECTED".equals(done.status())) {
			errors.add(object.key() + ": ingestion job " + done.id() + " REJECTED the " + what + ": " + done.message()
					+ " It is collected again once " + changes + ".");
			return null;
		}
		return done;
	}

	private IngestionJob submit(ObjectStore store, StoredObject object, StoredConnector connector, Set<UUID> keep,
			String user) throws ConnectorException {
		try (InputStream content = store.open(object)) {
			return this.jobs.submit(content, object.fileName(),
					UploadOptions.of(null, connector.orgUnit(), Overlap.REPLACE).keeping(keep), user);
		}
		catch (IOException ex) {
			throw new ConnectorException("Reading " + object.key() + " from the store broke off (" + ex.getMessage()
					+ "); nothing of it was stored. The next run tries again.", ex);
		}
	}

	static final class Tally {

		int seen;

		int fresh;

		int skipped;

		int planned;

		int fetched;

		long bytes;

		final List<UUID> jobs = new ArrayList<>();

	}

}
