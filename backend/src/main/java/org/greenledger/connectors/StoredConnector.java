package org.greenledger.connectors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A connector's row: its settings and its sealed secrets (AES-GCM, see
 * {@link SecretBox}); never leaves the module with the secrets.
 */
record StoredConnector(UUID id, String name, ConnectorType type, @Nullable String schedule, @Nullable String orgUnit,
		Map<String, String> settings, byte @Nullable [] sealedSecrets, List<String> secretNames, String createdBy,
		Instant createdAt, String updatedBy, Instant updatedAt, long version) {

	@Override
	public String toString() {
		return "StoredConnector[" + this.name + ", " + this.type + ", settings=" + this.settings + ", secrets set="
				+ this.secretNames + "]";
	}

}
