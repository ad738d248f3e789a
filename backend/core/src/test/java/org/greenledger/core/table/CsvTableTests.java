package org.greenledger.core.table;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CSV reader against Apache Commons CSV's RFC 4180 parser on hand-picked and
 * generated inputs: the same records, field for field.
 */
class CsvTableTests {

	@Test
	void readsTheRecordsCommonsCsvReads() throws IOException {
		for (String csv : List.of("a,b,c\n1,2,3\n", "a,b\r\n1,2\r\n", "a,b\n1,2", "a,b,\n1,,\n", "a,b\n,\n",
				"a,b\n\"x,y\",\"he said \"\"hi\"\"\"\n", "a\n\"multi\nline\"\n", "a,b\n\n1,2\n\n", "a,b\n1,2,3,4\n",
				"a,b\n1\n", "a\n\"\"\n", "a,b\nx\"y,z\n", "a,b\n \"q\",z\n", "h\r1\r2\r", "a,b\n1,2\n\n\n",
				"a,b\n\"\",\"\"\n", "\"q\"\"h\",b\n1,2\n")) {
			assertThat(ours(csv)).as(csv.replace("\n", "\\n").replace("\r", "\\r")).isEqualTo(commons(csv));
		}
	}

	@Test
	void readsGeneratedFilesLargerThanItsBufferLikeCommonsCsv() throws IOException {
		SplittableRandom random = new SplittableRandom(42);
		StringBuilder csv = new StringBuilder("id,name,json,amount\n");
		String[] names = { "aws", "gcp", "azure", "Amazon Elastic Compute Cloud", "", "x,y", "say \"hi\"", "a\nb" };
		for (int row = 0; row < 20_000; row++) {
			csv.append(row).append(',');
			append(csv, names[random.nextInt(names.length)]);
			csv.append(',');
			append(csv,
					"{\"team\":\"t" + random.nextInt(30) + "\",\"long\":\"" + "z".repeat(random.nextInt(200)) + "\"}");
			csv.append(',').append(random.nextDouble() * 100).append(random.nextBoolean() ? "\n" : "\r\n");
		}
		csv.append("last,").append("w".repeat(100_000)).append(",,\n");
		assertThat(ours(csv.toString())).isEqualTo(commons(csv.toString()));
	}

	@Test
	void equalValuesOfAColumnAreOneString() throws IOException {
		List<List<String>> rows = ours("p,q\naws,1\naws,2\n");
		assertThat(rows.get(1).get(0)).isSameAs(rows.get(2).get(0));
	}

	@Test
	void aColumnThatNeverRepeatsIsReadExactlyAndARepeatingOneStaysShared() throws IOException {
		StringBuilder csv = new StringBuilder("id,provider\n");
		for (int row = 0; row < 40_000; row++) {
			csv.append("i-").append(Integer.toHexString(row * 7919)).append(',').append((row % 2 == 0) ? "aws" : "gcp");
			csv.append('\n');
		}
		List<List<String>> rows = ours(csv.toString());
		assertThat(rows).hasSize(40_001);
		for (int row = 0; row < 40_000; row++) {
			assertThat(rows.get(row + 1).get(0)).isEqualTo("i-" + Integer.toHexString(row * 7919));
		}
		assertThat(rows.get(39_999).get(1)).isEqualTo("aws").isSameAs(rows.get(1).get(1));
		assertThat(rows.get(40_000).get(1)).isEqualTo("gcp").isSameAs(rows.get(2).get(1));
	}

	@Test
	void anUnclosedQuoteIsMalformed() {
		assertThatThrownBy(() -> ours("a,b\n1,\"never closed\n2,3\n")).isInstanceOf(MalformedTableException.class)
			.hasMessageContaining("quote is not closed");
		assertThatThrownBy(() -> ours("a,b\n\"x\"y,2\n")).isInstanceOf(MalformedTableException.class)
			.hasMessageContaining("after a quoted field");
	}

	@Test
	void aFieldLongerThanTheLimitIsMalformedNotAnOutOfMemoryError() {
		String csv = "a,b\n1,\"" + "x".repeat(InputLimits.DEFAULTS.maxCellChars() + 10);
		assertThatThrownBy(() -> ours(csv)).isInstanceOf(MalformedTableException.class)
			.hasMessageContaining("longer than");
	}

	private static void append(StringBuilder csv, String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.startsWith("{")) {
			csv.append('"').append(value.replace("\"", "\"\"")).append('"');
		}
		else {
			csv.append(value);
		}
	}

	private static List<List<String>> ours(String csv) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (CsvTable table = CsvTable.open(new StringReader(csv))) {
			rows.add(table.header());
			for (List<String> cells = table.next(); cells != null; cells = table.next()) {
				rows.add(cells);
			}
		}
		return rows;
	}

	private static List<List<String>> commons(String csv) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
			for (CSVRecord record : parser) {
				List<String> cells = record.toList();
				if (rows.isEmpty() || !(cells.size() == 1 && cells.get(0).isBlank())) {
					rows.add(cells);
				}
			}
		}
		return rows;
	}

}
