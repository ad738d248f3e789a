package org.greenledger.core.measured;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.core.table.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeasurementTallyTests {

	private static final long NOON = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

	private static final long MINUTE = 60_000;

	private final List<MeasuredLine> lines = new ArrayList<>();

	private final MeasurementTally tally = new MeasurementTally(Duration.ofMinutes(5), this.lines::add);

	private final int gpu = this.tally.series(Series.of(MeasuredSource.NVIDIA_SMI, "power.draw", Quantity.ENERGY,
			Map.of(SeriesLabels.GPU, "0", SeriesLabels.HOST, "node-1")));

	@Test
	void registeringAnEqualSeriesAgainGivesTheSameHandle() {
		int again = this.tally.series(Series.of(MeasuredSource.NVIDIA_SMI, "power.draw", Quantity.ENERGY,
				Map.of(SeriesLabels.HOST, "node-1", SeriesLabels.GPU, "0")));
		int other = this.tally.series(Series.of(MeasuredSource.NVIDIA_SMI, "power.draw", Quantity.ENERGY,
				Map.of(SeriesLabels.HOST, "node-1", SeriesLabels.GPU, "1")));
		assertThat(again).isEqualTo(this.gpu);
		assertThat(other).isNotEqualTo(this.gpu);
		assertThat(this.tally.series(other).label(SeriesLabels.GPU)).isEqualTo("1");
	}

	@Test
	void constant300WattsForOneHourInOneSecondSamplesIs0point3Kwh() {
		for (int second = 0; second <= 3600; second++) {
			this.tally.power(second + 1, this.gpu, NOON + second * 1000L, 300);
		}
		this.tally.finish();
		assertThat(this.lines).hasSize(1);
		MeasuredLine line = this.lines.get(0);
		assertThat(line.amount()).isCloseTo(0.3, within(1e-12));
		assertThat(line.startMillis()).isEqualTo(NOON);
		assertThat(line.endMillis()).isEqualTo(NOON + 3_600_000);
		assertThat(line.samples()).isEqualTo(3601);
		assertThat(line.firstRow()).isEqualTo(1);
		assertThat(line.lastRow()).isEqualTo(3601);
		assertThat(line.series()).isEqualTo(this.gpu);
		assertThat(line.run()).isNull();
		assertThat(this.tally.accepted()).isEqualTo(3601);
		assertThat(this.tally.rejected()).isZero();
	}

	@Test
	void irregularSamplesAreIntegratedWithTheTrapezoid() {
		// 0 W -> 100 W over 10 s (ramp: 500 J), then 100 W for 30 s (3000 J), then 100
		// W -> 40 W over 2 s (140 J)
		this.tally.power(1, this.gpu, NOON, 0);
		this.tally.power(2, this.gpu, NOON + 10_000, 100);
		this.tally.power(3, this.gpu, NOON + 40_000, 100);
		this.tally.power(4, this.gpu, NOON + 42_000, 40);
		this.tally.finish();
		assertThat(this.lines).singleElement()
			.satisfies(line -> assertThat(line.amount()).isCloseTo(3640 / 3.6e6, within(1e-15)));
	}

	@Test
	void aSegmentCrossingAnHourIsSplitAtTheHourWithTheInterpolatedPower() {
		// 0 W at 12:59, 120 W at 13:01: 60 W at 13:00; 1800 J before, 5400 J after
		this.tally.power(1, this.gpu, NOON + 59 * MINUTE, 0);
		this.tally.power(2, this.gpu, NOON + 61 * MINUTE, 120);
		this.tally.finish();
		assertThat(this.lines).hasSize(2);
		MeasuredLine noon = this.lines.get(0);
		MeasuredLine one = this.lines.get(1);
		assertThat(noon.amount()).isCloseTo(1800 / 3.6e6, within(1e-15));
		assertThat(noon.startMillis()).isEqualTo(NOON + 59 * MINUTE);
		assertThat(noon.endMillis()).isEqualTo(NOON + 60 * MINUTE);
		assertThat(noon.samples()).isEqualTo(2);
		assertThat(noon.firstRow()).isEqualTo(1);
		assertThat(noon.lastRow()).isEqualTo(2);
		assertThat(one.amount()).isCloseTo(5400 / 3.6e6, within(1e-15));
		assertThat(one.startMillis()).isEqualTo(NOON + 60 * MINUTE);
		assertThat(one.endMillis()).isEqualTo(NOON + 61 * MINUTE);
		assertThat(one.samples()).isEqualTo(1);
		assertThat(one.firstRow()).isEqualTo(2);
	}

	@Test
	void aLineIsHandedOverAsSoonAsItsHourIsComplete() {
		this.tally.power(1, this.gpu, NOON + 57 * MINUTE, 100);
		this.tally.power(2, this.gpu, NOON + 59 * MINUTE, 100);
		assertThat(this.lines).isEmpty();
		this.tally.power(3, this.gpu, NOON + 61 * MINUTE, 100);
		assertThat(this.lines).hasSize(1);
		this.tally.finish();
		assertThat(this.lines).hasSize(2);
	}

	@Test
	void aGapLongerThanTheMaximumIsNotIntegratedAndIsNoted() {
		this.tally.power(1, this.gpu, NOON, 100);
		this.tally.power(2, this.gpu, NOON + MINUTE, 100);
		this.tally.power(3, this.gpu, NOON + 10 * MINUTE, 100);
		this.tally.power(4, this.gpu, NOON + 11 * MINUTE, 100);
		this.tally.finish();
		assertThat(this.lines).singleElement().satisfies(line -> {
			assertThat(line.amount()).isCloseTo(12_000 / 3.6e6, within(1e-15));
			assertThat(line.samples()).isEqualTo(4);
		});
		assertThat(this.tally.accepted()).isEqualTo(4);
		assertThat(this.tally.notes()).singleElement().satisfies(note -> {
			assertThat(note.row()).isEqualTo(3);
			assertThat(note.series()).contains("power.draw").contains("gpu=0");
			assertThat(note.message()).contains("9 min").contains("after row 2").contains("not counted");
		});
	}

	@Test
	void aGapOfExactlyTheMaximumIsIntegrated() {
		this.tally.power(1, this.gpu, NOON, 100);
		this.tally.power(2, this.gpu, NOON + 5 * MINUTE, 100);
		this.tally.finish();
		assertThat(this.lines).singleElement()
			.satisfies(line -> assertThat(line.amount()).isCloseTo(30_000 / 3.6e6, within(1e-15)));
		assertThat(this.tally.notes()).isEmpty();
	}

	@Test
	void aSampleEarlierThanThePreviousIsRejected() {
		this.tally.power(1, this.gpu, NOON, 100);
		this.tally.power(2, this.gpu, NOON + 2000, 100);
		this.tally.power(3, this.gpu, NOON + 1000, 100);
		this.tally.power(4, this.gpu, NOON + 3000, 100);
		this.tally.finish();
		assertThat(this.tally.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(3);
			assertThat(error.column()).isEqualTo("timestamp");
			assertThat(error.message())
				.startsWith("timestamp goes backwards: row 2 of this series was at 2024-05-01T12:00:02Z");
		});
		assertThat(this.tally.accepted()).isEqualTo(3);
		assertThat(this.tally.rejected()).isEqualTo(1);
		assertThat(this.lines.get(0).amount()).isCloseTo(300 / 3.6e6, within(1e-15));
	}

	@Test
	void aSampleAtTheSameTimeIsADuplicateOrAConflict() {
		this.tally.power(1, this.gpu, NOON, 100);
		this.tally.power(2, this.gpu, NOON + 1000, 300);
		this.tally.power(3, this.gpu, NOON + 1000, 300);
		this.tally.power(4, this.gpu, NOON + 1000, 250.5);
		assertThat(this.tally.errors()).extracting(RowError::row, RowError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "duplicate of row 2"),
					org.assertj.core.groups.Tuple.tuple(4L, "conflicting sample: row 2 has 300 W at the same time"));
		assertThat(this.tally.rejected()).isEqualTo(2);
	}

	@Test
	void seriesAreCheckedAndIntegratedIndependently() {
		int other = this.tally
			.series(Series.of(MeasuredSource.NVIDIA_SMI, "power.draw", Quantity.ENERGY, Map.of(SeriesLabels.GPU, "1")));
		this.tally.power(1, this.gpu, NOON, 100);
		this.tally.power(2, other, NOON, 200);
		this.tally.power(3, this.gpu, NOON + 1000, 100);
		this.tally.power(4, other, NOON + 1000, 200);
		this.tally.finish();
		assertThat(this.tally.rejected()).isZero();
		assertThat(this.lines).hasSize(2)
			.allSatisfy(line -> assertThat(line.amount()).isCloseTo(((line.series() == this.gpu) ? 100 : 200) / 3.6e6,
					within(1e-15)));
		assertThat(this.lines).extracting(MeasuredLine::series).containsExactlyInAnyOrder(this.gpu, other);
	}

	@Test
	void counterDifferencesAreSpreadEvenlyOverTheHoursTheyCover() {
		int counter = counterSeries();
		this.tally.counter(1, counter, NOON + 30 * MINUTE, 1000);
		this.tally.counter(2, counter, NOON + 90 * MINUTE, 4600);
		this.tally.finish();
		assertThat(this.lines).extracting(MeasuredLine::amount)
			.satisfiesExactly(amount -> assertThat(amount).isCloseTo(0.0005, within(1e-15)),
					amount -> assertThat(amount).isCloseTo(0.0005, within(1e-15)));
		assertThat(this.lines.get(0).startMillis()).isEqualTo(NOON + 30 * MINUTE);
		assertThat(this.lines.get(1).endMillis()).isEqualTo(NOON + 90 * MINUTE);
	}

	@Test
	void aCounterResetCountsTheNewValueAndIsNoted() {
		int counter = counterSeries();
		this.tally.counter(1, counter, NOON, 1000);
		this.tally.counter(2, counter, NOON + MINUTE, 4600);
		this.tally.counter(3, counter, NOON + 2 * MINUTE, 100);
		this.tally.counter(4, counter, NOON + 3 * MINUTE, 400);
		this.tally.finish();
		assertThat(this.lines).singleElement()
			.satisfies(line -> assertThat(line.amount()).isCloseTo((3600 + 100 + 300) / 3.6e6, within(1e-15)));
		assertThat(this.tally.notes()).singleElement().satisfies(note -> {
			assertThat(note.row()).isEqualTo(3);
			assertThat(note.message()).contains("counter reset").contains("4600 J (row 2)").contains("100 J");
		});
	}

	@Test
	void countersHaveNoMaximumGap() {
		int counter = counterSeries();
		this.tally.counter(1, counter, NOON, 0);
		this.tally.counter(2, counter, NOON + 20 * MINUTE, 3600);
		this.tally.finish();
		assertThat(this.lines).singleElement()
			.satisfies(line -> assertThat(line.amount()).isCloseTo(0.001, within(1e-15)));
		assertThat(this.tally.notes()).isEmpty();
	}

	@Test
	void intervalsUpToAnHourAreSpreadOverTheHoursAndLongerOnesKeptAsTheyAre() {
		int meter = meterSeries();
		this.tally.interval(1, meter, NOON + 30 * MINUTE, NOON + 75 * MINUTE, 0.9);
		this.tally.interval(2, meter, NOON + 75 * MINUTE, NOON + 300 * MINUTE, 40);
		this.tally.finish();
		assertThat(this.lines).hasSize(3);
		MeasuredLine longOne = this.lines.get(1);
		assertThat(longOne.amount()).isEqualTo(40);
		assertThat(longOne.startMillis()).isEqualTo(NOON + 75 * MINUTE);
		assertThat(longOne.endMillis()).isEqualTo(NOON + 300 * MINUTE);
		assertThat(longOne.firstRow()).isEqualTo(2);
		assertThat(this.lines.get(0).amount()).isCloseTo(0.6, within(1e-12));
		assertThat(this.lines.get(2).amount()).isCloseTo(0.3, within(1e-12));
		assertThat(this.lines.get(2).startMillis()).isEqualTo(NOON + 60 * MINUTE);
		assertThat(this.lines.get(2).endMillis()).isEqualTo(NOON + 75 * MINUTE);
	}

	@Test
	void overlappingDuplicateConflictingAndBackwardsIntervalsAreRejected() {
		int meter = meterSeries();
		this.tally.interval(1, meter, NOON + 15 * MINUTE, NOON + 30 * MINUTE, 1.5);
		this.tally.interval(2, meter, NOON + 15 * MINUTE, NOON + 30 * MINUTE, 1.5);
		this.tally.interval(3, meter, NOON + 15 * MINUTE, NOON + 30 * MINUTE, 2);
		this.tally.interval(4, meter, NOON + 20 * MINUTE, NOON + 35 * MINUTE, 1);
		this.tally.interval(5, meter, NOON, NOON + 15 * MINUTE, 1);
		this.tally.interval(6, meter, NOON + 30 * MINUTE, NOON + 45 * MINUTE, 1);
		this.tally.finish();
		assertThat(this.tally.errors()).extracting(RowError::row, RowError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "duplicate of row 1"),
					org.assertj.core.groups.Tuple.tuple(3L, "conflicting sample: row 1 has 1.5 for the same interval"),
					org.assertj.core.groups.Tuple.tuple(4L,
							"interval overlaps row 1 of this series (2024-05-01T12:15:00Z to 2024-05-01T12:30:00Z)"),
					org.assertj.core.groups.Tuple.tuple(5L,
							"interval goes backwards: row 1 of this series started at 2024-05-01T12:15:00Z, after this interval's end"));
		assertThat(this.tally.accepted()).isEqualTo(2);
		assertThat(this.lines).singleElement().satisfies(line -> {
			assertThat(line.amount()).isEqualTo(2.5);
			assertThat(line.samples()).isEqualTo(2);
			assertThat(line.firstRow()).isEqualTo(1);
			assertThat(line.lastRow()).isEqualTo(6);
		});
	}

	@Test
	void codeCarbonRunsAreLinesOfTheirOwnAndIdenticalRowsAreDuplicates() {
		int project = this.tally.series(Series.of(MeasuredSource.CODECARBON, "energy_consumed", Quantity.ENERGY,
				Map.of(SeriesLabels.PROJECT, "llm")));
		CodeCarbonRun run = run(Instant.parse("2024-05-01T14:00:00Z"), 7200, 1.25);
		this.tally.run(1, project, run);
		this.tally.run(2, project, run(Instant.parse("2024-05-01T12:00:00Z"), 600, 0.1));
		this.tally.run(3, project, run(Instant.parse("2024-05-01T14:00:00Z"), 7200, 1.25));
		this.tally.finish();
		assertThat(this.lines).hasSize(2);
		assertThat(this.lines.get(0).startMillis()).isEqualTo(NOON);
		assertThat(this.lines.get(0).endMillis()).isEqualTo(NOON + 120 * MINUTE);
		assertThat(this.lines.get(0).amount()).isEqualTo(1.25);
		assertThat(this.lines.get(0).run()).isEqualTo(run);
		assertThat(this.tally.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(3);
			assertThat(error.message()).startsWith("duplicate of row 1");
		});
	}

	@Test
	void rejectionsFromTheReaderAreCountedAndOnlyTheFirstThousandErrorsKept() {
		for (int row = 1; row <= 1500; row++) {
			this.tally.rejected(row, List.of(new RowError(row, "power.draw [W]", "is [N/A]")));
		}
		assertThat(this.tally.rejected()).isEqualTo(1500);
		assertThat(this.tally.errorCount()).isEqualTo(1500);
		assertThat(this.tally.errors()).hasSize(MeasurementTally.STORED);
	}

	@Test
	void aLoneSampleMakesNoLine() {
		this.tally.power(1, this.gpu, NOON, 100);
		this.tally.finish();
		assertThat(this.lines).isEmpty();
		assertThat(this.tally.accepted()).isEqualTo(1);
	}

	private int counterSeries() {
		return this.tally.series(Series.of(MeasuredSource.KEPLER, "kepler_container_joules_total", Quantity.ENERGY,
				Map.of(SeriesLabels.CONTAINER, "api")));
	}

	private int meterSeries() {
		return this.tally.series(Series.of(MeasuredSource.METER_CSV, "kWh", Quantity.ENERGY,
				Map.of(SeriesLabels.METER, "M1", SeriesLabels.SITE, "FRA1")));
	}

	private static CodeCarbonRun run(Instant end, double seconds, double kwh) {
		return new CodeCarbonRun(end, seconds, 0, kwh, 0, kwh, kwh * 0.4, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null);
	}

	@Test
	void aFileWithOneSamplePerSeriesSaysWhyItHoldsNoEnergy() {
		int other = this.tally.series(Series.of(MeasuredSource.NVIDIA_SMI, "power.draw", Quantity.ENERGY,
				Map.of(SeriesLabels.GPU, "1", SeriesLabels.HOST, "node-1")));
		this.tally.power(1, this.gpu, NOON, 300);
		this.tally.power(2, other, NOON, 280);
		this.tally.finish();

		assertThat(this.lines).isEmpty();
		assertThat(this.tally.accepted()).isEqualTo(2);
		assertThat(this.tally.notes()).hasSize(3);
		assertThat(this.tally.notes().get(0).message()).startsWith("every series of the file has a single sample")
			.contains("0 kWh");
		assertThat(this.tally.notes().get(1).message()).startsWith("only one sample in the file (row 1)")
			.contains("one reading gives none");
	}

	@Test
	void aSingleSampleSeriesBesideOthersIsNotedAlone() {
		int other = this.tally.series(Series.of(MeasuredSource.NVIDIA_SMI, "power.draw", Quantity.ENERGY,
				Map.of(SeriesLabels.GPU, "1", SeriesLabels.HOST, "node-1")));
		this.tally.power(1, this.gpu, NOON, 300);
		this.tally.power(2, this.gpu, NOON + MINUTE, 300);
		this.tally.power(3, other, NOON, 280);
		this.tally.finish();

		assertThat(this.tally.notes()).singleElement()
			.satisfies(note -> assertThat(note.message()).startsWith("only one sample in the file (row 3)"));
	}

}
