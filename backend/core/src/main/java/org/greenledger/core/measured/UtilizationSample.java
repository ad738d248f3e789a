package org.greenledger.core.measured;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One CPU utilization datapoint of an instance.
 *
 * @param row where it is in the file (a line number for JSON)
 * @param instance the instance it measures
 * @param start the start of the datapoint's period
 * @param periodSeconds the length of the period the statistic covers (0 when unknown)
 * @param percent the CPU utilization in percent (0 to 100)
 * @param statistic which statistic of the period it is (Average, Maximum)
 * @param maximumPercent the period's maximum when the file gives it beside the average,
 * else null (for the peak the instance must hold)
 */
public record UtilizationSample(long row, MonitoredInstance instance, Instant start, long periodSeconds, double percent,
		String statistic, @Nullable Double maximumPercent) {

}
