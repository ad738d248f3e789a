package org.greenledger.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reference tables that ship with GreenLedger on the class path (instance types, region
 * names, spend categories, storage services): CSV files with a header, read once. A
 * missing or malformed table is a defect of the build, reported with the table's name and
 * row.
 */
public final class ShippedTables {

	private ShippedTables() {
	}

	/** How a table's content becomes its value. */
	@FunctionalInterface
	public interface Reader<T> {

		T read(InputStream in) throws IOException;

	}

	/** Reads a table from the class path. */
	public static <T> T load(String resource, Reader<T> reader) {
		try (InputStream in = ShippedTables.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing from the class path");
			}
			return reader.read(in);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Could not read " + resource + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The records of a table (shipped tables are small).
	 * @param header the exact header the table must have, or {@code null} for any
	 */
	public static List<CSVRecord> records(String resource, InputStream in, @Nullable List<String> header)
			throws IOException {
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			if (header != null && !parser.getHeaderNames().equals(header)) {
				throw new IllegalStateException(resource + ": the header must be " + String.join(",", header));
			}
			return parser.getRecords();
		}
	}

	/** A cell that may not be empty, stripped. */
	public static String required(String resource, CSVRecord record, String column) {
		String value = record.get(column).strip();
		if (value.isEmpty()) {
			throw new IllegalStateException(
					resource + " row " + (record.getRecordNumber() + 1) + ": " + column + " is empty");
		}
		return value;
	}

}
