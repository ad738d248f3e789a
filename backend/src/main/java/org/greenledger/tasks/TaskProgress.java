package org.greenledger.tasks;

/**
 * Where a long task's work stands, reported by the work itself as it goes (never by a
 * timer): the step it is in, what in that step ("page 12", "activity line 40,000 of
 * 160,000") and the share of the whole work done so far.
 */
@FunctionalInterface
public interface TaskProgress {

	/** Progress nobody follows (a synchronous request). */
	TaskProgress NONE = (step, detail, share) -> {
	};

	/**
	 * @param step the step, in the user's words ("Rendering the PDF")
	 * @param detail what in the step, or empty
	 * @param share of the whole work done, 0 to 1; a share below an earlier one is
	 * ignored, so that progress never goes back
	 */
	void report(String step, String detail, double share);

}
