package org.greenledger.tasks;

/** The work of a long task. */
@FunctionalInterface
public interface TaskWork {

	/**
	 * Does the work, reporting its progress.
	 * @param progress where to report
	 * @return what the work produced, for its readers (for example the id of the stored
	 * report)
	 * @throws org.greenledger.system.ApiProblemException a refusal in the user's words,
	 * which becomes the task's message
	 */
	String run(TaskProgress progress);

}
