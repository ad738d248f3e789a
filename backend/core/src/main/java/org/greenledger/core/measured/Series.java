package org.greenledger.core.measured;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One measured time series: its source, metric, quantity and identifying labels (see
 * {@link SeriesLabels} for the keys GreenLedger understands; other labels are kept as
 * they are). Two series are the same when all of these are equal.
 *
 * @param source the kind of file
 * @param metric what the file calls the measurement, for example
 * {@code DCGM_FI_DEV_POWER_USAGE}, {@code power.draw}, {@code energy_consumed}, or the
 * meter CSV's unit column
 * @param quantity the quantity of the amounts handed to the sink
 * @param labels identifying labels, sorted by key
 */
public record Series(MeasuredSource source, String metric, Quantity quantity, SortedMap<String, String> labels) {

	public Series {
		labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
	}

	public static Series of(MeasuredSource source, String metric, Quantity quantity, Map<String, String> labels) {
		return new Series(source, metric, quantity, new TreeMap<>(labels));
	}

	public String label(String key) {
		return this.labels.get(key);
	}

}
