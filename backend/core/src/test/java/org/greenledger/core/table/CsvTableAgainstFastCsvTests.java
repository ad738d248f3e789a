package org.greenledger.core.table;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV table read from bytes against FastCSV, an independent RFC 4180 parser, on every
 * CSV file of the tests (the real exports of the corpus and the fixtures, and the edge
 * cases written beside them): the same header and records, cell for cell. FastCSV is told
 * what the table does too: a byte-order mark is not part of the first name, and a record
 * may have more or fewer cells than the header (the formats' readers say what is
 * missing).
 */
class CsvTableAgainstFastCsvTests {

	private static final Path RESOURCES = Path.of("../src/test/resources");

	@Test
	void readsEveryCsvFileOfTheTestsAsFastCsvDoes() throws IOException {
		List<Path> files = csvFiles();
		assertThat(files).as("CSV files under " + RESOURCES.toAbsolutePath().normalize()).hasSizeGreaterThan(50);
		for (Path file : files) {
			assertThat(ours(file)).as(RESOURCES.relativize(file).toString()).isEqualTo(fastCsv(file));
		}
	}

	private static List<Path> csvFiles() throws IOException {
		try (Stream<Path> paths = Files.walk(RESOURCES)) {
			return paths.filter(path -> path.getFileName().toString().endsWith(".csv")).sorted().toList();
		}
	}

	private static List<List<String>> ours(Path file) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			return records(CsvTable.open(in, InputLimits.DEFAULTS));
		}
	}

	private static List<List<String>> fastCsv(Path file) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			return records(new FastCsvTable(in));
		}
	}

	/** The header, then every record. */
	private static List<List<String>> records(Table table) throws IOException {
		List<List<String>> records = new ArrayList<>();
		try (table) {
			records.add(table.header());
			for (List<String> cells = table.next(); cells != null; cells = table.next()) {
				records.add(List.copyOf(cells));
			}
		}
		return records;
	}

}
