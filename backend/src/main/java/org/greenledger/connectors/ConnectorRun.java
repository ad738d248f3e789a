package org.greenledger.connectors;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
 */
public record ConnectorRun(UUID id, UUID connectorId, String status, String trigger, String requestedBy,
		Instant queuedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, int objectsSeen, int objectsNew,
		int objectsSkipped, List<UUID> jobs, List<String> errors) {

	public boolean active() {
		return "QUEUED".equals(this.status) || "RUNNING".equals(this.status);
	}

}
