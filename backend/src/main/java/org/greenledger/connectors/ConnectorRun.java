package org.greenledger.connectors;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One run of a connector.
 *
 * @param id the run
 * @param connectorId its connector
 * @param status QUEUED, RUNNING, COMPLETED or FAILED
 * @param trigger SCHEDULE or MANUAL
 * @param requestedBy who asked for it ({@code scheduler} for scheduled runs)
 * @param queuedAt when it was asked for
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param objectsSeen objects listed under the prefix (data files, manifests and files no
 * current manifest lists); for a metric connector 1 when it pulled an interval
 * @param objectsNew objects handed to ingestion (new, or changed since they were
 * ingested)
 * @param objectsSkipped objects to collect that were ingested before with the same tag
 * @param jobs the ingestion jobs the run created, in order
 * @param errors why it failed, or what its jobs reported (rejected or failed files)
 * @param step what the run is doing (or did last): listing, choosing, fetching a file,
 * waiting for its ingestion job
 * @param filesPlanned the files the run chose to collect (new, changed and unchanged
 * ones); for a metric connector 1 when it pulls an interval
 * @param filesFetched of those, the files fetched and handed to ingestion so far
 * @param bytesFetched their size in bytes
 */
public record ConnectorRun(UUID id, UUID connectorId, String status, String trigger, String requestedBy,
		Instant queuedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, int objectsSeen, int objectsNew,
		int objectsSkipped, List<UUID> jobs, List<String> errors, String step, int filesPlanned, int filesFetched,
		long bytesFetched) {

	@JsonProperty
	public boolean active() {
		return "QUEUED".equals(this.status) || "RUNNING".equals(this.status);
	}

	/** Whether the run is under way (as the portal's progress script reads it). */
	@JsonProperty
	public boolean running() {
		return active();
	}

	/**
	 * The share of the chosen files dealt with (fetched, or skipped as unchanged), 0 to
	 * 1; 1 once the run ended.
	 */
	@JsonProperty
	public double progress() {
		if (!active()) {
			return 1;
		}
		return (this.filesPlanned > 0)
				? Math.min(1, (double) (this.filesFetched + this.objectsSkipped) / this.filesPlanned) : 0;
	}

	/**
	 * The progress in words: "3 of 10 files fetched (2 unchanged), 1.2 MB, 3 jobs
	 * submitted".
	 */
	@JsonProperty
	public String detail() {
		return this.objectsSeen + " objects listed, " + this.filesFetched + " of " + this.filesPlanned
				+ " files fetched" + ((this.objectsSkipped > 0) ? " (" + this.objectsSkipped + " unchanged)" : "")
				+ ", " + megabytes(this.bytesFetched) + ", " + this.jobs.size()
				+ ((this.jobs.size() == 1) ? " job" : " jobs") + " submitted";
	}

	private static String megabytes(long bytes) {
		return (bytes < 1_000_000) ? String.format(java.util.Locale.ENGLISH, "%,.1f kB", bytes / 1e3)
				: String.format(java.util.Locale.ENGLISH, "%,.1f MB", bytes / 1e6);
	}

}
