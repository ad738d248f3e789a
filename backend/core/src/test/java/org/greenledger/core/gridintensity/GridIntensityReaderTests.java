package org.greenledger.core.gridintensity;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;
import org.greenledger.core.measured.GridIntensitySink;
import org.greenledger.core.measured.HourlyIntensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridIntensityReaderTests {

	private static final Path FIXTURES = Path.of("../src/test/resources/fixtures/grid-intensity");

	@Test
	void readsEveryFieldOfTheExportLayout() throws IOException {
		Recording sink = read("electricitymaps-hourly.csv");

		assertThat(sink.errors).isEmpty();
		assertThat(sink.hours).hasSize(9);
		assertThat(sink.hours).extracting(HourlyIntensity::zone)
			.containsExactly("DE", "DE", "DE", "FR", "FR", "FR", "US-CAL-CISO", "US-CAL-CISO", "US-CAL-CISO");
		assertThat(sink.hours.get(0)).isEqualTo(new HourlyIntensity(1, Instant.parse("2023-01-01T00:00:00Z"), "DE",
				"Germany", "Germany", 352.41, 401.87, 55.12, 49.83, "entsoe.eu", false, null));
		assertThat(sink.hours.get(2)).isEqualTo(new HourlyIntensity(3, Instant.parse("2023-01-01T02:00:00Z"), "DE",
				"Germany", "Germany", 341.2, 390.66, 56.9, 51.3, "entsoe.eu", true, "TIME_SLICER_AVERAGE"));
		assertThat(sink.hours.get(8)).isEqualTo(new HourlyIntensity(9, Instant.parse("2023-01-01T02:00:00Z"),
				"US-CAL-CISO", "United States", "California Independent System Operator", null, 262.5, null, null,
				"eia.gov", true, "ESTIMATED_MODE_BREAKDOWN"));
	}

	@Test
	void acceptsTheOlderHeaderWithLcaAndLowCarbonPercentage() throws IOException {
		Recording sink = read("electricitymaps-hourly-legacy-header.csv");

		assertThat(sink.errors).isEmpty();
		assertThat(sink.hours).containsExactly(
				new HourlyIntensity(1, Instant.parse("2021-06-01T12:00:00Z"), "SE-SE3", "Sweden",
						"South Central Sweden", 8.1, 30.4, 98.7, 61.2, "entsoe.eu", false, null),
				new HourlyIntensity(2, Instant.parse("2021-06-01T13:00:00Z"), "SE-SE3", "Sweden",
						"South Central Sweden", 8.4, 30.9, 98.6, 60.8, "entsoe.eu", false, null));
	}

	@Test
	void acceptsAsciiGco2eqAnyCaseAndIsoDatetimes() {
		String csv = "DATETIME (UTC),ZONE ID,carbon intensity gCO2eq/kWh (life cycle)\n2024-07-01T00:00:00Z,DE,300\n";
		Recording sink = new Recording();
		GridIntensityReader.read("g.csv", new StringReader(csv), sink);

		assertThat(sink.errors).isEmpty();
		assertThat(sink.hours).containsExactly(new HourlyIntensity(1, Instant.parse("2024-07-01T00:00:00Z"), "DE", null,
				null, null, 300, null, null, null, false, null));
	}

	@Test
	void rejectsBadRowsWithColumnAndReason() throws IOException {
		Recording sink = read("electricitymaps-hourly-bad-rows.csv");

		assertThat(sink.rows).as("one call per row, in file order")
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
		assertThat(sink.hours).extracting(HourlyIntensity::row).containsExactly(1L, 12L, 13L);
		assertThat(sink.errorsOf(2)).containsExactly(
				"Datetime (UTC): 2023-01-01T00:30:00Z is not on the hour (the file must hold hourly values)");
		assertThat(sink.errorsOf(3))
			.containsExactly("Carbon intensity gCO₂eq/kWh (direct): -1.0 gCO2eq/kWh is outside 0 to 3000");
		assertThat(sink.errorsOf(4))
			.containsExactly("Carbon intensity gCO₂eq/kWh (Life cycle): 4018.7 gCO2eq/kWh is outside 0 to 3000");
		assertThat(sink.errorsOf(5)).containsExactly(
				"Carbon-free energy percentage (CFE%): 155.12 is not a percentage (0 to 100)",
				"Renewable energy percentage (RE%): -3.0 is not a percentage (0 to 100)");
		assertThat(sink.errorsOf(6)).containsExactly("Data estimated: 'maybe' is not true or false");
		assertThat(sink.errorsOf(7)).containsExactly(
				"Datetime (UTC): zone DE already has the hour 2023-01-01T00:00:00Z (row 1); duplicate hours are not used");
		assertThat(sink.errorsOf(8)).containsExactly("Zone id: is empty");
		assertThat(sink.errorsOf(9)).containsExactly("Carbon intensity gCO₂eq/kWh (Life cycle): is empty");
		assertThat(sink.errorsOf(10)).singleElement()
			.asString()
			.startsWith("Datetime (UTC): 'yesterday' is not a date");
		assertThat(sink.errorsOf(11))
			.containsExactly("Carbon intensity gCO₂eq/kWh (Life cycle): 'abc' is not a number");
	}

	@Test
	void aFileWithoutTheMandatoryColumnsIsRefusedNamingThem() {
		String csv = "Datetime (UTC),Country,Carbon intensity gCO₂eq/kWh (direct)\n2023-01-01 00:00:00,Germany,350\n";
		assertThatThrownBy(() -> GridIntensityReader.read("g.csv", new StringReader(csv), new Recording()))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith("g.csv: not an hourly grid intensity file (Electricity Maps layout):"
					+ " the mandatory columns Zone id, Carbon intensity gCO2eq/kWh (Life cycle) or"
					+ " Carbon intensity gCO2eq/kWh (LCA) are missing");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThatThrownBy(() -> GridIntensityReader.read("g.csv", new StringReader(""), new Recording()))
			.isInstanceOf(InvalidFileException.class)
			.hasMessage("g.csv: the file is empty");
	}

	private static Recording read(String file) throws IOException {
		Recording sink = new Recording();
		try (var reader = Files.newBufferedReader(FIXTURES.resolve(file), StandardCharsets.UTF_8)) {
			GridIntensityReader.read(file, reader, sink);
		}
		return sink;
	}

	private static final class Recording implements GridIntensitySink {

		final List<HourlyIntensity> hours = new ArrayList<>();

		final List<RowError> errors = new ArrayList<>();

		final List<Long> rows = new ArrayList<>();

		@Override
		public void hour(HourlyIntensity hour) {
			this.rows.add(hour.row());
			this.hours.add(hour);
		}

		@Override
		public void rejected(long row, List<RowError> errors) {
			this.rows.add(row);
			this.errors.addAll(errors);
		}

		List<String> errorsOf(long row) {
			return this.errors.stream()
				.filter(error -> error.row() == row)
				.map(error -> error.column() + ": " + error.message())
				.toList();
		}

	}

}
