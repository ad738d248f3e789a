package org.greenledger.core.measured;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.greenledger.core.table.InputLimits;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.ValueRange;
import org.greenledger.core.table.RowErrors;

/**
 * The {@link MeasurementSink} that checks each series' order and turns its samples into
 * {@link MeasuredLine}s, streaming: a line is handed to the consumer as soon as it is
 * complete, and memory stays proportional to the number of series (each series has one
 * open clock hour at a time), not to the number of samples.
 *
 * <h2>Order</h2> Within a series, point samples (power and counter readings) must have
 * strictly increasing timestamps. A sample earlier than the series' previous accepted
 * sample is rejected ("timestamp goes backwards"); a sample at the same time with the
 * same value is rejected as a duplicate of that row; at the same time with another value
 * it is rejected as a conflicting sample. Intervals (meters) must start at or after the
 * end of the series' previous interval: an identical interval is a duplicate (or a
 * conflict when its amount differs), an overlapping one is rejected naming the row it
 * overlaps, and one that ends before the previous one started is rejected as going
 * backwards. A CodeCarbon run is rejected only when the series already has a run with the
 * same end and energy (that check keeps one small entry per run).
 *
 * <h2>Power (W) to energy (kWh)</h2> The energy between two consecutive samples of a
 * series is the trapezoid: the mean of the two powers times the time between them. A
 * segment that crosses a clock hour (UTC) is split at the hour, the power at the boundary
 * being interpolated linearly, so each hour gets exactly the part of the trapezoid inside
 * it. Sampling intervals need not be regular. When two consecutive samples are further
 * apart than {@code maxGap}, the segment between them is not integrated (the energy there
 * is unknown, not zero): a note names the row after the gap, and that sample starts the
 * series again, like the first sample of a series does. A series with a single sample has
 * no energy.
 *
 * <h2>Counters (J) to energy (kWh)</h2> The energy between two consecutive readings is
 * the increase of the counter. A decrease is a reset (the exporter restarted and the
 * counter started again from 0): the energy since the reset is the new reading, and a
 * note names the row. The energy of a difference is spread evenly over the time between
 * the two readings and split at clock hours in proportion to time. There is no maximum
 * gap for counters: the difference is known whatever the time between readings. The first
 * reading of a series starts it.
 *
 * <h2>Intervals and runs</h2> An interval of at most one hour is spread evenly over the
 * clock hours it touches; a longer interval becomes its own line as it is. A CodeCarbon
 * run becomes its own line (its start, its end, its {@code energy_consumed}).
 *
 * <h2>Lines</h2> Per series and clock hour (UTC) one line: the amount, the rows that
 * contributed to it (a segment crossing an hour counts its row in both hours), the first
 * and last contributing row, and as start and end the part of the hour actually covered
 * (from the first to the last covered instant). An hour in which nothing was covered (a
 * lone sample after a gap) has no line. {@link #finish()} hands over what is still open.
 *
 * <h2>Counts</h2> Every call counts once: a sample, an interval or a run as accepted, or
 * as rejected (a row that carries several samples counts once per sample). Every row
 * error is recorded in the job's {@link RowErrors}; the first {@value #STORED} notes are
 * kept and all are counted.
 */
public final class MeasurementTally implements MeasurementSink {

	/** How many notes are kept (all are counted). */
	public static final int STORED = 1_000;

	private long ignored;

	/** kWh per joule. */
	private static final double KWH_PER_JOULE = 1.0 / 3.6e6;

	private final long maxGapMillis;

	private final Consumer<MeasuredLine> lines;

	private final Map<Series, Integer> handles = new HashMap<>();

	private final List<Series> series = new ArrayList<>();

	private SeriesState[] states = new SeriesState[16];

	private final Map<RunKey, Long> runs = new HashMap<>();

	private final RowErrors errors;

	private final List<MeasurementNote> notes = new ArrayList<>();

	private long accepted;

	private long rejected;

	private long noteCount;

	/**
	 * @param maxGap the longest time between two power samples of a series that is still
	 * integrated
	 * @param lines receives each line as soon as it is complete
	 */
	public MeasurementTally(Duration maxGap, Consumer<MeasuredLine> lines) {
		this(maxGap, lines, new RowErrors());
	}

	/**
	 * @param maxGap the longest time between two power samples of a series that is still
	 * integrated
	 * @param lines receives each line as soon as it is complete
	 * @param errors records every row error
	 */
	public MeasurementTally(Duration maxGap, Consumer<MeasuredLine> lines, RowErrors errors) {
		this.maxGapMillis = maxGap.toMillis();
		this.lines = lines;
		this.errors = errors;
	}

	@Override
	public int series(Series series) {
		Integer known = this.handles.get(series);
		if (known != null) {
			return known;
		}
		int handle = this.series.size();
		this.series.add(series);
		this.handles.put(series, handle);
		if (handle == this.states.length) {
			this.states = Arrays.copyOf(this.states, handle * 2);
		}
		this.states[handle] = new SeriesState(handle, this.lines);
		return handle;
	}

	/**
	 * Whether a sample's time is in the date window and its value in its range; rejects
	 * the row (naming the quantity) when not.
	 */
	private boolean admissible(long row, String column, String timeColumn, long epochMillis, double value,
			ValueRange range) {
		InputLimits limits = InputLimits.current();
		if (!limits.admits(epochMillis)) {
			reject(row, timeColumn, Instant.ofEpochMilli(epochMillis) + " is " + limits.dateWindow());
			return false;
		}
		String problem = range.check(value);
		if (problem != null) {
			reject(row, column, problem);
			return false;
		}
		return true;
	}

	@Override
	public void power(long row, int series, long epochMillis, double watts) {
		if (!admissible(row, "power", "timestamp", epochMillis, watts, ValueRange.POWER_WATTS)) {
			return;
		}
		SeriesState state = this.states[series];
		if (state.started) {
			long previous = state.lastMillis;
			if (epochMillis <= previous) {
				outOfOrder(row, state, epochMillis, watts, " W");
				return;
			}
			long gap = epochMillis - previous;
			if (gap > this.maxGapMillis) {
				note(row, series,
						"no sample for " + MeasurementText.duration(gap) + " after row " + state.lastRow + " ("
								+ Instant.ofEpochMilli(previous) + " to " + Instant.ofEpochMilli(epochMillis)
								+ "), longer than the maximum gap of " + MeasurementText.duration(this.maxGapMillis)
								+ ": the energy of the gap is not counted");
				state.mark(epochMillis, row);
			}
			else {
				state.trapezoid(previous, state.lastValue, epochMillis, watts, row);
			}
		}
		else {
			state.started = true;
			state.mark(epochMillis, row);
		}
		state.points++;
		state.lastMillis = epochMillis;
		state.lastValue = watts;
		state.lastRow = row;
		this.accepted++;
	}

	@Override
	public void counter(long row, int series, long epochMillis, double joules) {
		if (!admissible(row, "energy", "timestamp", epochMillis, joules, ValueRange.ENERGY_COUNTER_JOULES)) {
			return;
		}
		SeriesState state = this.states[series];
		if (state.started) {
			long previous = state.lastMillis;
			if (epochMillis <= previous) {
				outOfOrder(row, state, epochMillis, joules, " J");
				return;
			}
			double increase = joules - state.lastValue;
			if (increase < 0) {
				note(row, series,
						"counter reset: it went from " + MeasurementText.number(state.lastValue) + " J (row "
								+ state.lastRow + ") to " + MeasurementText.number(joules) + " J; the "
								+ MeasurementText.number(joules)
								+ " J since the reset are counted (the counter is taken to have restarted from 0)");
				increase = joules;
			}
			state.spread(previous, epochMillis, increase * KWH_PER_JOULE, row);
		}
		else {
			state.started = true;
			state.mark(epochMillis, row);
		}
		state.points++;
		state.lastMillis = epochMillis;
		state.lastValue = joules;
		state.lastRow = row;
		this.accepted++;
	}

	@Override
	public void interval(long row, int series, long startMillis, long endMillis, double amount) {
		if (!admissible(row, "value", "start", startMillis, amount, ValueRange.INTERVAL_AMOUNT)
				|| !admissible(row, "value", "end", endMillis, amount, ValueRange.INTERVAL_AMOUNT)) {
			return;
		}
		SeriesState state = this.states[series];
		String clash = state.clash(startMillis, endMillis, amount);
		if (clash != null) {
			reject(row, "*", clash);
			return;
		}
		state.hasInterval = true;
		state.intervalStart = startMillis;
		state.intervalEnd = endMillis;
		state.intervalAmount = amount;
		state.intervalRow = row;
		if (endMillis - startMillis > SeriesState.HOUR) {
			this.lines.accept(new MeasuredLine(series, startMillis, endMillis, amount, 1, row, row, null));
		}
		else {
			state.spread(startMillis, endMillis, amount, row);
		}
		this.accepted++;
	}

	@Override
	public void run(long row, int series, CodeCarbonRun run) {
		long end = run.end().toEpochMilli();
		if (!admissible(row, "energy_consumed", "timestamp", end, run.energyKwh(), ValueRange.INTERVAL_AMOUNT)
				|| !admissible(row, "duration", "timestamp", run.start().toEpochMilli(), run.durationSeconds(),
						ValueRange.INTERVAL_AMOUNT)) {
			return;
		}
		Long duplicate = this.runs.putIfAbsent(new RunKey(series, end, Double.doubleToLongBits(run.energyKwh())), row);
		if (duplicate != null) {
			reject(row, "*", "duplicate of row " + duplicate + " (same end and energy)");
			return;
		}
		this.lines.accept(new MeasuredLine(series, run.start().toEpochMilli(), end, run.energyKwh(), 1, row, row, run));
		this.accepted++;
	}

	@Override
	public void ignored(long row, String column, String reason) {
		this.ignored++;
		if (this.notes.size() < STORED) {
			this.notes.add(new MeasurementNote(row, column, "not counted: " + reason));
		}
	}

	@Override
	public void flagged(long row, String column, String message) {
		this.noteCount++;
		if (this.notes.size() < STORED) {
			this.notes.add(new MeasurementNote(row, column, message));
		}
	}

	/** Rows read and deliberately not counted (see {@link #ignored}). */
	public long ignored() {
		return this.ignored;
	}

	@Override
	public void rejected(long row, List<RowError> errors) {
		this.rejected++;
		for (RowError error : errors) {
			keep(error);
		}
	}

	/**
	 * Hands over every line still open and notes each power or counter series that had a
	 * single sample (it has no energy: one reading cannot be integrated); call once,
	 * after the last row.
	 */
	public void finish() {
		long single = 0;
		for (int i = 0; i < this.series.size(); i++) {
			SeriesState state = this.states[i];
			state.flush();
			if (state.started && state.points == 1) {
				single++;
				note(state.lastRow, i, "only one sample in the file (row " + state.lastRow + "): energy is the"
						+ " integral of power over time, or the increase of a counter between two readings, so one"
						+ " reading gives none; no energy is counted for this series");
			}
		}
		if (single > 0 && single == this.series.size()) {
			this.noteCount++;
			this.notes.add(0, new MeasurementNote(0, "*",
					"every series of the file has a single sample, so the file holds no energy (0 kWh): send"
							+ " readings taken over time (several samples per series, for example nvidia-smi -l or"
							+ " scrapes with timestamps)"));
		}
	}

	/** Samples, intervals and runs accepted. */
	public long accepted() {
		return this.accepted;
	}

	/** Calls rejected, by the reader or by the tally. */
	public long rejected() {
		return this.rejected;
	}

	/** The first {@value RowErrors#KEPT} row errors. */
	public List<RowError> errors() {
		return this.errors.kept();
	}

	/** All row errors, including those not kept in memory. */
	public long errorCount() {
		return this.errors.count();
	}

	/** The first {@value #STORED} notes. */
	public List<MeasurementNote> notes() {
		return Collections.unmodifiableList(this.notes);
	}

	/** All notes, including those not kept. */
	public long noteCount() {
		return this.noteCount;
	}

	/** The series of a handle. */
	public Series series(int handle) {
		return this.series.get(handle);
	}

	/** The series registered, in handle order. */
	public List<Series> series() {
		return Collections.unmodifiableList(this.series);
	}

	private void outOfOrder(long row, SeriesState state, long epochMillis, double value, String unit) {
		if (epochMillis < state.lastMillis) {
			reject(row, "timestamp",
					"timestamp goes backwards: row " + state.lastRow + " of this series was at "
							+ Instant.ofEpochMilli(state.lastMillis) + " (this row: "
							+ Instant.ofEpochMilli(epochMillis) + ")");
		}
		else if (value == state.lastValue) {
			reject(row, "*", "duplicate of row " + state.lastRow);
		}
		else {
			reject(row, "*", "conflicting sample: row " + state.lastRow + " has "
					+ MeasurementText.number(state.lastValue) + unit + " at the same time");
		}
	}

	private void reject(long row, String column, String message) {
		this.rejected++;
		keep(new RowError(row, column, message));
	}

	private void keep(RowError error) {
		this.errors.add(error);
	}

	private void note(long row, int series, String message) {
		this.noteCount++;
		if (this.notes.size() < STORED) {
			this.notes.add(new MeasurementNote(row, MeasurementText.describe(this.series.get(series)), message));
		}
	}

	private record RunKey(int series, long endMillis, long energyBits) {
	}

}
