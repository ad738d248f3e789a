package org.greenledger.ingestion.codecarbon;

import java.util.ArrayList;
import java.util.List;

import org.greenledger.ingestion.RowError;
import org.greenledger.ingestion.measured.CodeCarbonRun;
import org.greenledger.ingestion.measured.MeasurementSink;
import org.greenledger.ingestion.measured.Series;

/** Records what a reader hands over, in order. */
class RecordingSink implements MeasurementSink {

	record Run(long row, int series, CodeCarbonRun run) {

	}

	final List<Series> series = new ArrayList<>();

	final List<Run> runs = new ArrayList<>();

	final List<RowError> errors = new ArrayList<>();

	/** Flags as "row column: message". */
	final List<String> flags = new ArrayList<>();

	/** The row of every call, in call order. */
	final List<Long> rows = new ArrayList<>();

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
		throw new AssertionError("CodeCarbon rows are runs");
	}

	@Override
	public void counter(long row, int series, long epochMillis, double joules) {
		throw new AssertionError("CodeCarbon rows are runs");
	}

	@Override
	public void interval(long row, int series, long startMillis, long endMillis, double amount) {
		throw new AssertionError("CodeCarbon rows are runs");
	}

	@Override
	public void run(long row, int series, CodeCarbonRun run) {
		this.rows.add(row);
		this.runs.add(new Run(row, series, run));
	}

	@Override
	public void flagged(long row, String column, String message) {
		this.flags.add(row + " " + column + ": " + message);
	}

	@Override
	public void rejected(long row, List<RowError> errors) {
		this.rows.add(row);
		this.errors.addAll(errors);
	}

	List<Long> rejectedRows() {
		return this.errors.stream().map(RowError::row).distinct().toList();
	}

	List<String> errorsOf(long row) {
		return this.errors.stream()
			.filter(error -> error.row() == row)
			.map(error -> error.column() + ": " + error.message())
			.toList();
	}

	Series seriesOf(Run run) {
		return this.series.get(run.series());
	}

}
