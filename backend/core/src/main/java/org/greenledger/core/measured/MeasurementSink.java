package org.greenledger.core.measured;

import org.greenledger.core.table.RowError;

/**
 * Receives what a measured-data reader reads, in file order. Every data row of the file
 * ends in exactly one call that names its row: a sample, an interval, a run, or a
 * rejection (a row carrying several samples, like one nvidia-smi line, is one call per
 * sample with the same row number). Readers reject what they can tell alone (unknown
 * units, unparsable cells, negative values); the sink checks what needs the series'
 * history (timestamps going backwards, duplicates, overlapping intervals, counter
 * resets).
 */
public interface MeasurementSink {

	/**
	 * Registers a series (once per distinct series; registering an equal series again
	 * returns the same handle).
	 * @return the handle the other calls take
	 */
	int series(Series series);

	/**
	 * An instantaneous power reading.
	 * @param row the 1-based data row
	 * @param series a handle from {@link #series}
	 * @param epochMillis when it was taken
	 * @param watts the power, at least 0
	 */
	void power(long row, int series, long epochMillis, double watts);

	/**
	 * A cumulative energy counter reading (it may reset to a lower value, for example
	 * when the exporter restarts).
	 * @param joules the counter's value, at least 0
	 */
	void counter(long row, int series, long epochMillis, double joules);

	/**
	 * An amount measured over an interval: energy in kWh (a kW average is converted by
	 * the reader), water or fuel in litres, as the series' quantity says.
	 * @param startMillis the interval's start, inclusive
	 * @param endMillis the interval's end, exclusive, after the start
	 * @param amount at least 0
	 */
	void interval(long row, int series, long startMillis, long endMillis, double amount);

	/** One CodeCarbon row (a run or one measurement of a run). */
	void run(long row, int series, CodeCarbonRun run);

	/**
	 * A valid row that measures something GreenLedger does not count (for example energy
	 * a site exported to the grid). Counted apart from rejected rows, with its reason as
	 * a note; implementations that make no difference reject it.
	 */
	default void ignored(long row, String column, String reason) {
		rejected(row, java.util.List.of(new RowError(row, column, reason)));
	}

	/**
	 * A row that is used, but with an assumption or a default the reader of the result
	 * should know about (for example a CodeCarbon row without a run id, a Green Button
	 * file without units); kept as a note of the job. Implementations that keep no notes
	 * ignore it.
	 * @param row the row, or 0 for the whole file
	 * @param column the column or element concerned, or {@code *}
	 */
	default void flagged(long row, String column, String message) {
	}

	/** A row that cannot be used, with everything wrong with it. */
	void rejected(long row, java.util.List<RowError> errors);

}
