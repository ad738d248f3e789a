package org.greenledger.core.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.greenledger.core.measured.MeasuredLine;
import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.measured.MeasurementTally;
import org.greenledger.core.measured.Quantity;
import org.greenledger.core.measured.ReadingContext;
import org.greenledger.core.source.FileStart;
import org.greenledger.core.source.FormatKind;
import org.greenledger.core.source.SourceFile;
import org.greenledger.core.table.InputFiles;
import org.greenledger.core.table.RowErrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The boundary of greenledger-core for measured data: a real file of each measured format
 * of the corpus (backend/src/test/resources/corpus/measured, sources and licences in its
 * SOURCES.md) recognised by the registry from its start and read into the tally with only
 * this module on the class path, as a job outside the application would. The expected
 * rows and energy are the ones {@code expectations.csv} worked out from the files
 * themselves (a Green Button file's own usage summary, a CodeCarbon row's
 * energy_consumed), not from GreenLedger's output.
 */
class RealMeasurementsInCoreTests {

	private static final Path CORPUS = Path.of("../src/test/resources/corpus/measured");

	private static final ReadingContext SITE = new ReadingContext("DC1", null, null);

	@Test
	void aGreenButtonFileReconcilesWithItsOwnUsageSummary() throws IOException {
		Read read = read("green-button/sdge-hourly-2019.xml");

		assertThat(read.format).isEqualTo("GREEN_BUTTON");
		assertThat(read.kind).isEqualTo(FormatKind.METER);
		assertThat(read.tally.accepted()).isEqualTo(552);
		assertThat(read.tally.ignored()).isZero();
		assertThat(read.tally.rejected()).isZero();
		// ElectricPowerUsageSummary overallConsumptionLastPeriod: 351425 Wh
		assertThat(read.energyKwh()).isCloseTo(351.425, within(351.425 * 1e-6));
	}

	@Test
	void aGreenButtonFileWithRepeatedBlocksCountsEachReadingOnce() throws IOException {
		Read read = read("green-button/pge-interval-blocks-no-readingtype.xml.gz");

		assertThat(read.format).isEqualTo("GREEN_BUTTON");
		assertThat(read.tally.accepted()).isEqualTo(2280);
		assertThat(read.tally.ignored()).isEqualTo(276);
		assertThat(read.tally.rejected()).isZero();
		// the sum of the 2280 distinct IntervalReading values: 496406375 Wh
		assertThat(read.energyKwh()).isCloseTo(496406.375, within(496406.375 * 1e-6));
	}

	@Test
	void aCodeCarbonFileOfVersion3GivesItsRunsEnergy() throws IOException {
		Read read = read("codecarbon/codecarbon-3.x-header.csv");

		assertThat(read.format).isEqualTo("CODECARBON");
		assertThat(read.kind).isEqualTo(FormatKind.TELEMETRY);
		assertThat(read.tally.accepted()).isEqualTo(1);
		assertThat(read.tally.rejected()).isZero();
		// energy_consumed of the one row
		assertThat(read.energyKwh()).isCloseTo(0.00057442898176, within(0.00057442898176 * 1e-6));
	}

	@Test
	void aDcgmScrapeWithoutTimestampsIsRecognisedAndEverySampleRejectedWithItsReason() throws IOException {
		Read read = read("prometheus/dcgm-t4-scrape.prom");

		assertThat(read.format).isEqualTo("PROMETHEUS");
		assertThat(read.tally.accepted()).isZero();
		assertThat(read.tally.rejected()).isEqualTo(2);
		assertThat(read.tally.errors()).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy(error -> assertThat(error.message()).isNotBlank());
		assertThat(read.lines).isEmpty();
	}

	private static Read read(String file) throws IOException {
		Path path = CORPUS.resolve(file);
		try (InputStream content = InputFiles.decompressed(Files.newInputStream(path));
				RowErrors errors = new RowErrors()) {
			content.mark(8192);
			FileStart start = FileStart.of(content.readNBytes(8192));
			content.reset();
			NamedFormat format = SourceFormats.measured(file, null, start);
			assertThat(format).as(file + " is recognised").isNotNull();
			List<MeasuredLine> lines = new ArrayList<>();
			MeasurementTally tally = new MeasurementTally(Duration.ofMinutes(5), lines::add, errors);
			FormatKind.reading(format.format(), MeasurementSink.class)
				.read(new SourceFile(file, content, null, SITE, null), tally);
			tally.finish();
			return new Read(format.format().name(), format.format().kind(), tally, lines);
		}
	}

	private record Read(String format, FormatKind<?> kind, MeasurementTally tally, List<MeasuredLine> lines) {

		double energyKwh() {
			return this.lines.stream()
				.filter(line -> this.tally.series(line.series()).quantity() == Quantity.ENERGY)
				.mapToDouble(MeasuredLine::amount)
				.sum();
		}

	}

}
