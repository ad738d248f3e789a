package org.greenledger.core.metercsv;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;
import org.greenledger.core.measured.MeasuredSource;
import org.greenledger.core.measured.RecordingSink.Interval;
import org.greenledger.core.measured.RecordingSink;
import org.greenledger.core.measured.Series;
import org.greenledger.core.measured.SeriesLabels;
import org.greenledger.core.measured.Quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class MeterCsvReaderTests {

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures/meter-csv");

	private static long millis(String instant) {
		return Instant.parse(instant).toEpochMilli();
	}

	private static RecordingSink read(String fixture, ZoneId zone) throws IOException {
		RecordingSink sink = RecordingSink.forMeters();
		MeterCsvReader.read(fixture, Files.newBufferedReader(FIXTURES.resolve(fixture)), zone, sink);
		return sink;
	}

	private static RecordingSink readText(String csv) {
		RecordingSink sink = RecordingSink.forMeters();
		MeterCsvReader.read("test.csv", new StringReader(csv), sink);
		return sink;
	}

	@Test
	void everyUnitIsConvertedToKilowattHoursOrLitres() throws IOException {
		RecordingSink sink = read("site-meters.csv", null);

		assertThat(sink.rows).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
		assertThat(sink.intervals).extracting(Interval::row).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
		double[] expected = { 1.5, 1.25, 2, 100, 50, 12_500, 800, 2_000, 120, 30 };
		for (int i = 0; i < expected.length; i++) {
			assertThat(sink.intervals.get(i).amount()).as("row " + (i + 1)).isCloseTo(expected[i], within(1e-9));
		}
	}

	@Test
	void wattHoursAreThousandthsOfKilowattHours() {
		RecordingSink sink = readText("""
				meter,site,role,start,end,quantity,unit
				M,S,facility total,2025-01-01T00:00Z,2025-01-01T01:00Z,250,Wh
				""");
		assertThat(sink.intervals.get(0).amount()).isEqualTo(0.25);
	}

	@Test
	void averagePowerIsMultipliedByTheIntervalsHours() throws IOException {
		RecordingSink sink = read("site-meters.csv", null);

		Interval itLoad = sink.intervals.get(3);
		assertThat(itLoad.startMillis()).isEqualTo(millis("2025-03-01T00:00:00Z"));
		assertThat(itLoad.endMillis()).isEqualTo(millis("2025-03-01T00:15:00Z"));
		assertThat(itLoad.amount()).as("400 kW for 15 minutes").isEqualTo(100.0);
		assertThat(sink.intervals.get(4).amount()).as("0.1 MW for 30 minutes").isEqualTo(50.0);
	}

	@Test
	void plainLitresOnAGeneratorAreDieselAndOnAWaterMeterAreWater() throws IOException {
		RecordingSink sink = read("site-meters.csv", null);

		assertThat(sink.intervals.get(6).series().quantity()).isEqualTo(Quantity.WATER);
		assertThat(sink.intervals.get(8).series().quantity()).isEqualTo(Quantity.FUEL);
		assertThat(sink.intervals.get(9).series()).isEqualTo(sink.intervals.get(8).series());
	}

	@Test
	void eachSiteMeterAndRoleIsOneSeriesLabelledWithThem() throws IOException {
		RecordingSink sink = read("site-meters.csv", null);

		assertThat(sink.series).extracting(Series::source).containsOnly(MeasuredSource.METER_CSV);
		assertThat(sink.series)
			.extracting(series -> series.label(SeriesLabels.METER), Series::metric, Series::quantity,
					series -> series.label(SeriesLabels.ROLE))
			.containsExactly(tuple("M-100", "energy", Quantity.ENERGY, "FACILITY_TOTAL"),
					tuple("IT-1", "energy", Quantity.ENERGY, "IT_LOAD"),
					tuple("CH-1", "energy", Quantity.ENERGY, "COOLING"),
					tuple("W-1", "water", Quantity.WATER, "WATER_INTAKE"),
					tuple("GEN-1", "fuel", Quantity.FUEL, "GENERATOR_FUEL"));
		assertThat(sink.series).extracting(series -> series.label(SeriesLabels.SITE)).containsOnly("FRA1");
	}

	@Test
	void aSiteTheReaderHasNeverHeardOfIsPassedOn() {
		RecordingSink sink = readText("""
				meter,site,role,start,end,quantity,unit
				M,NOWHERE-99,cooling,2025-01-01T00:00Z,2025-01-01T01:00Z,3,kWh
				""");
		assertThat(sink.intervals).singleElement()
			.satisfies(interval -> assertThat(interval.series().label(SeriesLabels.SITE)).isEqualTo("NOWHERE-99"));
	}

	@Test
	void aUnitThatDoesNotFitTheRoleIsRejectedOnTheUnitColumn() throws IOException {
		RecordingSink sink = read("site-meters.csv", null);

		assertThat(sink.rejectedRows).containsExactly(11L);
		assertThat(sink.errors).singleElement().satisfies(error -> {
			assertThat(error.column()).isEqualTo("unit");
			assertThat(error.message()).contains("'GWh' measures energy").contains("GENERATOR_FUEL");
		});
	}

	@Test
	void timestampAndIntervalMeanTheIntervalStartingAtTheTimestamp() throws IOException {
		RecordingSink sink = read("timestamped.csv", ZoneId.of("Europe/Amsterdam"));

		assertThat(sink.rejectedRows).isEmpty();
		assertThat(sink.intervals).extracting(Interval::startMillis, Interval::endMillis, Interval::amount)
			.containsExactly(tuple(millis("2025-02-28T23:00:00Z"), millis("2025-02-28T23:15:00Z"), 10.0),
					tuple(millis("2025-02-28T23:15:00Z"), millis("2025-02-28T23:30:00Z"), 11.0),
					tuple(millis("2025-03-01T00:30:00Z"), millis("2025-03-01T01:30:00Z"), 40.0),
					tuple(millis("2025-03-01T01:30:00Z"), millis("2025-03-01T02:30:00Z"), 40.0));
	}

	@Test
	void aLocalTimeWithoutAnyTimeZoneIsRejected() throws IOException {
		RecordingSink sink = read("timestamped.csv", null);

		assertThat(sink.rejectedRows).containsExactly(4L);
		assertThat(sink.errors).extracting(RowError::row, RowError::column).containsExactly(tuple(4L, "Timestamp"));
		assertThat(sink.errors.get(0).message()).contains("has no offset");
	}

	@Test
	void aLocalTimeTheClocksSkipIsRejected() {
		RecordingSink sink = readText("""
				meter,site,role,timestamp,interval,quantity,unit,timezone
				M,S,it load,2025-03-30 02:30,15,1,kWh,Europe/Berlin
				M,S,it load,2025-03-30 03:00,15,1,kWh,Mars/Olympus
				""");
		assertThat(sink.errors).extracting(RowError::row, RowError::column)
			.containsExactly(tuple(1L, "timestamp"), tuple(2L, "timezone"));
		assertThat(sink.errors.get(0).message()).contains("does not exist in Europe/Berlin");
	}

	@Test
	void badIntervalsAreRejectedOnTheIntervalColumn() {
		RecordingSink sink = readText("""
				meter,site,role,timestamp,interval,quantity,unit
				M,S,it load,2025-03-01T00:00Z,0,1,kWh
				M,S,it load,2025-03-01T00:00Z,P1M,1,kWh
				M,S,it load,2025-03-01T00:00Z,quarter,1,kWh
				M,S,it load,2025-03-01T00:00Z,,1,kWh
				""");
		assertThat(sink.errors).extracting(RowError::row, RowError::column, RowError::message)
			.containsExactly(tuple(1L, "interval", "'0' is not longer than zero"),
					tuple(2L, "interval", "'P1M' is not an ISO 8601 duration of days, hours or minutes (PT15M)"),
					tuple(3L, "interval", "'quarter' is neither an ISO 8601 duration (PT15M) nor a number of minutes"),
					tuple(4L, "interval", "is empty"));
	}

	@Test
	void eachBadRowIsRejectedWithItsRowColumnAndReason() throws IOException {
		RecordingSink sink = read("bad-rows.csv", null);

		assertThat(sink.rows).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
		assertThat(sink.intervals).extracting(Interval::row).containsExactly(13L);
		assertThat(sink.errors).extracting(RowError::row, RowError::column)
			.containsExactly(tuple(1L, "unit"), tuple(2L, "unit"), tuple(3L, "quantity"), tuple(4L, "end"),
					tuple(5L, "end"), tuple(6L, "quantity"), tuple(7L, "start"), tuple(8L, "role"), tuple(9L, "meter"),
					tuple(10L, "site"), tuple(11L, "start"), tuple(11L, "end"), tuple(12L, "unit"));
		assertThat(sink.errors).extracting(RowError::message).satisfies(messages -> {
			assertThat(messages.get(0)).contains("'m3' measures water").contains("IT_LOAD");
			assertThat(messages.get(1)).startsWith("'furlongs' is not a meter unit");
			assertThat(messages.get(2)).startsWith("'-5' is negative");
			assertThat(messages.get(3)).startsWith("is not after start");
			assertThat(messages.get(4)).startsWith("is not after start");
			assertThat(messages.get(5)).isEqualTo("'five' is not a number");
			assertThat(messages.get(6)).startsWith("'yesterday' is not an ISO 8601 timestamp");
			assertThat(messages.get(7)).startsWith("'office lights' is not a meter role");
			assertThat(messages.get(8)).isEqualTo("is empty");
			assertThat(messages.get(9)).isEqualTo("is empty");
			assertThat(messages.get(10)).contains("has no offset");
			assertThat(messages.get(12)).contains("'L diesel' measures fuel").contains("WATER_INTAKE");
		});
	}

	@Test
	void aRowWithSeveralProblemsListsThemAll() {
		RecordingSink sink = readText("""
				meter,site,role,start,end,quantity,unit
				,,boiler,never,,-1,parsecs
				""");
		assertThat(sink.errors).extracting(RowError::column)
			.containsExactlyInAnyOrder("meter", "site", "role", "unit", "quantity", "start", "end");
	}

	@Test
	void headerNamesAreMatchedWithoutRegardToCaseOrOrderAndNoteIsIgnored() {
		RecordingSink sink = readText("""
				UNIT,Quantity,Note,End,Start,Role,Site,Meter
				kWh,7,"anything, at all",2025-01-01T01:00Z,2025-01-01T00:00Z,IT load,S,M
				""");
		assertThat(sink.intervals).singleElement().satisfies(interval -> assertThat(interval.amount()).isEqualTo(7));
	}

	@Test
	void missingColumnsAreAFileLevelErrorListingThem() {
		assertThatThrownBy(() -> readText("meter,start,end,quantity\nM,2025-01-01T00:00Z,2025-01-01T01:00Z,1\n"))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith("test.csv: the mandatory columns site, role, unit are missing");
		assertThatThrownBy(() -> readText("meter,site,role,quantity,unit,start\n"))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith("test.csv: the mandatory column end is missing");
		assertThatThrownBy(() -> readText("meter,site,role,quantity,unit\n")).isInstanceOf(InvalidFileException.class)
			.hasMessageContaining("start and end (or timestamp and interval)");
	}

	@Test
	void bothPeriodFormsInOneFileAreRefused() {
		assertThatThrownBy(() -> readText("meter,site,role,quantity,unit,start,end,timestamp,interval\n"))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageContaining("both start/end and timestamp/interval");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThatThrownBy(() -> readText("")).isInstanceOf(InvalidFileException.class)
			.hasMessage("test.csv: the file is empty");
	}

	@Test
	void unitsAreReadWhateverTheirCase() {
		assertThat(List.of("kwh", "KWH", "MWH", "m\u00b3", "Litres", "kl", "litres  diesel"))
			.map(unit -> MeterUnit.parse(unit).orElseThrow())
			.containsExactly(MeterUnit.KWH, MeterUnit.KWH, MeterUnit.MWH, MeterUnit.CUBIC_METRE, MeterUnit.LITRE,
					MeterUnit.KILOLITRE, MeterUnit.DIESEL_LITRE);
	}

}
