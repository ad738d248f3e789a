package org.greenledger.ingestion.measured;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.greenledger.ingestion.RowError;
import org.greenledger.ingestion.RowErrors;

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

	static final long HOUR = 3_600_000L;

	/** kWh per watt-millisecond. */
	private static final double KWH_PER_WATT_MILLI = 1.0 / 3.6e9;

	/** kWh per joule. */
	private static final double KWH_PER_JOULE = 1.0 / 3.6e6;

	private static final long NO_HOUR = Long.MIN_VALUE;

	private final long maxGapMillis;

	private final Consumer<MeasuredLine> lines;

	private final Map<Series, Integer> handles = new HashMap<>();

	private final List<Series> series = new ArrayList<>();

	private State[] states = new State[16];

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
		this.states[handle] = new State(handle);
		return handle;
	}

	@Override
	public void power(long row, int series, long epochMillis, double watts) {
		State state = this.states[series];
		if (state.started) {
			long previous = state.lastMillis;
			if (epochMillis <= previous) {
				outOfOrder(row, state, epochMillis, watts, " W");
				return;
			}
			long gap = epochMillis - previous;
			if (gap > this.maxGapMillis) {
				note(row, series,
						"no sample for " + duration(gap) + " after row " + state.lastRow + " ("
								+ Instant.ofEpochMilli(previous) + " to " + Instant.ofEpochMilli(epochMillis)
								+ "), longer than the maximum gap of " + duration(this.maxGapMillis)
								+ ": the energy of the gap is not counted");
				mark(state, epochMillis, row);
			}
			else {
				trapezoid(state, previous, state.lastValue, epochMillis, watts, row);
			}
		}
		else {
			state.started = true;
			mark(state, epochMillis, row);
		}
		state.points++;
		state.lastMillis = epochMillis;
		state.lastValue = watts;
		state.lastRow = row;
		this.accepted++;
	}

	@Override
	public void counter(long row, int series, long epochMillis, double joules) {
		State state = this.states[series];
		if (state.started) {
			long previous = state.lastMillis;
			if (epochMillis <= previous) {
				outOfOrder(row, state, epochMillis, joules, " J");
				return;
			}
			double increase = joules - state.lastValue;
			if (increase < 0) {
				note(row, series,
						"counter reset: it went from " + number(state.lastValue) + " J (row " + state.lastRow + ") to "
								+ number(joules) + " J; the " + number(joules)
								+ " J since the reset are counted (the counter is taken to have restarted from 0)");
				increase = joules;
			}
			spread(state, previous, epochMillis, increase * KWH_PER_JOULE, row);
		}
		else {
			state.started = true;
			mark(state, epochMillis, row);
		}
		state.points++;
		state.lastMillis = epochMillis;
		state.lastValue = joules;
		state.lastRow = row;
		this.accepted++;
	}

	@Override
	public void interval(long row, int series, long startMillis, long endMillis, double amount) {
		State state = this.states[series];
		if (state.hasInterval && startMillis < state.intervalEnd) {
			String other = "row " + state.intervalRow + " of this series";
			if (startMillis == state.intervalStart && endMillis == state.intervalEnd) {
				reject(row, "*",
						(amount == state.intervalAmount) ? "duplicate of row " + state.intervalRow
								: "conflicting sample: row " + state.intervalRow + " has "
										+ number(state.intervalAmount) + " for the same interval");
			}
			else if (endMillis <= state.intervalStart) {
				reject(row, "*", "interval goes backwards: " + other + " started at "
						+ Instant.ofEpochMilli(state.intervalStart) + ", after this interval's end");
			}
			else {
				reject(row, "*", "interval overlaps " + other + " (" + Instant.ofEpochMilli(state.intervalStart)
						+ " to " + Instant.ofEpochMilli(state.intervalEnd) + ")");
			}
			return;
		}
		state.hasInterval = true;
		state.intervalStart = startMillis;
		state.intervalEnd = endMillis;
		state.intervalAmount = amount;
		state.intervalRow = row;
		if (endMillis - startMillis > HOUR) {
			this.lines.accept(new MeasuredLine(series, startMillis, endMillis, amount, 1, row, row, null));
		}
		else {
			spread(state, startMillis, endMillis, amount, row);
		}
		this.accepted++;
	}

	@Override
	public void run(long row, int series, CodeCarbonRun run) {
		long end = run.end().toEpochMilli();
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
			State state = this.states[i];
			flush(state);
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

	private void outOfOrder(long row, State state, long epochMillis, double value, String unit) {
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
			reject(row, "*", "conflicting sample: row " + state.lastRow + " has " + number(state.lastValue) + unit
					+ " at the same time");
		}
	}

	/** Integrates a power segment, split at clock hours with interpolated power. */
	private void trapezoid(State state, long from, double fromWatts, long to, double toWatts, long row) {
		long start = from;
		double startWatts = fromWatts;
		while (true) {
			long hour = start - Math.floorMod(start, HOUR);
			long boundary = hour + HOUR;
			if (to <= boundary) {
				add(state, hour, start, to, (startWatts + toWatts) * 0.5 * (to - start) * KWH_PER_WATT_MILLI, row);
				return;
			}
			double boundaryWatts = fromWatts + (toWatts - fromWatts) * ((double) (boundary - from) / (to - from));
			add(state, hour, start, boundary,
					(startWatts + boundaryWatts) * 0.5 * (boundary - start) * KWH_PER_WATT_MILLI, row);
			start = boundary;
			startWatts = boundaryWatts;
		}
	}

	/** Spreads an amount evenly over a period, split at clock hours. */
	private void spread(State state, long from, long to, double amount, long row) {
		long start = from;
		double length = to - from;
		while (true) {
			long hour = start - Math.floorMod(start, HOUR);
			long boundary = hour + HOUR;
			if (to <= boundary) {
				add(state, hour, start, to, (start == from) ? amount : amount * ((to - start) / length), row);
				return;
			}
			add(state, hour, start, boundary, amount * ((boundary - start) / length), row);
			start = boundary;
		}
	}

	/** A sample that starts a series (no energy yet): it belongs to its hour. */
	private void mark(State state, long epochMillis, long row) {
		add(state, epochMillis - Math.floorMod(epochMillis, HOUR), epochMillis, epochMillis, 0, row);
	}

	private void add(State state, long hour, long from, long to, double amount, long row) {
		if (state.hour != hour) {
			flush(state);
			state.hour = hour;
			state.amount = 0;
			state.samples = 0;
			state.firstRow = row;
			state.coveredFrom = from;
			state.coveredTo = to;
			state.countedRow = Long.MIN_VALUE;
		}
		state.amount += amount;
		if (from < state.coveredFrom) {
			state.coveredFrom = from;
		}
		if (to > state.coveredTo) {
			state.coveredTo = to;
		}
		if (row != state.countedRow) {
			state.samples++;
			state.countedRow = row;
		}
	}

	private void flush(State state) {
		if (state.hour != NO_HOUR && state.coveredTo > state.coveredFrom) {
			this.lines.accept(new MeasuredLine(state.handle, state.coveredFrom, state.coveredTo, state.amount,
					state.samples, state.firstRow, state.countedRow, null));
		}
		state.hour = NO_HOUR;
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
			this.notes.add(new MeasurementNote(row, describe(this.series.get(series)), message));
		}
	}

	/** A series for people: source, metric and labels. */
	static String describe(Series series) {
		return series.source() + " " + series.metric() + " " + series.labels();
	}

	static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.toString(value);
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	static String duration(long millis) {
		StringBuilder text = new StringBuilder();
		long hours = millis / HOUR;
		long minutes = (millis % HOUR) / 60_000;
		long seconds = (millis % 60_000) / 1000;
		long rest = millis % 1000;
		if (hours > 0) {
			text.append(hours).append(" h ");
		}
		if (minutes > 0) {
			text.append(minutes).append(" min ");
		}
		if (seconds > 0 || rest > 0 || text.isEmpty()) {
			text.append(seconds);
			if (rest > 0) {
				text.append('.').append(String.format("%03d", rest));
			}
			text.append(" s ");
		}
		return text.toString().strip();
	}

	/** A series' state: the previous sample or interval and the open hour. */
	private static final class State {

		final int handle;

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

		long hour = NO_HOUR;

		double amount;

		int samples;

		long firstRow;

		/** The last row counted in the open hour. */
		long countedRow;

		long coveredFrom;

		long coveredTo;

		State(int handle) {
			this.handle = handle;
		}

	}

	private record RunKey(int series, long endMillis, long energyBits) {
	}

}
