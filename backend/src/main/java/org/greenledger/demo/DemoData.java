package org.greenledger.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.audit.AuditLog;
import org.greenledger.ingestion.IngestionJob;
import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.sites.Sites;
import org.greenledger.system.ApiProblemException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * The demo organisation as the portal and the API see it: its status, its load (in the
 * background, each step reported for the page that polls it) and its removal. Loading is
 * refused while demo data is present; removing is refused while a load or removal runs.
 */
@Service
public class DemoData implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoStore store;

	private final DemoUploads uploads;

	private final DemoRecords records;

	private final DemoRemoval removal;

	private final AuditLog audit;

	private final IngestionJobs jobs;

	private final Sites sites;

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("demo-data").daemon().factory());

	DemoData(DemoStore store, DemoUploads uploads, DemoRecords records, DemoRemoval removal, AuditLog audit,
			IngestionJobs jobs, Sites sites) {
		this.jobs = jobs;
		this.sites = sites;
		this.store = store;
		this.uploads = uploads;
		this.records = records;
		this.removal = removal;
		this.audit = audit;
	}

	public DemoStatus status() {
		return this.store.status();
	}

	/** What the demo's load created, in the order it was created. */
	public List<DemoHolding> contents() {
		return this.store.holdings();
	}

	/**
	 * Whether the installation holds nothing yet (no upload, no site): the dashboard then
	 * offers the demo.
	 */
	public boolean installationEmpty() {
		return this.jobs.count(OrgUnitScope.UNRESTRICTED) == 0 && this.sites.all().isEmpty();
	}

	/**
	 * Starts loading the demo organisation in the background.
	 * @throws ApiProblemException 409 when demo data is present or being loaded
	 */
	public DemoStatus load(String user) {
		List<Step> steps = steps();
		if (!this.store.begin("LOADING", steps.size(), user)) {
			throw ApiProblemException.conflict("The demo organisation is present already ("
					+ this.store.status().state() + "); remove it before loading it again.");
		}
		this.audit.record(user, "DEMO_LOAD_STARTED", "demo organisation", Map.of("steps", steps.size()));
		this.worker.execute(() -> run(steps, user));
		return this.store.status();
	}

	/**
	 * Starts removing exactly what the demo's load created.
	 * @throws ApiProblemException 409 when no demo data is present or a load is running
	 */
	public DemoStatus remove(String user) {
		int holdings = this.store.holdings().size();
		if (!this.store.begin("REMOVING", holdings, user)) {
			throw ApiProblemException.conflict("There is no demo data to remove, or it is being loaded or removed ("
					+ this.store.status().state() + ").");
		}
		this.worker.execute(() -> {
			try {
				this.removal.removeAll(user);
			}
			catch (DataIntegrityViolationException ex) {
				log.warn("Removing the demo organisation failed", ex);
				this.store.fail("Something outside the demo refers to its data (for example a report issued for"
						+ " the reporting period " + DemoOrganisation.PERIOD + ", which is kept); nothing was removed");
			}
			catch (RuntimeException ex) {
				log.warn("Removing the demo organisation failed", ex);
				this.store.fail("Removing failed, nothing was removed: " + ex.getMessage());
			}
		});
		return this.store.status();
	}

	private void run(List<Step> steps, String user) {
		long started = System.nanoTime();
		try {
			for (int i = 0; i < steps.size(); i++) {
				this.store.step(steps.get(i).label(), i);
				steps.get(i).action().run();
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			this.store.finish("LOADED", "Loaded in " + millis / 1000.0 + " s");
			this.audit.record(user, "DEMO_LOADED", "demo organisation",
					Map.of("millis", millis, "holdings", this.store.holdings().size()));
			log.info("Demo organisation loaded in {} ms", millis);
		}
		catch (RuntimeException ex) {
			log.warn("Loading the demo organisation failed", ex);
			this.store.fail(ex.getMessage());
		}
	}

	/**
	 * The load's steps: the sites first (the meter readings name them), then every file
	 * handed to the job queue at once, the other records made while the jobs run, and the
	 * wait for each job.
	 */
	private List<Step> steps() {
		List<Step> steps = new ArrayList<>();
		List<DemoFile> files = new ArrayList<>(DemoFiles.bills());
		files.add(DemoFiles.readings());
		files.add(DemoFiles.providerCarbon());
		List<IngestionJob> submitted = new ArrayList<>();
		steps.add(new Step("Registering the demo sites and their instruments", () -> this.records.sites(userOf())));
		steps.add(new Step("Uploading " + files.size() + " files", () -> {
			for (DemoFile file : files) {
				submitted.add(this.uploads.submit(file, userOf()));
			}
		}));
		steps.add(new Step("Creating the demo AI workload", () -> this.records.workload(userOf())));
		steps.add(new Step("Creating suppliers and an evaluation", () -> this.records.suppliers(userOf())));
		steps.add(new Step("Opening the reporting period " + DemoOrganisation.PERIOD,
				() -> this.records.period(userOf())));
		for (int i = 0; i < files.size(); i++) {
			int index = i;
			steps.add(new Step("Processing " + files.get(i).name(), () -> this.uploads.await(submitted.get(index))));
		}
		return steps;
	}

	private String userOf() {
		String user = this.store.status().startedBy();
		return (user != null) ? user : "demo";
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

	private record Step(String label, Runnable action) {
	}

}
