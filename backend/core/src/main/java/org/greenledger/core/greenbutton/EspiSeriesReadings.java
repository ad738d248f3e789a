package org.greenledger.core.greenbutton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.RowError;
import org.greenledger.core.table.ValueRange;
import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.measured.Series;

/**
 * The readings of one series, turned into sink calls: each reading is checked, the valid
 * ones are put in time order (a feed may list blocks and readings in any order), a
 * reading that repeats an earlier one exactly (same timePeriod, same value, as feeds that
 * re-send earlier blocks do) is counted once and the repeat noted as not counted, and the
 * values become amounts as the ReadingType's accumulationBehaviour says
 * ({@link EspiAccumulation}):
 * <ul>
 * <li>amounts: each reading is the amount of its timePeriod;</li>
 * <li>register readings: the amount between two consecutive readings is their difference,
 * over the time from the end of the one to the end of the other; the first reading starts
 * the register. Readings that go down cannot be a register's: they are then read as
 * amounts of their timePeriods, and a note says so;</li>
 * <li>power samples (W): integrated over time, like telemetry.</li>
 * </ul>
 */
final class EspiSeriesReadings {

	private static final String VALUE = "IntervalReading/value";

	/** A reading that passed its own checks. */
	private record Valid(EspiResolver.Reading reading, long start, long duration, BigDecimal value) {

		long end() {
			return this.start + this.duration;
		}

	}

	private final MeasurementSink sink;

	private final Series series;

	private final EspiReadingType type;

	private final String meter;

	private @Nullable Integer handle;

	EspiSeriesReadings(MeasurementSink sink, Series series, EspiReadingType type, String meter) {
		this.sink = sink;
		this.series = series;
		this.type = type;
		this.meter = meter;
	}

	void emit(List<EspiResolver.Reading> readings) {
		List<Valid> valid = new ArrayList<>(readings.size());
		for (EspiResolver.Reading reading : readings) {
			List<RowError> errors = new ArrayList<>(1);
			Long start = seconds(reading, reading.start(), "IntervalReading/timePeriod/start", errors);
			Long duration = seconds(reading, reading.duration(), "IntervalReading/timePeriod/duration", errors);
			if (duration != null && duration <= 0 && !this.type.power()) {
				errors.add(error(reading, "IntervalReading/timePeriod/duration",
						"is " + duration + " seconds; an interval lasts more than 0"));
			}
			BigDecimal value = value(reading, errors);
			if (!errors.isEmpty() || start == null || duration == null || value == null) {
				this.sink.rejected(reading.row(), errors);
				continue;
			}
			valid.add(new Valid(reading, start, duration, value));
		}
		valid.sort(Comparator.comparingLong(Valid::start).thenComparingLong(v -> v.reading().row()));
		List<Valid> distinct = new ArrayList<>(valid.size());
		for (Valid reading : valid) {
			Valid previous = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
			if (previous != null && previous.start() == reading.start() && previous.duration() == reading.duration()
					&& previous.value().compareTo(reading.value()) == 0) {
				this.sink.ignored(reading.reading().row(), "IntervalReading",
						"line " + reading.reading().line() + ": repeats row " + previous.reading().row()
								+ " (same timePeriod and value); the reading is counted once");
				continue;
			}
			distinct.add(reading);
		}
		if (this.type.assumed() && !distinct.isEmpty()) {
			this.sink.flagged(distinct.get(0).reading().row(), "ReadingType", "meter " + this.meter
					+ ": the file has no ReadingType for these readings, so their unit is GreenLedger's default:"
					+ " Wh (uom 72, powerOfTenMultiplier 0), amounts per interval, delivered electricity; the lines"
					+ " get data-quality tier 5 (default)");
		}
		if (this.type.power()) {
			for (Valid reading : distinct) {
				this.sink.power(reading.reading().row(), handle(), reading.start() * 1000, amount(reading.value()));
			}
		}
		else if (this.type.accumulation() == EspiAccumulation.REGISTER && nonDecreasing(distinct)) {
			registers(distinct);
		}
		else {
			if (this.type.accumulation() == EspiAccumulation.REGISTER) {
				Valid drop = firstDrop(distinct);
				this.sink.flagged(drop.reading().row(), "ReadingType/accumulationBehaviour", "meter " + this.meter
						+ ": accumulationBehaviour " + EspiAccumulation.describe(this.type.accumulationCode())
						+ " says the values are a register's running totals, but they go down (row "
						+ drop.reading().row() + ": " + drop.value().toPlainString() + " after a higher value), which a"
						+ " register does not do: each value is read as the amount of its timePeriod");
			}
			for (Valid reading : distinct) {
				this.sink.interval(reading.reading().row(), handle(), reading.start() * 1000, reading.end() * 1000,
						amount(reading.value()));
			}
		}
	}

	/** Register readings: the differences, each over the time between two readings. */
	private void registers(List<Valid> readings) {
		Valid previous = null;
		for (Valid reading : readings) {
			if (previous == null) {
				this.sink.ignored(reading.reading().row(), VALUE,
						"line " + reading.reading().line() + ": the first register reading of meter " + this.meter
								+ " (accumulationBehaviour " + EspiAccumulation.describe(this.type.accumulationCode())
								+ "): it starts the register; amounts are the differences to the readings after it");
			}
			else if (reading.end() <= previous.end()) {
				this.sink.rejected(reading.reading().row(),
						List.of(error(reading.reading(), "IntervalReading/timePeriod",
								"ends with row " + previous.reading().row()
										+ "; two register readings at the same time have no time between them")));
				continue;
			}
			else {
				this.sink.interval(reading.reading().row(), handle(), previous.end() * 1000, reading.end() * 1000,
						amount(reading.value().subtract(previous.value())));
			}
			previous = reading;
		}
	}

	private static boolean nonDecreasing(List<Valid> readings) {
		return readings.size() < 2 || firstDrop(readings) == null;
	}

	private static @Nullable Valid firstDrop(List<Valid> readings) {
		for (int i = 1; i < readings.size(); i++) {
			if (readings.get(i).value().compareTo(readings.get(i - 1).value()) < 0) {
				return readings.get(i);
			}
		}
		return null;
	}

	private double amount(BigDecimal value) {
		return value.scaleByPowerOfTen(this.type.multiplier()).multiply(this.type.factor()).doubleValue();
	}

	private int handle() {
		if (this.handle == null) {
			this.handle = this.sink.series(this.series);
		}
		return this.handle;
	}

	private static @Nullable Long seconds(EspiResolver.Reading reading, @Nullable String text, String column,
			List<RowError> errors) {
		if (text == null || text.isEmpty()) {
			errors.add(error(reading, column, "is missing"));
			return null;
		}
		try {
			long seconds = Long.parseLong(text);
			if (Math.abs(seconds) > 100L * 365 * 86_400 * 100) {
				errors.add(error(reading, column, "'" + text + "' seconds is out of range"));
				return null;
			}
			return seconds;
		}
		catch (NumberFormatException ex) {
			errors.add(error(reading, column, "'" + abbreviate(text) + "' is not a whole number of seconds"));
			return null;
		}
	}

	private static @Nullable BigDecimal value(EspiResolver.Reading reading, List<RowError> errors) {
		String text = reading.value();
		if (text == null || text.isEmpty()) {
			errors.add(error(reading, VALUE, "is missing"));
			return null;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			errors.add(error(reading, VALUE, "'" + abbreviate(text) + "' is not a number"));
			return null;
		}
		String range = ValueRange.READING_VALUE.check(value.abs());
		if (range != null) {
			errors.add(error(reading, VALUE, range));
			return null;
		}
		if (value.signum() < 0) {
			errors.add(error(reading, VALUE, "'" + text + "' is negative; delivered amounts are at"
					+ " least 0 (exported energy belongs in a reverse-flow ReadingType, which is not read)"));
			return null;
		}
		return value;
	}

	private static RowError error(EspiResolver.Reading reading, String column, String message) {
		return new RowError(reading.row(), column, "line " + reading.line() + ": " + message);
	}

	private static String abbreviate(String value) {
		return (value.length() <= 60) ? value : value.substring(0, 57) + "...";
	}

}
