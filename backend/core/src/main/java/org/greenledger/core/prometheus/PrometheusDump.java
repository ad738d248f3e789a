package org.greenledger.core.prometheus;

import java.util.SortedMap;

/**
 * What {@link PrometheusTextReader} found in a dump besides the samples it handed over.
 *
 * @param openMetrics whether the dump is OpenMetrics text ({@code # EOF} lines or
 * timestamps in seconds) rather than Prometheus text (timestamps in milliseconds)
 * @param lines physical lines read
 * @param energySamples sample lines of energy metrics (each ended in one sink call)
 * @param ignoredMetrics the other metrics' names with their sample line counts
 */
public record PrometheusDump(boolean openMetrics, long lines, long energySamples,
		SortedMap<String, Long> ignoredMetrics) {

}
