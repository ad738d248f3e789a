package org.greenledger.ingestion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingestion settings.
 *
 * @param maxRejectedShare a file whose share of rejected rows is above this is REJECTED
 * as a whole (nothing stored); at or below it, it COMPLETES with those rows listed
 * @param telemetryMaxGap power samples of a series further apart than this are not
 * integrated (the energy between them is unknown and a note says so)
 */
@ConfigurationProperties("greenledger.ingestion")
record IngestionProperties(@DefaultValue("0.0") double maxRejectedShare,
		@DefaultValue("PT5M") java.time.Duration telemetryMaxGap) {

}
