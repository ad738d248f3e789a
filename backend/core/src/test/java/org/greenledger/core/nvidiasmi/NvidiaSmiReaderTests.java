package org.greenledger.core.nvidiasmi;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.greenledger.core.table.FastNumbers;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;
import org.greenledger.core.measured.MeasuredLine;
import org.greenledger.core.measured.MeasuredSource;
import org.greenledger.core.measured.MeasurementTally;
import org.greenledger.core.measured.ReadingContext;
import org.greenledger.core.measured.RecordingSink;
import org.greenledger.core.measured.Series;
import org.greenledger.core.measured.SeriesLabels;
import org.greenledger.core.measured.Quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class NvidiaSmiReaderTests {

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures/nvidia-smi");

	private static final String HEADER = "timestamp, name, index, uuid, power.draw [W]\n";

	private static final String GPU0 = ", NVIDIA H100 80GB HBM3, 0, GPU-8c2f4a1e-3b7d-4e5f-9a6c-0d1e2f3a4b5c, ";

	private final RecordingSink sink = new RecordingSink();

	@Test
	void readsTheDefaultCsvWithUnitsOneSeriesPerGpu() throws IOException {
		long rows = NvidiaSmiReader.read("h100-units.csv", Files.newBufferedReader(FIXTURES.resolve("h100-units.csv")),
				new ReadingContext("FRA1", "gpu-node-07", null), this.sink);

		assertThat(rows).isEqualTo(6);
		assertThat(this.sink.rows).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(this.sink.series).hasSize(2);
		Series gpu0 = this.sink.series.get(0);
		assertThat(gpu0.source()).isEqualTo(MeasuredSource.NVIDIA_SMI);
		assertThat(gpu0.metric()).isEqualTo("power.draw");
		assertThat(gpu0.quantity()).isEqualTo(Quantity.ENERGY);
		assertThat(gpu0.labels()).containsEntry(SeriesLabels.GPU, "0")
			.containsEntry(SeriesLabels.GPU_UUID, "GPU-8c2f4a1e-3b7d-4e5f-9a6c-0d1e2f3a4b5c")
			.containsEntry(SeriesLabels.MODEL, "NVIDIA H100 80GB HBM3")
			.containsEntry(SeriesLabels.HOST, "gpu-node-07")
			.containsEntry(SeriesLabels.SITE, "FRA1")
			.hasSize(5);
		assertThat(this.sink.calls)
			.extracting(RecordingSink.Call::kind, RecordingSink.Call::series, RecordingSink.Call::millis,
					RecordingSink.Call::value)
			.containsExactly(tuple("power", 0, Instant.parse("2024-05-01T12:00:00.104Z").toEpochMilli(), 300.0),
					tuple("power", 1, Instant.parse("2024-05-01T12:00:00.104Z").toEpochMilli(), 120.5),
					tuple("power", 0, Instant.parse("2024-05-01T12:00:01.104Z").toEpochMilli(), 300.0),
					tuple("rejected", -1, 0L, 0.0),
					tuple("power", 0, Instant.parse("2024-05-01T12:00:02.104Z").toEpochMilli(), 300.0),
					tuple("power", 1, Instant.parse("2024-05-01T12:00:02.104Z").toEpochMilli(), 130.5));
		assertThat(this.sink.errors)
			.containsExactly(new RowError(4, "power.draw [W]", "is [N/A]: nvidia-smi did not read the GPU's power"));
	}

	@Test
	void readsNounitsWithColumnsInAnotherOrderAndChecksOrderInTheTally() throws IOException {
		List<MeasuredLine> lines = new ArrayList<>();
		MeasurementTally tally = new MeasurementTally(Duration.ofMinutes(5), lines::add);
		NvidiaSmiReader.read("a100-nounits.csv", Files.newBufferedReader(FIXTURES.resolve("a100-nounits.csv")),
				ReadingContext.NONE, tally);
		tally.finish();

		assertThat(tally.series()).singleElement()
			.satisfies(series -> assertThat(series.labels()).doesNotContainKey(SeriesLabels.HOST)
				.containsEntry(SeriesLabels.MODEL, "NVIDIA A100-SXM4-40GB"));
		assertThat(tally.accepted()).isEqualTo(2);
		assertThat(tally.rejected()).isEqualTo(3);
		assertThat(tally.errors()).extracting(RowError::row, RowError::column)
			.containsExactly(tuple(3L, "power.draw [W]"), tuple(4L, "power.draw [W]"), tuple(5L, "timestamp"));
		assertThat(tally.errors().get(0).message())
			.isEqualTo("is [Not Supported]: nvidia-smi did not read the GPU's power");
		assertThat(tally.errors().get(1).message()).isEqualTo("is negative (-3.00); power is at least 0");
		assertThat(tally.errors().get(2).message()).startsWith("timestamp goes backwards: row 2 of this series was at");
		// 250 W -> 350 W over 10 s
		assertThat(lines).singleElement()
			.satisfies(line -> assertThat(line.amount()).isCloseTo(3000 / 3.6e6, within(1e-15)));
	}

	@Test
	void duplicateAndConflictingRowsAreRejectedByTheTally() {
		MeasurementTally tally = new MeasurementTally(Duration.ofMinutes(5), line -> {
		});
		read(HEADER + "2024/05/01 12:00:00.000" + GPU0 + "300.00 W\n" + "2024/05/01 12:00:01.000" + GPU0 + "310.00 W\n"
				+ "2024/05/01 12:00:01.000" + GPU0 + "310.00 W\n" + "2024/05/01 12:00:01.000" + GPU0 + "305.00 W\n",
				tally);
		assertThat(tally.errors()).extracting(RowError::row, RowError::message)
			.containsExactly(tuple(3L, "duplicate of row 2"),
					tuple(4L, "conflicting sample: row 2 has 310 W at the same time"));
	}

	@Test
	void milliAndKiloWattsAreConvertedAndOtherUnitsRejectedNamingTheColumn() {
		read(HEADER + "2024/05/01 12:00:00.000" + GPU0 + "300000 mW\n" + "2024/05/01 12:00:01.000" + GPU0 + "0.3 kW\n"
				+ "2024/05/01 12:00:02.000" + GPU0 + "300 VA\n" + "2024/05/01 12:00:03.000" + GPU0 + "abc W\n"
				+ "2024/05/01 12:00:04.000" + GPU0 + "\n", this.sink);
		assertThat(this.sink.calls).extracting(RecordingSink.Call::kind, RecordingSink.Call::value)
			.containsExactly(tuple("power", 300.0), tuple("power", 300.0), tuple("rejected", 0.0),
					tuple("rejected", 0.0), tuple("rejected", 0.0));
		assertThat(this.sink.errors).containsExactly(
				new RowError(3, "power.draw [W]", "unit 'VA' is not a power unit (W, mW or kW)"),
				new RowError(4, "power.draw [W]", "'abc W' is not a number"),
				new RowError(5, "power.draw [W]", "is empty"));
	}

	@Test
	void anUnknownUnitInTheHeaderRejectsEveryRowNamingTheColumn() {
		read("timestamp, index, power.draw [hp]\n2024/05/01 12:00:00.000, 0, 0.4\n", this.sink);
		assertThat(this.sink.errors).containsExactly(
				new RowError(1, "power.draw [hp]", "the header's unit 'hp' is not a power unit (W, mW or kW)"));
	}

	@Test
	void aKiloWattHeaderAppliesToValuesWithoutUnits() {
		read("timestamp, uuid, power.draw [kW]\n2024/05/01 12:00:00.000, GPU-1, 0.25\n", this.sink);
		assertThat(this.sink.calls).singleElement().satisfies(call -> assertThat(call.value()).isEqualTo(250.0));
		assertThat(this.sink.series.get(0).labels()).containsOnlyKeys(SeriesLabels.GPU_UUID);
	}

	@Test
	void badTimestampsAndUnidentifiedGpusAreRejectedWithEveryProblem() {
		read(HEADER + "2024/13/01 12:00:00.000, NVIDIA H100 80GB HBM3, , , [N/A]\n", this.sink);
		assertThat(this.sink.errors).extracting(RowError::column, RowError::message)
			.containsExactly(
					tuple("timestamp",
							"'2024/13/01 12:00:00.000' is not an nvidia-smi timestamp (yyyy/MM/dd HH:mm:ss.SSS)"),
					tuple("power.draw [W]", "is [N/A]: nvidia-smi did not read the GPU's power"),
					tuple("uuid", "is empty: the GPU cannot be identified (neither index nor uuid)"));
	}

	@Test
	void timestampsAreLocalTimesInTheGivenZone() {
		NvidiaSmiReader.read("x.csv",
				new StringReader(
						HEADER + "2024/05/01 12:00:00.5" + GPU0 + "300 W\n" + "2024/01/15 12:00:00" + GPU0 + "300 W\n"),
				ReadingContext.NONE, ZoneId.of("Europe/Berlin"), this.sink);
		assertThat(this.sink.calls).extracting(RecordingSink.Call::millis)
			.containsExactly(Instant.parse("2024-05-01T10:00:00.500Z").toEpochMilli(),
					Instant.parse("2024-01-15T11:00:00Z").toEpochMilli());
	}

	@Test
	void theDaylightSavingGapAndOverlapFollowZonedDateTime() {
		NvidiaSmiReader.read("x.csv",
				new StringReader(
						HEADER + "2024/03/31 02:30:00" + GPU0 + "300 W\n" + "2024/10/27 02:30:00" + GPU0 + "300 W\n"),
				ReadingContext.NONE, ZoneId.of("Europe/Berlin"), this.sink);
		assertThat(this.sink.calls).extracting(RecordingSink.Call::millis)
			.containsExactly(Instant.parse("2024-03-31T01:30:00Z").toEpochMilli(),
					Instant.parse("2024-10-27T00:30:00Z").toEpochMilli());
	}

	@Test
	void aFileWithoutPowerOrGpuIdentityIsRefusedNamingTheColumns() {
		assertThatThrownBy(() -> read("timestamp, name, utilization.gpu [%]\n", this.sink))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith(
					"smi.csv: not an nvidia-smi power log: the columns power.draw, index or uuid are missing");
	}

	@Test
	void aFileWithoutHeaderIsRefused() {
		assertThatThrownBy(() -> read("2024/05/01 12:00:00.000" + GPU0 + "300 W\n", this.sink))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageContaining("the first line is data, not a header");
		assertThatThrownBy(() -> read("", this.sink)).isInstanceOf(InvalidFileException.class)
			.hasMessage("smi.csv: the file is empty");
	}

	@Test
	void newerDriversPowerDrawAverageIsUsedWhenPowerDrawIsAbsent() {
		read("timestamp, index, power.draw.average [W], power.draw.instant [W]\n2024/05/01 12:00:00.000, 0, 200.5 W, 210.00 W\n",
				this.sink);
		assertThat(this.sink.calls).singleElement().satisfies(call -> assertThat(call.value()).isEqualTo(200.5));
	}

	@Test
	void quotedFieldsAreUnquotedAndAnUnclosedQuoteIsAFileError() {
		read("timestamp,name,index,uuid,power.draw [W]\n2024/05/01 12:00:00,\"NVIDIA \"\"H100\"\", SXM\",0,GPU-1,\"300 W\"\n",
				this.sink);
		assertThat(this.sink.calls).singleElement().satisfies(call -> assertThat(call.value()).isEqualTo(300.0));
		assertThat(this.sink.series.get(0).label(SeriesLabels.MODEL)).isEqualTo("NVIDIA \"H100\", SXM");
		assertThatThrownBy(() -> read(HEADER + "2024/05/01 12:00:00, \"NVIDIA, 0, GPU-1, 300 W\n", this.sink))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageContaining("smi.csv: a quote is not closed in row 1");
	}

	@Test
	void manyGpusInterleavedEachKeepTheirSeries() {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int second = 0; second < 3; second++) {
			for (int gpu = 0; gpu < 40; gpu++) {
				csv.append("2024/05/01 12:00:0")
					.append(second)
					.append(", NVIDIA H100 80GB HBM3, ")
					.append(gpu)
					.append(", GPU-")
					.append(1000 + gpu)
					.append(", ")
					.append(100 + gpu)
					.append(" W\n");
			}
		}
		read(csv.toString(), this.sink);
		assertThat(this.sink.series).hasSize(40);
		assertThat(this.sink.calls).hasSize(120)
			.allSatisfy(call -> assertThat(this.sink.series.get(call.series()).label(SeriesLabels.GPU))
				.isEqualTo(Integer.toString((int) call.value() - 100)));
	}

	@Test
	void blankLinesAreSkippedAndNotCounted() {
		long rows = NvidiaSmiReader.read("x.csv", new StringReader(
				HEADER + "\n2024/05/01 12:00:00" + GPU0 + "300 W\n\n   \n2024/05/01 12:00:01" + GPU0 + "300 W\n"),
				ReadingContext.NONE, this.sink);
		assertThat(rows).isEqualTo(2);
		assertThat(this.sink.rows).containsExactly(1L, 2L);
	}

	@Test
	void numbersAndTimestampsAreParsedByHandCorrectly() {
		assertThat(FastNumbers.decimal("312.45", 0, 6)).isEqualTo(312.45);
		assertThat(FastNumbers.decimal(" -0.5 ", 1, 5)).isEqualTo(-0.5);
		assertThat(FastNumbers.decimal("1.5e3", 0, 5)).isEqualTo(1500);
		assertThat(FastNumbers.decimal("8123456789", 0, 10)).isEqualTo(8123456789.0);
		assertThat(FastNumbers.decimal("0.1234567890123456789", 0, 21)).isEqualTo(0.1234567890123456789);
		assertThat(FastNumbers.decimal("-", 0, 1)).isNaN();
		assertThat(FastNumbers.decimal(".", 0, 1)).isNaN();
		assertThat(FastNumbers.decimal("1.2.3", 0, 5)).isNaN();
		assertThat(FastNumbers.decimal("NaN", 0, 3)).isNaN();
		assertThat(FastNumbers.decimal("Infinity", 0, 8)).isNaN();
		for (String value : List.of("0.1", "299.816", "1714564800.123", "700.0", "42")) {
			assertThat(FastNumbers.decimal(value, 0, value.length())).isEqualTo(Double.parseDouble(value));
		}
		assertThat(FastNumbers.localMillis("2024/02/29 23:59:59.999", 0, 23))
			.isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli());
		assertThat(FastNumbers.localMillis("1969-12-31 00:00:00", 0, 19))
			.isEqualTo(Instant.parse("1969-12-31T00:00:00Z").toEpochMilli());
		assertThat(FastNumbers.localMillis("2023/02/29 00:00:00", 0, 19)).isEqualTo(FastNumbers.NOT_A_TIMESTAMP);
		assertThat(FastNumbers.localMillis("2024/05/01 24:00:00", 0, 19)).isEqualTo(FastNumbers.NOT_A_TIMESTAMP);
		assertThat(FastNumbers.localMillis("2024/05/01 12:00:00.", 0, 20)).isEqualTo(FastNumbers.NOT_A_TIMESTAMP);
	}

	private static void read(String csv, org.greenledger.core.measured.MeasurementSink sink) {
		NvidiaSmiReader.read("smi.csv", new StringReader(csv), ReadingContext.NONE, sink);
	}

	static Tuple row(long row, String column) {
		return tuple(row, column);
	}

}
