package org.greenledger.core.measured;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * One series' state in a {@link MeasurementTally}: its previous sample or interval, and
 * the clock hour (UTC) it is filling. Amounts are added to the open hour; when a segment
 * reaches the next hour the open one is handed over as a {@link MeasuredLine} (see the
 * tally for the rules).
 */
final class SeriesState {

	static final long HOUR = 3_600_000L;

	/** kWh per watt-millisecond. */
	private static final double KWH_PER_WATT_MILLI = 1.0 / 3.6e9;

	private static final long NO_HOUR = Long.MIN_VALUE;

	private final int handle;

	private final Consumer<MeasuredLine> lines;

	boolean started;

	/** Power or counter samples accepted. */
	long points;

	long lastMillis;

	double lastValue;

	long lastRow;

	boolean hasInterval;

	long intervalStart;

	long intervalEnd;

	double intervalAmount;

	long intervalRow;

	private long hour = NO_HOUR;

	private double amount;

	private int samples;

	private long firstRow;

	/** The last row counted in the open hour. */
	private long countedRow;

	private long coveredFrom;

	private long coveredTo;

	SeriesState(int handle, Consumer<MeasuredLine> lines) {
		this.handle = handle;
		this.lines = lines;
	}

	/**
	 * Why an interval cannot follow this series' previous one (a duplicate, a conflicting
	 * amount, an overlap, or going backwards), or {@code null} when it can.
	 */
	String clash(long startMillis, long endMillis, double amount) {
		if (!this.hasInterval || startMillis >= this.intervalEnd) {
			return null;
		}
		String other = "row " + this.intervalRow + " of this series";
		if (startMillis == this.intervalStart && endMillis == this.intervalEnd) {
			return (amount == this.intervalAmount) ? "duplicate of row " + this.intervalRow
					: "conflicting sample: row " + this.intervalRow + " has "
							+ MeasurementText.number(this.intervalAmount) + " for the same interval";
		}
		if (endMillis <= this.intervalStart) {
			return "interval goes backwards: " + other + " started at " + Instant.ofEpochMilli(this.intervalStart)
					+ ", after this interval's end";
		}
		return "interval overlaps " + other + " (" + Instant.ofEpochMilli(this.intervalStart) + " to "
				+ Instant.ofEpochMilli(this.intervalEnd) + ")";
	}

	/** Integrates a power segment, split at clock hours with interpolated power. */
	void trapezoid(long from, double fromWatts, long to, double toWatts, long row) {
		long start = from;
		double startWatts = fromWatts;
		while (true) {
			long hourStart = start - Math.floorMod(start, HOUR);
			long boundary = hourStart + HOUR;
			if (to <= boundary) {
				add(hourStart, start, to, (startWatts + toWatts) * 0.5 * (to - start) * KWH_PER_WATT_MILLI, row);
				return;
			}
			double boundaryWatts = fromWatts + (toWatts - fromWatts) * ((double) (boundary - from) / (to - from));
			add(hourStart, start, boundary,
					(startWatts + boundaryWatts) * 0.5 * (boundary - start) * KWH_PER_WATT_MILLI, row);
			start = boundary;
			startWatts = boundaryWatts;
		}
	}

	/** Spreads an amount evenly over a period, split at clock hours. */
	void spread(long from, long to, double total, long row) {
		long start = from;
		double length = to - from;
		while (true) {
			long hourStart = start - Math.floorMod(start, HOUR);
			long boundary = hourStart + HOUR;
			if (to <= boundary) {
				add(hourStart, start, to, (start == from) ? total : total * ((to - start) / length), row);
				return;
			}
			add(hourStart, start, boundary, total * ((boundary - start) / length), row);
			start = boundary;
		}
	}

	/** A sample that starts the series (no energy yet): it belongs to its hour. */
	void mark(long epochMillis, long row) {
		add(epochMillis - Math.floorMod(epochMillis, HOUR), epochMillis, epochMillis, 0, row);
	}

	/** Hands over the open hour, if anything in it was covered. */
	void flush() {
		if (this.hour != NO_HOUR && this.coveredTo > this.coveredFrom) {
			this.lines.accept(new MeasuredLine(this.handle, this.coveredFrom, this.coveredTo, this.amount, this.samples,
					this.firstRow, this.countedRow, null));
		}
		this.hour = NO_HOUR;
	}

	private void add(long hourStart, long from, long to, double part, long row) {
		if (this.hour != hourStart) {
			flush();
			this.hour = hourStart;
			this.amount = 0;
			this.samples = 0;
			this.firstRow = row;
			this.coveredFrom = from;
			this.coveredTo = to;
			this.countedRow = Long.MIN_VALUE;
		}
		this.amount += part;
		if (from < this.coveredFrom) {
			this.coveredFrom = from;
		}
		if (to > this.coveredTo) {
			this.coveredTo = to;
		}
		if (row != this.countedRow) {
			this.samples++;
			this.countedRow = row;
		}
	}

}
