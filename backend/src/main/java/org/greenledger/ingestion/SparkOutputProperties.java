package org.greenledger.ingestion;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where outputs of the GreenLedger Spark job may be loaded from
 * ({@code greenledger.spark.output-roots}): directories on this server (a mounted shared
 * file system, say) below which an output location must lie. None by default: loading
 * Spark outputs is then refused.
 */
@ConfigurationProperties("greenledger.spark")
record SparkOutputProperties(@DefaultValue List<Path> outputRoots) {

	SparkOutputProperties {
		outputRoots = List.copyOf(outputRoots);
	}

}
