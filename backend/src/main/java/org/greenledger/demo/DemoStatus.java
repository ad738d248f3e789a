package org.greenledger.demo;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Where the demo organisation stands, as the portal polls it.
 *
 * @param state ABSENT, LOADING, LOADED, REMOVING or FAILED
 * @param step what the load or removal is doing (or did last)
 * @param done steps done of {@code total}
 * @param holdings how many things the demo created (jobs, sites, ...)
 */
public record DemoStatus(String state, String step, int done, int total, @Nullable String message,
		@Nullable String startedBy, @Nullable Instant startedAt, @Nullable Instant finishedAt, int holdings) {

	static DemoStatus absent() {
		return new DemoStatus("ABSENT", "", 0, 0, null, null, null, null, 0);
	}

	/**
	 * Whether demo data is in the installation (loaded, or partly while it loads or
	 * fails).
	 */
	@JsonProperty
	public boolean present() {
		return !"ABSENT".equals(this.state);
	}

	/** Whether a load or a removal is under way. */
	@JsonProperty
	public boolean running() {
		return "LOADING".equals(this.state) || "REMOVING".equals(this.state);
	}

	/** The share done, 0 to 1. */
	@JsonProperty
	public double progress() {
		return (this.total > 0) ? Math.min(1, (double) this.done / this.total) : 0;
	}

}
