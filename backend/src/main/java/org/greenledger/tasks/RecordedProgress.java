package org.greenledger.tasks;

import java.util.UUID;

/**
 * Progress written to the task's row: at once when the step changes, otherwise at most
 * every quarter of a second, so that a loop over a million rows reporting each one costs
 * a few writes a second.
 */
final class RecordedProgress implements TaskProgress {

	private static final long EVERY_NANOS = 250_000_000L;

	private final UUID id;

	private final TaskStore store;

	private String step = "";

	private int percent;

	private long written;

	RecordedProgress(UUID id, TaskStore store) {
		this.id = id;
		this.store = store;
	}

	@Override
	public void report(String step, String detail, double share) {
		int percent = (int) Math.max(this.percent, Math.min(99, Math.floor(share * 100)));
		long now = System.nanoTime();
		boolean newStep = !step.equals(this.step);
		if (!newStep && now - this.written < EVERY_NANOS) {
			return;
		}
		this.step = step;
		this.percent = percent;
		this.written = now;
		this.store.progress(this.id, step, detail, percent);
	}

}
