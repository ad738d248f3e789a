package org.greenledger.procurement;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.greenledger.security.OrgUnitScope;
import org.greenledger.tasks.LongTask;
import org.greenledger.tasks.LongTasks;
import org.springframework.stereotype.Service;

/**
 * Evaluations run in the background: the request is checked at once (invalid fields and
 * unknown names are refused before anything starts), then the candidates are scored as a
 * long task whose id is the id of the evaluation it stores, telling each candidate
 * scored.
 */
@Service
public class EvaluationRuns {

	/** The kind of long task. */
	public static final String KIND = "EVALUATION";

	private final Evaluations evaluations;

	private final LongTasks tasks;

	EvaluationRuns(Evaluations evaluations, LongTasks tasks) {
		this.evaluations = evaluations;
		this.tasks = tasks;
	}

	/**
	 * Starts the evaluation.
	 * @param request the request, its org unit resolved for the user
	 * @return the running task, whose id is the future evaluation's
	 * @throws org.greenledger.system.ApiProblemException 422 for invalid fields, 429 when
	 * the server runs as many long tasks as it may
	 */
	public LongTask start(EvaluationRequest request, String user) {
		this.evaluations.check(request);
		UUID id = UUID.randomUUID();
		return this.tasks.start(id, KIND, "the evaluation", user, request.orgUnit(),
				progress -> this.evaluations.evaluate(request, user, id, progress).id().toString());
	}

	/** An evaluation's run within the scope (another unit's is not found). */
	public Optional<LongTask> find(UUID id, OrgUnitScope scope) {
		return this.tasks.find(id).filter(task -> KIND.equals(task.kind()) && scope.includes(task.orgUnit()));
	}

	/** The run once it has ended, or as it stands after {@code wait}. */
	public LongTask awaitEnd(UUID id, Duration wait) {
		return this.tasks.awaitEnd(id, wait);
	}

}
