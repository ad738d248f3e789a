package org.greenledger.ingestion.measured;

import java.util.ArrayList;
import java.util.List;

import org.greenledger.ingestion.RowError;

/** A sink that keeps what meter readers hand it, for reader tests. */
public final class MeterRecordingSink implements MeasurementSink {

	/** One interval as handed over. */
	public record Interval(long row, Series series, long startMillis, long endMillis, double amount) {

	}

	public final List<Series> series = new ArrayList<>();

	public final List<Interval> intervals = new ArrayList<>();

	public final List<RowError> errors = new ArrayList<>();

	public final List<Long> rejectedRows = new ArrayList<>();

	/** Power samples (Green Button instantaneous W readings): row, epoch ms, W. */
	public final List<double[]> power = new ArrayList<>();

	/** Flags as "row column: message". */
	public final List<String> flags = new ArrayList<>();

	/** Every row number handed over, in order. */
	public final List<Long> rows = new ArrayList<>();

	@Override
	public int series(Series series) {
		int index = this.series.indexOf(series);
		if (index >= 0) {
			return index;
		}
		this.series.add(series);
		return this.series.size() - 1;
	}

	@Override
	public void power(long row, int series, long epochMillis, double watts) {
		this.rows.add(row);
		this.power.add(new double[] { row, epochMillis, watts });
	}

	@Override
	public void flagged(long row, String column, String message) {
		this.flags.add(row + " " + column + ": " + message);
	}

	@Override
	public void counter(long row, int series, long epochMillis, double joules) {
		throw new AssertionError("meters hand over intervals, not counters");
	}

	@Override
	public void interval(long row, int series, long startMillis, long endMillis, double amount) {
		this.rows.add(row);
		this.intervals.add(new Interval(row, this.series.get(series), startMillis, endMillis, amount));
	}

	@Override
	public void run(long row, int series, CodeCarbonRun run) {
		throw new AssertionError("meters hand over intervals, not runs");
	}

	@Override
	public void rejected(long row, List<RowError> rowErrors) {
		this.rows.add(row);
		this.rejectedRows.add(row);
		this.errors.addAll(rowErrors);
	}

}
