package org.greenledger.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.TextInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV splits a task reads: for every split size, the rows core's CSV reader reads
 * from the splits (each a byte range after the file's header), numbered from the split's
 * {@code rowsBefore}, are the rows it reads from the whole file with the same numbers, on
 * the real CSV files of the corpus and on records that make a byte-range split hard
 * (quoted line breaks, commas and quotes, CRLF and lone CR, blank and white-space lines).
 */
class CsvSplitsTests {

	@ParameterizedTest
	@ValueSource(strings = { "focus-1.0/focus_sample.csv", "aws-cur-legacy/sample-anonymous-aws-export-dataset.csv",
			"oci/reports_cost-csv_0000000030000269.csv", "focus-1.0/focus_sample_microsoft.csv",
			"azure-ea/EA_AmortizedCost_Small.csv" })
	void theSplitsOfARealCsvFileHoldItsRowsWithTheirNumbers(String name) throws IOException {
		byte[] file = Files.readAllBytes(LocalSpark.CORPUS.resolve(name));
		List<String> whole = rows(file, List.of(new long[] { 0, file.length, 0 }), 0);
		assertThat(whole).hasSizeGreaterThan(10);
		for (long size : List.of(4_096L, file.length / 7L, file.length / 3L)) {
			List<long[]> splits = splits(file, size);
			assertThat(splits).as("splits of %d bytes", size).hasSizeGreaterThan(1);
			assertThat(rows(file, splits, headerEnd(file, size))).as("splits of %d bytes", size)
				.containsExactlyElementsOf(whole);
		}
	}

	@Test
	void recordsWithQuotedLineBreaksBlankLinesAndEveryLineEndSplitAnywhere() throws IOException {
		String text = "\uFEFFa,b,c\r\n" + "1,\"two\nlines\",x\n" + "\n" + "   \n"
				+ "2,\"quoted \"\"quote\"\", comma\",y\r" + "3,plain,z\r\n" + "\"\"\n" + "\"4\",\"\r\n\",w\n" + " \t\n"
				+ "\"\"\"\"\n" + "5,é,v\n" + "6,\"\"\"\",u\n" + "7,last,t";
		byte[] file = text.getBytes(StandardCharsets.UTF_8);
		List<String> whole = rows(file, List.of(new long[] { 0, file.length, 0 }), 0);
		assertThat(whole).hasSize(8).first().isEqualTo("1:[1, two\nlines, x]");
		assertThat(whole).contains("4:[4, \r\n, w]", "5:[\"]", "8:[7, last, t]");
		for (long size = 1; size < file.length; size++) {
			List<long[]> splits = splits(file, size);
			assertThat(rows(file, splits, headerEnd(file, size))).as("splits of %d bytes", size)
				.containsExactlyElementsOf(whole);
		}
	}

	@Test
	void aFileWithAOneFieldRecordOfNonAsciiCharactersOrABrokenQuoteIsNotSplit() throws IOException {
		for (String text : List.of("a,b\n1,2\n\u2003\n3,4\n5,6\n", "a,b\n1,\"x\"y\n3,4\n5,6\n",
				"a,b\n1,\"open\n3,4\n")) {
			assertThat(new CsvSplits.Scanner(4, Long.MAX_VALUE)
				.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))).as(text).isNull();
		}
		for (byte[] head : List.of(new byte[] { 0x1f, (byte) 0x8b, 8, 0 },
				"PAR1xxxx".getBytes(StandardCharsets.US_ASCII),
				"{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.US_ASCII))) {
			assertThat(new CsvSplits.Scanner(4, Long.MAX_VALUE).scan(new ByteArrayInputStream(head))).isNull();
		}
	}

	/** The splits as {@code [start, end, rowsBefore]}. */
	private static List<long[]> splits(byte[] file, long size) throws IOException {
		List<long[]> boundaries = new CsvSplits.Scanner(size, Long.MAX_VALUE).scan(new ByteArrayInputStream(file));
		assertThat(boundaries).isNotNull();
		List<long[]> splits = new ArrayList<>();
		for (int i = 1; i < boundaries.size(); i++) {
			splits.add(new long[] { (i == 1) ? 0 : boundaries.get(i - 1)[0], boundaries.get(i)[0],
					(i == 1) ? 0 : boundaries.get(i - 1)[1] });
		}
		assertThat(splits.get(splits.size() - 1)[1]).isEqualTo(file.length);
		return splits;
	}

	private static long headerEnd(byte[] file, long size) throws IOException {
		return new CsvSplits.Scanner(size, Long.MAX_VALUE).scan(new ByteArrayInputStream(file)).get(0)[0];
	}

	/** Every row the reader reads from the splits, as "number:[cells]". */
	private static List<String> rows(byte[] file, List<long[]> splits, long headerEnd) throws IOException {
		List<String> rows = new ArrayList<>();
		for (long[] split : splits) {
			InputStream range = new ByteArrayInputStream(file, (int) split[0], (int) (split[1] - split[0]));
			InputStream in = (split[0] == 0) ? range
					: new SequenceInputStream(new ByteArrayInputStream(file, 0, (int) headerEnd), range);
			try (CsvTable table = CsvTable.open(TextInput.open(in))) {
				long row = split[2];
				for (@Nullable
				List<String> cells = table.next(); cells != null; cells = table.next()) {
					rows.add(++row + ":" + cells);
				}
			}
		}
		return rows;
	}

}
