package org.greenledger.connectors;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connectors' settings ({@code greenledger.connectors.*}).
 *
 * @param secretKey the AES-256 key that encrypts connectors' secrets, base64 (32 bytes);
 * when not set, a key is generated once into {@code <data dir>/connectors-secret.key}
 * (mode 600) and kept there
 * @param schedulerInterval how often due connectors are looked for
 * @param concurrentRuns how many connectors run at the same time on this node
 * @param jobTimeout how long a run waits for one ingestion job to finish
 * @param staleAfter after how long without a heartbeat a running run is taken as dead and
 * marked FAILED
 */
@ConfigurationProperties("greenledger.connectors")
record ConnectorsProperties(@Nullable String secretKey, @DefaultValue("30s") Duration schedulerInterval,
		@DefaultValue("2") int concurrentRuns, @DefaultValue("2h") Duration jobTimeout,
		@DefaultValue("2m") Duration staleAfter) {

}
