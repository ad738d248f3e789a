package org.greenledger.core.factors;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a dataset (manifest + CSV) strictly: an unknown kind, a unit that is not the
 * kind's, a value that is no finite number or a malformed date stops loading with the
 * file, row and column, so that wrong numbers are never used silently.
 */
final class FactorDatasetReader {

	static final List<String> FACTOR_COLUMNS = List.of("kind", "key", "region", "value", "unit", "valid_from",
			"valid_to", "source", "notes");

	static final List<String> REGION_COLUMNS = List.of("provider", "region", "name", "country", "grid_zone", "source",
			"notes");

	private FactorDatasetReader() {
	}

	static FactorDataset manifest(String name, InputStream in) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		Function<String, String> required = key -> {
			String value = properties.getProperty(key);
			if (value == null || value.isBlank()) {
				throw new FactorDataException(name + ": the manifest has no '" + key + "'");
			}
			return value.strip();
		};
		String priority = properties.getProperty("priority", "0").strip();
		try {
			return new FactorDataset(required.apply("id"), required.apply("version"), required.apply("title"),
					required.apply("publisher"), required.apply("url"), required.apply("licence"),
					required.apply("attribution"), required.apply("retrieved"), properties.getProperty("conversion"),
					Integer.parseInt(priority));
		}
		catch (NumberFormatException ex) {
			throw new FactorDataException(name + ": priority '" + priority + "' is not a whole number", ex);
		}
	}

	static List<FactorValue> factors(String file, InputStream in, FactorDataset dataset) throws IOException {
		List<FactorValue> values = new ArrayList<>();
		try (CSVParser parser = parser(file, in, FACTOR_COLUMNS)) {
			for (CSVRecord record : parser) {
				values.add(factor(file, record, dataset));
			}
		}
		return values;
	}

	static List<CloudRegion> regions(String file, InputStream in) throws IOException {
		List<CloudRegion> regions = new ArrayList<>();
		try (CSVParser parser = parser(file, in, REGION_COLUMNS)) {
			for (CSVRecord record : parser) {
				regions.add(new CloudRegion(text(file, record, "provider"), text(file, record, "region"),
						text(file, record, "name"), text(file, record, "country"), text(file, record, "grid_zone"),
						text(file, record, "source")));
			}
		}
		return regions;
	}

	private static CSVParser parser(String file, InputStream in, List<String> columns) throws IOException {
		CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
		if (!parser.getHeaderNames().equals(columns)) {
			parser.close();
			throw new FactorDataException(file + ": the header must be " + String.join(",", columns) + " but is "
					+ String.join(",", parser.getHeaderNames()));
		}
		return parser;
	}

	private static FactorValue factor(String file, CSVRecord record, FactorDataset dataset) {
		String kindName = text(file, record, "kind");
		FactorKind kind = FactorKind.parse(kindName)
			.orElseThrow(() -> error(file, record, "kind", "unknown kind '" + kindName + "'"));
		String unit = text(file, record, "unit");
		if (!unit.equals(kind.unit())) {
			throw error(file, record, "unit", "unit '" + unit + "' is not " + kind + "'s unit '" + kind.unit() + "'");
		}
		double value;
		try {
			value = Double.parseDouble(text(file, record, "value"));
		}
		catch (NumberFormatException ex) {
			throw error(file, record, "value", "'" + record.get("value") + "' is not a number");
		}
		if (!Double.isFinite(value) || value < 0) {
			throw error(file, record, "value", "'" + record.get("value") + "' is not a finite, non-negative number");
		}
		LocalDate from = date(file, record, "valid_from");
		LocalDate to = date(file, record, "valid_to");
		if (from != null && to != null && to.isBefore(from)) {
			throw error(file, record, "valid_to", "ends before valid_from");
		}
		String notes = record.get("notes");
		return new FactorValue(kind, text(file, record, "key"), text(file, record, "region"), value, from, to,
				text(file, record, "source"), (notes == null || notes.isBlank()) ? null : notes.strip(), dataset);
	}

	private static String text(String file, CSVRecord record, String column) {
		if (!record.isSet(column)) {
			throw error(file, record, column, "missing");
		}
		String value = record.get(column).strip();
		if (value.isEmpty()) {
			throw error(file, record, column, "empty");
		}
		return value;
	}

	private static @Nullable LocalDate date(String file, CSVRecord record, String column) {
		String value = record.get(column).strip();
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw error(file, record, column, "'" + value + "' is not an ISO date (yyyy-MM-dd)");
		}
	}

	private static FactorDataException error(String file, CSVRecord record, String column, String reason) {
		return new FactorDataException(
				file + " row " + (record.getRecordNumber() + 1) + ", column " + column + ": " + reason);
	}

}
