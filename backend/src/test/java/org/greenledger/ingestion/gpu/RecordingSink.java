package org.greenledger.ingestion.gpu;

import java.util.ArrayList;
import java.util.List;

import org.greenledger.ingestion.RowError;
import org.greenledger.ingestion.measured.CodeCarbonRun;
import org.greenledger.ingestion.measured.MeasurementSink;
import org.greenledger.ingestion.measured.Series;

/** Keeps every call a reader makes, in order. */
class RecordingSink implements MeasurementSink {

	record Call(String kind, long row, int series, long millis, double value) {
	}

	final List<Series> series = new ArrayList<>();

	final List<Call> calls = new ArrayList<>();

	final List<RowError> errors = new ArrayList<>();

	@Override
	public int series(Series series) {
		int known = this.series.indexOf(series);
		if (known >= 0) {
			return known;
		}
		this.series.add(series);
		return this.series.size() - 1;
	}

	@Override
	public void power(long row, int series, long epochMillis, double watts) {
		this.calls.add(new Call("power", row, series, epochMillis, watts));
	}

	@Override
	public void counter(long row, int series, long epochMillis, double joules) {
		this.calls.add(new Call("counter", row, series, epochMillis, joules));
	}

	@Override
	public void interval(long row, int series, long startMillis, long endMillis, double amount) {
		this.calls.add(new Call("interval", row, series, startMillis, amount));
	}

	@Override
	public void run(long row, int series, CodeCarbonRun run) {
		this.calls.add(new Call("run", row, series, run.end().toEpochMilli(), run.energyKwh()));
	}

	@Override
	public void rejected(long row, List<RowError> errors) {
		this.calls.add(new Call("rejected", row, -1, 0, 0));
		this.errors.addAll(errors);
	}

	List<Long> rows() {
		return this.calls.stream().map(Call::row).toList();
	}

}
