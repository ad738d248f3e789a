package org.greenledger.core.measured;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.greenledger.core.table.RowError;

/**
 * A sink that keeps every call a measured reader makes, in order, for reader tests: each
 * call in {@link #calls} (and the row it handed over in {@link #rows}), and by kind:
 * runs, intervals (with their series), power samples, rejected rows with their errors,
 * and flags. A sink made for one kind of reader ({@link #forRuns()},
 * {@link #forMeters()}) fails the test on a call of another kind.
 */
public final class RecordingSink implements MeasurementSink {

	/** One call: its kind (power, counter, interval, run, rejected) and figures. */
	public record Call(String kind, long row, int series, long millis, double value) {
	}

	/** One CodeCarbon run as handed over. */
	public record Run(long row, int series, CodeCarbonRun run) {
	}

	/** One interval as handed over. */
	public record Interval(long row, Series series, long startMillis, long endMillis, double amount) {
	}

	public final List<Series> series = new ArrayList<>();

	public final List<Call> calls = new ArrayList<>();

	public final List<Run> runs = new ArrayList<>();

	public final List<Interval> intervals = new ArrayList<>();

	/** Power samples (instantaneous W readings): row, epoch ms, W. */
	public final List<double[]> power = new ArrayList<>();

	public final List<RowError> errors = new ArrayList<>();

	/** The rows of the {@code rejected} calls, in order. */
	public final List<Long> rejectedRows = new ArrayList<>();

	/** Flags as "row column: message". */
	public final List<String> flags = new ArrayList<>();

	/** The row of every call that hands one over (all but series and flags), in order. */
	public final List<Long> rows = new ArrayList<>();

	private final Set<String> accepted;

	/** A sink for any reader. */
	public RecordingSink() {
		this(Set.of("power", "counter", "interval", "run"));
	}

	private RecordingSink(Set<String> accepted) {
		this.accepted = accepted;
	}

	/** A sink for CodeCarbon readers, whose rows are runs. */
	public static RecordingSink forRuns() {
		return new RecordingSink(Set.of("run"));
	}

	/** A sink for meter readers, which hand over intervals and power samples. */
	public static RecordingSink forMeters() {
		return new RecordingSink(Set.of("interval", "power"));
	}

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
		record("power", row, series, epochMillis, watts);
		this.power.add(new double[] { row, epochMillis, watts });
	}

	@Override
	public void counter(long row, int series, long epochMillis, double joules) {
		record("counter", row, series, epochMillis, joules);
	}

	@Override
	public void interval(long row, int series, long startMillis, long endMillis, double amount) {
		record("interval", row, series, startMillis, amount);
		this.intervals.add(new Interval(row, this.series.get(series), startMillis, endMillis, amount));
	}

	@Override
	public void run(long row, int series, CodeCarbonRun run) {
		record("run", row, series, run.end().toEpochMilli(), run.energyKwh());
		this.runs.add(new Run(row, series, run));
	}

	@Override
	public void flagged(long row, String column, String message) {
		this.flags.add(row + " " + column + ": " + message);
	}

	@Override
	public void rejected(long row, List<RowError> rowErrors) {
		this.calls.add(new Call("rejected", row, -1, 0, 0));
		this.rows.add(row);
		this.rejectedRows.add(row);
		this.errors.addAll(rowErrors);
	}

	/** The errors of one row as "column: message". */
	public List<String> errorsOf(long row) {
		return this.errors.stream()
			.filter(error -> error.row() == row)
			.map(error -> error.column() + ": " + error.message())
			.toList();
	}

	/** The series of a run. */
	public Series seriesOf(Run run) {
		return this.series.get(run.series());
	}

	private void record(String kind, long row, int series, long millis, double value) {
		if (!this.accepted.contains(kind)) {
			throw new AssertionError("this reader's sink takes only " + this.accepted + ", not a " + kind + " call");
		}
		this.calls.add(new Call(kind, row, series, millis, value));
		this.rows.add(row);
	}

}
