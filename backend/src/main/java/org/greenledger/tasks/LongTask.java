package org.greenledger.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A long task as its readers see it.
 *
 * @param id the task (for a report generation also the id of the report it stores)
 * @param kind what it does ({@code REPORT}, {@code EVALUATION})
 * @param state RUNNING, COMPLETED or FAILED
 * @param step the step it is in, or ended in
 * @param detail what in the step
 * @param percent share of the work done, 0 to 100
 * @param steps the steps it went through, in order
 * @param message why it failed, in the user's words
 * @param result what it produced (for example the stored report's id)
 * @param startedBy who started it
 * @param orgUnit the org unit its result belongs to (none: the whole organisation)
 * @param node the node that runs it
 */
public record LongTask(UUID id, String kind, String state, String step, String detail, int percent, List<String> steps,
		@Nullable String message, @Nullable String result, String startedBy, @Nullable String orgUnit, String node,
		Instant startedAt, Instant updatedAt, @Nullable Instant finishedAt) {

	/** Whether the work is still under way. */
	@JsonProperty
	public boolean running() {
		return "RUNNING".equals(this.state);
	}

	/** Whether it ended with its result. */
	@JsonProperty
	public boolean completed() {
		return "COMPLETED".equals(this.state);
	}

	/** The share done, 0 to 1 (as the portal's progress script reads it). */
	@JsonProperty
	public double progress() {
		return this.percent / 100.0;
	}

}
