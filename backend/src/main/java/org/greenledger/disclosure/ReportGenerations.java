package org.greenledger.disclosure;

import java.util.Optional;
import java.util.UUID;

import org.greenledger.security.OrgUnitScope;
import org.greenledger.tasks.LongTask;
import org.greenledger.tasks.LongTasks;
import org.springframework.stereotype.Service;

/**
 * Reports generated in the background: the request is checked at once (what
 * {@link Disclosures#generate} would refuse is refused before anything starts), then the
 * generation runs as a long task whose id is the id of the report it stores, so that the
 * report's page and address are known from the start. The stored report is the same as a
 * synchronous generation's: same code, same renderings.
 */
@Service
public class ReportGenerations {

	/** The kind of long task. */
	public static final String KIND = "REPORT";

	/** Reports of at most this many activity lines are quick (see {@link #quick}). */
	public static final long QUICK_LINES = 10_000;

	private final Disclosures disclosures;

	private final LongTasks tasks;

	ReportGenerations(Disclosures disclosures, LongTasks tasks) {
		this.disclosures = disclosures;
		this.tasks = tasks;
	}

	/**
	 * Starts generating the report.
	 * @param request the request, its org unit resolved for the user
	 * @return the running task, whose id is the future report's
	 * @throws org.greenledger.system.ApiProblemException 422 or 409 for what the
	 * generation would refuse, 429 when the server runs as many long tasks as it may
	 */
	public LongTask start(ReportRequest request, OrgUnitScope scope, String user) {
		this.disclosures.check(request, scope);
		UUID id = UUID.randomUUID();
		String orgUnit = (request.orgUnit() != null && !request.orgUnit().isBlank()) ? request.orgUnit().strip() : null;
		return this.tasks.start(id, KIND, "generating the report", user, orgUnit,
				progress -> this.disclosures.generate(request, scope, user, id, progress).id().toString());
	}

	/**
	 * Whether the report is small enough for a page to wait for it (at most
	 * {@value #QUICK_LINES} activity lines: a second or two) rather than show its
	 * progress.
	 */
	public boolean quick(ReportRequest request) {
		return this.disclosures.lines(request) <= QUICK_LINES;
	}

	/** The generation once it has ended, or as it stands after {@code wait}. */
	public LongTask awaitEnd(UUID id, java.time.Duration wait) {
		return this.tasks.awaitEnd(id, wait);
	}

	/** A generation of a report within the scope (another unit's is not found). */
	public Optional<LongTask> find(UUID id, OrgUnitScope scope) {
		return this.tasks.find(id).filter(task -> KIND.equals(task.kind()) && scope.includes(task.orgUnit()));
	}

}
