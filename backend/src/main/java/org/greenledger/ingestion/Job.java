package org.greenledger.ingestion;

import org.greenledger.core.table.IngestionJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.Overlap;

/**
 * A job the worker claimed: what the upload said about its stored file. Its state changes
 * are {@link JobStore}'s.
 *
 * @param requestedFormat the format the upload named, or null to detect it
 * @param reading what the upload said about measured data (JSON), or null
 * @param keep jobs whose billing rows a REPLACE leaves in place (other parts of the same
 * delivery)
 */
record Job(UUID id, String fileName, String sha256, long bytes, @Nullable String orgUnit,
		@Nullable String requestedFormat, Overlap overlap, String createdBy, @Nullable String reading,
		List<UUID> keep) {

	Job {
		keep = List.copyOf(keep);
	}

	/** The upload's options, as the user sent them. */
	UploadOptions options() {
		Map<String, String> fields = new HashMap<>();
		if (this.reading != null) {
			IngestionJson.MAPPER.readValue(this.reading, Map.class)
				.forEach((key, value) -> fields.put(String.valueOf(key), String.valueOf(value)));
		}
		fields.put("format", this.requestedFormat);
		fields.put("orgUnit", this.orgUnit);
		fields.put("overlap", this.overlap.name());
		return UploadOptions.parse(fields::get);
	}

	/**
	 * A job's states and the transitions between them: a QUEUED job is claimed (RUNNING);
	 * a RUNNING job ends COMPLETED, REJECTED or FAILED, or is QUEUED again when the
	 * application stops or crashed; a FAILED job is QUEUED again when retried.
	 */
	enum Status {

		QUEUED, RUNNING, COMPLETED, FAILED, REJECTED;

		/** Whether a job in this state may move to {@code next}. */
		boolean allows(Status next) {
			return switch (this) {
				case QUEUED -> next == RUNNING;
				case RUNNING -> next == COMPLETED || next == REJECTED || next == FAILED || next == QUEUED;
				case FAILED -> next == QUEUED;
				case COMPLETED, REJECTED -> false;
			};
		}

	}

}
