package org.greenledger.connectors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A connector as the API shows it: never a secret's value, only which secrets are set.
 *
 * @param id the connector
 * @param name its unique name; runs submit files as the user {@code connector:<name>}
 * @param type what it collects from
 * @param schedule an ISO-8601 duration or a cron expression, or null to run only when
 * asked
 * @param orgUnit the org unit the collected data belongs to
 * @param settings the type's settings without secrets
 * @param secretsSet the names of the secrets that are set
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedBy who changed it last
 * @param updatedAt when
 * @param version incremented by every change
 * @param health {@code NEVER_RUN}, {@code OK} (the last finished run completed),
 * {@code FAILING} (it failed)
 * @param lastRun the newest run, or null
 * @param nextRun when the schedule runs it next, or null without a schedule
 */
public record Connector(UUID id, String name, ConnectorType type, @Nullable String schedule, @Nullable String orgUnit,
		Map<String, String> settings, List<String> secretsSet, String createdBy, Instant createdAt, String updatedBy,
		Instant updatedAt, long version, String health, @Nullable ConnectorRun lastRun, @Nullable Instant nextRun) {

	/** The user name runs submit their files as. */
	public String runUser() {
		return "connector:" + this.name;
	}

}
