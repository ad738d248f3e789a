package org.greenledger.core.greenbutton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;
import org.greenledger.core.measured.MeasuredSource;
import org.greenledger.core.measured.ReadingContext;
import org.greenledger.core.measured.RecordingSink.Interval;
import org.greenledger.core.measured.RecordingSink;
import org.greenledger.core.measured.SeriesLabels;
import org.greenledger.core.measured.MeterRole;
import org.greenledger.core.measured.Quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class GreenButtonReaderTests {

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures/green-button");

	private static final ReadingContext SITE = new ReadingContext("FRA1", null, null);

	private static final long T0 = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();

	private static final long QUARTER = 900_000;

	private static RecordingSink read(String fixture, ReadingContext context) throws IOException {
		RecordingSink sink = RecordingSink.forMeters();
		try (InputStream input = Files.newInputStream(FIXTURES.resolve(fixture))) {
			GreenButtonReader.read(fixture, input, context, sink);
		}
		return sink;
	}

	private static RecordingSink readText(String xml, ReadingContext context) {
		RecordingSink sink = RecordingSink.forMeters();
		GreenButtonReader.read("test.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), context,
				sink);
		return sink;
	}

	@Test
	void intervalReadingsAreScaledToKilowattHoursPerInterval() throws IOException {
		RecordingSink sink = read("usage-15min.xml", SITE);

		assertThat(sink.intervals).extracting(Interval::row, Interval::startMillis, Interval::endMillis)
			.containsExactly(tuple(1L, T0, T0 + QUARTER), tuple(2L, T0 + QUARTER, T0 + 2 * QUARTER),
					tuple(3L, T0 + 2 * QUARTER, T0 + 3 * QUARTER), tuple(4L, T0 + 3 * QUARTER, T0 + 4 * QUARTER),
					tuple(5L, T0 + 4 * QUARTER, T0 + 5 * QUARTER), tuple(6L, T0 + 5 * QUARTER, T0 + 6 * QUARTER));
		double[] kwh = { 0.1205, 0.098, 0, 0.10125, 0.25, 0.000001 };
		for (int i = 0; i < kwh.length; i++) {
			assertThat(sink.intervals.get(i).amount()).as("row " + (i + 1)).isCloseTo(kwh[i], within(1e-12));
		}
	}

	@Test
	void theSeriesIsTheUploadsSiteAndTheUsagePointsMeterReading() throws IOException {
		RecordingSink sink = read("usage-15min.xml", SITE);

		assertThat(sink.series).singleElement().satisfies(series -> {
			assertThat(series.source()).isEqualTo(MeasuredSource.GREEN_BUTTON);
			assertThat(series.quantity()).isEqualTo(Quantity.ENERGY);
			assertThat(series.metric()).isEqualTo("energy");
			assertThat(series.labels()).containsEntry(SeriesLabels.SITE, "FRA1")
				.containsEntry(SeriesLabels.METER, "Data Hall Main Meter/1")
				.containsEntry(SeriesLabels.ROLE, "FACILITY_TOTAL");
		});
	}

	@Test
	void theUploadsRoleIsUsedWhenGiven() throws IOException {
		RecordingSink sink = read("usage-15min.xml", new ReadingContext("FRA1", null, MeterRole.IT_LOAD));

		assertThat(sink.series).singleElement()
			.satisfies(series -> assertThat(series.label(SeriesLabels.ROLE)).isEqualTo("IT_LOAD"));
	}

	@Test
	void exportedEnergyIsRejectedWithTheReason() throws IOException {
		RecordingSink sink = read("usage-15min.xml", SITE);

		assertThat(sink.rows).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
		assertThat(sink.rejectedRows).containsExactly(7L, 8L);
		assertThat(sink.errors).extracting(RowError::column).containsOnly("ReadingType/flowDirection");
		assertThat(sink.errors.get(0).message()).startsWith("line 151: the ReadingType (line 200) is 19 (reverse)")
			.contains("is 19 (reverse)");
	}

	@Test
	void badReadingsAreRejectedWithTheirLine() {
		RecordingSink sink = readText(feed(readingType(72, 0, 1, 1), block("""
				<IntervalReading><timePeriod><duration>900</duration><start>1740787200</start></timePeriod>
				  <value>-5</value></IntervalReading>
				<IntervalReading><timePeriod><duration>0</duration><start>1740787200</start></timePeriod>
				  <value>5</value></IntervalReading>
				<IntervalReading><timePeriod><duration>900</duration><start>soon</start></timePeriod>
				  <value>lots</value></IntervalReading>
				<IntervalReading><value>5</value></IntervalReading>
				""")), SITE);

		assertThat(sink.intervals).isEmpty();
		assertThat(sink.errors).extracting(RowError::row, RowError::column)
			.containsExactly(tuple(1L, "IntervalReading/value"), tuple(2L, "IntervalReading/timePeriod/duration"),
					tuple(3L, "IntervalReading/timePeriod/start"), tuple(3L, "IntervalReading/value"),
					tuple(4L, "IntervalReading/timePeriod/start"), tuple(4L, "IntervalReading/timePeriod/duration"));
		assertThat(sink.errors.get(0).message()).matches("line \\d+: '-5' is negative.*");
	}

	@Test
	void waterVolumesAreReadInLitres() {
		RecordingSink sink = readText(feed(readingType(42, -3, 9, 1), block("""
				<IntervalReading><timePeriod><duration>3600</duration><start>1740787200</start></timePeriod>
				  <value>2500</value></IntervalReading>
				""")), SITE);

		assertThat(sink.intervals).singleElement().satisfies(interval -> {
			assertThat(interval.amount()).isCloseTo(2500, within(1e-9));
			assertThat(interval.series().quantity()).isEqualTo(Quantity.WATER);
			assertThat(interval.series().label(SeriesLabels.ROLE)).isEqualTo("WATER_INTAKE");
		});
	}

	@Test
	void demandReadingsAndOtherCommoditiesAreRejectedClearly() {
		RecordingSink watts = readText(feed(readingType(38, 0, 1, 1), block(reading())), SITE);
		RecordingSink gas = readText(feed(readingType(42, 0, 7, 1), block(reading())), SITE);
		RecordingSink net = readText(feed(readingType(72, 0, 1, 4), block(reading())), SITE);

		assertThat(watts.errors).singleElement().satisfies(error -> {
			assertThat(error.column()).isEqualTo("ReadingType/uom");
			assertThat(error.message()).contains("is 38 (W) with accumulationBehaviour 4 (deltaData)")
				.contains("demand readings");
		});
		assertThat(gas.errors).singleElement()
			.satisfies(error -> assertThat(error.message()).contains("is 7 (natural gas)"));
		assertThat(net.errors).singleElement()
			.satisfies(error -> assertThat(error.column()).isEqualTo("ReadingType/flowDirection"));
	}

	@Test
	void readingsWithoutReadingTypeTakeTheDefaultWattHoursFlaggedAndMarked() {
		RecordingSink sink = readText(feed("", block(reading())), SITE);

		assertThat(sink.errors).isEmpty();
		assertThat(sink.intervals).singleElement().satisfies(interval -> {
			assertThat(interval.amount()).as("100 Wh").isCloseTo(0.1, within(1e-12));
			assertThat(interval.series().label(SeriesLabels.UNIT)).isEqualTo(SeriesLabels.UNIT_ASSUMED);
		});
		assertThat(sink.flags).singleElement()
			.asString()
			.contains("the file has no ReadingType")
			.contains("Wh (uom 72, powerOfTenMultiplier 0)")
			.contains("tier 5");
	}

	@Test
	void aDocumentTypeDeclarationWithAnExternalEntityIsRefusedAndNothingIsRead() {
		RecordingSink sink = RecordingSink.forMeters();
		Throwable thrown = catchThrowable(() -> {
			try (InputStream input = Files.newInputStream(FIXTURES.resolve("xxe.xml"))) {
				GreenButtonReader.read("xxe.xml", input, SITE, sink);
			}
		});

		assertThat(thrown).isInstanceOf(InvalidFileException.class)
			.hasMessage("xxe.xml: line 4: the document has a document type declaration (<!DOCTYPE>);"
					+ " DTDs and entity declarations are not accepted in uploaded files");
		assertThat(everything(thrown, sink)).doesNotContain("root:").doesNotContain("/bin/");
		assertThat(sink.rows).isEmpty();
		assertThat(sink.series).isEmpty();
	}

	@Test
	void anExternalDtdIsRefusedWithoutBeingFetched() {
		assertThatThrownBy(() -> read("external-dtd.xml", SITE)).isInstanceOf(InvalidFileException.class)
			.hasMessageContaining("DTDs and entity declarations are not accepted");
	}

	@Test
	void billionLaughsIsRefusedQuickly() {
		assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> assertThatThrownBy(() -> read("billion-laughs.xml", SITE))
					.isInstanceOf(InvalidFileException.class)
					.hasMessageContaining("DTDs and entity declarations are not accepted"));
	}

	@Test
	void xincludeAndSchemaLocationsAreNotFollowed() throws IOException {
		RecordingSink sink = read("xinclude.xml", SITE);

		assertThat(sink.intervals).singleElement().satisfies(interval -> {
			assertThat(interval.amount()).isEqualTo(1.5);
			assertThat(interval.series().label(SeriesLabels.METER)).isEqualTo("1/1");
		});
		assertThat(everything(null, sink)).doesNotContain("root:");
	}

	@Test
	void malformedXmlIsAFileLevelErrorWithTheLine() {
		assertThatThrownBy(() -> read("malformed.xml", SITE)).isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith("malformed.xml: the XML is malformed at line 5")
			.hasMessageContaining("title");
	}

	@Test
	void anUploadWithoutSiteIsRefused() {
		assertThatThrownBy(() -> read("usage-15min.xml", ReadingContext.NONE)).isInstanceOf(InvalidFileException.class)
			.hasMessage("usage-15min.xml: Green Button files do not say which site they belong to:"
					+ " upload with site=<code>");
	}

	@Test
	void aDocumentThatIsNotAnAtomFeedIsRefused() {
		assertThatThrownBy(() -> readText("<UsagePoint xmlns=\"http://naesb.org/espi\"/>", SITE))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageContaining("not an Atom feed");
		assertThatThrownBy(() -> readText("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>", SITE))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageContaining("no ESPI resources");
	}

	@Test
	void absurdlyDeepNestingIsRefused() {
		String deep = "<a>".repeat(100) + "</a>".repeat(100);
		assertThatThrownBy(() -> readText("<feed xmlns=\"http://www.w3.org/2005/Atom\">" + deep + "</feed>", SITE))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageContaining("nested more than 32 levels");
	}

	private static String everything(Throwable thrown, RecordingSink sink) {
		List<String> texts = new ArrayList<>();
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			texts.add(String.valueOf(cause.getMessage()));
		}
		sink.errors.forEach(error -> texts.add(error.toString()));
		sink.series.forEach(series -> texts.add(series.toString()));
		return String.join("\n", texts);
	}

	private static String reading() {
		return "<IntervalReading><timePeriod><duration>900</duration><start>1740787200</start></timePeriod>"
				+ "<value>100</value></IntervalReading>";
	}

	private static String readingType(int uom, int multiplier, int commodity, int flow) {
		return """
				<entry>
				  <link rel="self" href="/espi/1_1/resource/ReadingType/1"/>
				  <content><ReadingType xmlns="http://naesb.org/espi">
				    <accumulationBehaviour>4</accumulationBehaviour><commodity>%d</commodity>
				    <flowDirection>%d</flowDirection><powerOfTenMultiplier>%d</powerOfTenMultiplier><uom>%d</uom>
				  </ReadingType></content>
				</entry>
				""".formatted(commodity, flow, multiplier, uom);
	}

	private static String block(String readings) {
		return """
				<entry>
				  <link rel="self" href="/espi/1_1/resource/Subscription/1/UsagePoint/7/MeterReading/2/IntervalBlock/1"/>
				  <content><IntervalBlock xmlns="http://naesb.org/espi">
				%s
				  </IntervalBlock></content>
				</entry>
				"""
			.formatted(readings);
	}

	private static String feed(String readingType, String block) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom">
				  <entry>
				    <link rel="self" href="/espi/1_1/resource/Subscription/1/UsagePoint/7"/>
				    <content><UsagePoint xmlns="http://naesb.org/espi"/></content>
				  </entry>
				  <entry>
				    <link rel="self" href="/espi/1_1/resource/Subscription/1/UsagePoint/7/MeterReading/2"/>
				    <link rel="related" href="/espi/1_1/resource/ReadingType/1"/>
				    <content><MeterReading xmlns="http://naesb.org/espi"/></content>
				  </entry>
				""" + block + readingType + "</feed>\n";
	}

}
