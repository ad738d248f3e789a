package org.greenledger.core.measured;

import java.time.Instant;

/**
 * One CPU utilization datapoint of an instance.
 *
 * @param row where it is in the file (a line number for JSON)
 * @param instance the instance it measures
 * @param start the start of the datapoint's period
 * @param periodSeconds the length of the period the statistic covers (0 when unknown)
 * @param percent the CPU utilization in percent (0 to 100)
 * @param statistic which statistic of the period it is (Average, Maximum)
 */
public record UtilizationSample(long row, MonitoredInstance instance, Instant start, long periodSeconds, double percent,
		String statistic) {

}
