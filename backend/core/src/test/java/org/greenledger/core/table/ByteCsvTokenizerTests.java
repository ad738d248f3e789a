package org.greenledger.core.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV read from checked bytes ({@code CsvTable.open(InputStream)}) against the CSV
 * read from decoded text ({@code CsvTable.open(TextInput.open(...))}): the same records,
 * or the same error in the same words, for any bytes, any columns read and any limits
 * reached.
 */
class ByteCsvTokenizerTests {

	@Property(tries = 3000, seed = "1789", shrinking = ShrinkingMode.OFF)
	void readsTheRecordsAndErrorsOfTheDecodedText(@ForAll("csvBytes") byte[] bytes, @ForAll("columns") BitSet read) {
		assertThat(outcome(bytes, ReaderFuzzTests.SMALL, read, true))
			.isEqualTo(outcome(bytes, ReaderFuzzTests.SMALL, read, false));
	}

	@Test
	void readsLargeFilesWithCharactersOutsideAsciiLikeTheDecodedText() {
		SplittableRandom random = new SplittableRandom(7);
		String[] values = { "aws", "Microsoft", "Zürich", "東京", "emoji \uD83D\uDE00 here", "", "x,y", "say \"hi\"",
				"a\nb", "\u00e9".repeat(300) };
		StringBuilder csv = new StringBuilder("id,name,json,amount\n");
		for (int row = 0; row < 30_000; row++) {
			csv.append(row).append(',');
			String value = values[random.nextInt(values.length)];
			boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n");
			csv.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value).append(',');
			csv.append("\"{\"\"team\"\":\"\"t").append(random.nextInt(30)).append("\"\"}\",");
			csv.append(random.nextDouble() * 100).append(random.nextBoolean() ? "\n" : "\r\n");
		}
		csv.append("last,").append("\u00e9".repeat(100_000)).append(",,\n");
		byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
		BitSet read = new BitSet();
		read.set(1);
		read.set(3);
		for (BitSet columns : List.of(new BitSet(), read)) {
			List<Object> expected = outcome(bytes, InputLimits.DEFAULTS, columns, false);
			assertThat(expected).hasSize(30_002);
			assertThat(outcome(bytes, InputLimits.DEFAULTS, columns, true)).isEqualTo(expected);
		}
	}

	@Test
	void equalValuesOfAColumnAreOneString() throws IOException {
		try (CsvTable table = CsvTable.open(new ByteArrayInputStream("p,q\naws,1\naws,2\n".getBytes()))) {
			assertThat(table.next().get(0)).isSameAs(table.next().get(0)).isEqualTo("aws");
		}
	}

	@Test
	void aColumnOfThousandsOfRepeatedValuesKeepsThemAllAndTellsThemApartByEveryByte() throws IOException {
		// 5,000 values of 1 to 64 bytes; those of the same length differ in one byte, at
		// any position (also beyond the 24 bytes kept beside the hash)
		String[] values = new String[5000];
		for (int i = 0; i < values.length; i++) {
			int length = 1 + i % 64;
			int k = i / 64;
			char[] chars = "a".repeat(length).toCharArray();
			chars[(k * 7) % length] = (char) (33 + k);
			values[i] = new String(chars);
		}
		SplittableRandom random = new SplittableRandom(11);
		StringBuilder csv = new StringBuilder("value,row\n");
		int rows = 0;
		while (rows < 90_000) {
			String value = values[random.nextInt(values.length)];
			for (int repeat = 1 + random.nextInt(2); repeat > 0; repeat--, rows++) {
				csv.append('"').append(value.replace("\"", "\"\"")).append("\",").append(rows).append('\n');
			}
		}
		byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
		assertThat(outcome(bytes, InputLimits.DEFAULTS, new BitSet(), true))
			.isEqualTo(outcome(bytes, InputLimits.DEFAULTS, new BitSet(), false));
		// once the column has kept more than its first 4,096 values, each value is one
		// string
		java.util.Map<String, String> first = new java.util.HashMap<>();
		try (CsvTable table = CsvTable.open(new ByteArrayInputStream(bytes))) {
			for (List<String> cells = table.next(); cells != null; cells = table.next()) {
				if (Integer.parseInt(cells.get(1)) >= 60_000) {
					String known = first.putIfAbsent(cells.get(0), cells.get(0));
					assertThat(cells.get(0)).isSameAs((known != null) ? known : cells.get(0));
				}
			}
		}
		assertThat(first).hasSizeGreaterThan(4096);
	}

	@Test
	void valuesOfAnyLengthAreTheSameOnlyWhenEveryByteIs() {
		byte[] a = new byte[50];
		new SplittableRandom(3).nextBytes(a);
		for (int length = 0; length <= 40; length++) {
			byte[] b = new byte[length + 5];
			System.arraycopy(a, 3, b, 5, length);
			assertThat(ByteColumnValues.same(a, 3, b, 5, length)).isTrue();
			for (int i = 0; i < length; i++) {
				b[5 + i] ^= 1;
				assertThat(ByteColumnValues.same(a, 3, b, 5, length)).as("length %d, byte %d", length, i).isFalse();
				b[5 + i] ^= 1;
			}
		}
	}

	/** The header and records, or the error's type and message. */
	private static List<Object> outcome(byte[] bytes, InputLimits limits, BitSet read, boolean asBytes) {
		List<Object> rows = new ArrayList<>();
		InputStream in = new ByteArrayInputStream(bytes);
		try (CsvTable table = asBytes ? CsvTable.open(in, limits)
				: CsvTable.open(TextInput.open(in, limits, true), limits)) {
			rows.add(table.header());
			if (!read.isEmpty()) {
				table.readOnly(read);
			}
			for (List<String> cells = table.next(); cells != null; cells = table.next()) {
				rows.add(cells);
			}
		}
		catch (IOException ex) {
			rows.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		return rows;
	}

	@Provide
	Arbitrary<byte[]> csvBytes() {
		Arbitrary<String> pieces = Arbitraries.of(",", ",", ",", "\"", "\n", "\r", "a", "b", "é", "東", "\uD83D\uDE00",
				" ", "\0", "\uFEFF", "xyz12345", "\"\"");
		Arbitrary<byte[]> text = Combinators
			.combine(pieces.list().ofMaxSize(300), Arbitraries.integers().between(0, 3),
					Arbitraries.integers().between(1, 600))
			.as((list, shape, run) -> {
				StringBuilder csv = new StringBuilder();
				list.forEach(csv::append);
				if (shape == 1) {
					csv.append("x".repeat(run));
				}
				else if (shape == 2) {
					csv.append("\"").append("é".repeat(run / 10));
				}
				return csv.toString().getBytes(StandardCharsets.UTF_8);
			});
		Arbitrary<byte[]> damaged = Combinators
			.combine(text, Arbitraries.integers().between(0, 1000),
					Arbitraries.of((byte) 0xC0, (byte) 0xE0, (byte) 0xED, (byte) 0xF0, (byte) 0xF4, (byte) 0xFF,
							(byte) 0x80, (byte) 0xA0, (byte) 0xBF, (byte) 0xC3))
			.as((bytes, at, value) -> {
				if (bytes.length == 0) {
					return new byte[] { value };
				}
				byte[] copy = bytes.clone();
				copy[at % copy.length] = value;
				return copy;
			});
		Arbitrary<byte[]> cut = text.map(bytes -> java.util.Arrays.copyOf(bytes, Math.max(0, bytes.length - 1)));
		return Arbitraries.oneOf(text, damaged, cut, Arbitraries.bytes().array(byte[].class).ofMaxSize(400));
	}

	@Provide
	Arbitrary<BitSet> columns() {
		return Arbitraries.integers().between(0, (1 << 6) - 1).map(bits -> BitSet.valueOf(new long[] { bits }));
	}

}
