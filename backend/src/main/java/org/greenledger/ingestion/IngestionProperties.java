package org.greenledger.ingestion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingestion settings.
 *
 * @param maxRejectedShare a file whose share of rejected rows is above this is REJECTED
 * as a whole (nothing stored); at or below it, it COMPLETES with those rows listed
 */
@ConfigurationProperties("greenledger.ingestion")
record IngestionProperties(@DefaultValue("0.0") double maxRejectedShare) {

}
