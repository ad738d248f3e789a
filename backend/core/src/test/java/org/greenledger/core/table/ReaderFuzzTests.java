package org.greenledger.core.table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing (jqwik, fixed seeds, bounded tries) of the text layers every
 * upload goes through: the CSV tokenizer, checked UTF-8 decoding and bounded gzip. Each
 * property holds for any input: the reader returns rows within the limits, or stops with
 * its own error type whose message names where (line and character, row or header);
 * nothing else is thrown and no row or cell is larger than the limits allow.
 */
class ReaderFuzzTests {

	/** Small limits, so that the fuzzer reaches them. */
	static final InputLimits SMALL = new InputLimits(64 * 1024, 50, 300, 12, 40, 200, 8, 100, LocalDate.of(1970, 1, 1),
			LocalDate.of(2199, 12, 31));

	@Property(tries = 1500, seed = "1612", shrinking = ShrinkingMode.OFF)
	void theCsvTokenizerReturnsBoundedRowsOrItsOwnError(@ForAll("csvText") String text) {
		try (CsvTable table = CsvTable.open(new StringReader(text), SMALL)) {
			assertThat(table.header().size()).isLessThanOrEqualTo(SMALL.maxColumns());
			for (List<String> row = table.next(); row != null; row = table.next()) {
				assertThat(row.size()).isLessThanOrEqualTo(SMALL.maxColumns());
				for (String cell : row) {
					assertThat(cell.length()).isLessThanOrEqualTo(SMALL.maxCellChars());
				}
			}
		}
		catch (RefusedTextException ex) {
			assertThat(ex.getMessage()).containsPattern("^(the header|row \\d+)|names the column");
		}
		catch (MalformedTableException ex) {
			assertThat(ex.getMessage()).containsPattern("record \\d+");
		}
		catch (IOException ex) {
			throw new AssertionError("unexpected " + ex, ex);
		}
	}

	@Property(tries = 1500, seed = "2718", shrinking = ShrinkingMode.OFF)
	void checkedTextDecodesOrNamesTheLineAndCharacter(@ForAll("bytes") byte[] bytes) {
		try (Reader text = TextInput.open(new ByteArrayInputStream(bytes), SMALL, true)) {
			char[] buffer = new char[37];
			long total = 0;
			for (int n = text.read(buffer); n >= 0; n = text.read(buffer)) {
				for (int i = 0; i < n; i++) {
					assertThat(buffer[i]).isNotEqualTo('\0');
				}
				total += n;
			}
			assertThat(total).isLessThanOrEqualTo(bytes.length);
		}
		catch (RefusedTextException ex) {
			assertThat(ex.getMessage()).containsPattern("^line \\d+|UTF-16|more than \\d+ lines");
		}
		catch (IOException ex) {
			throw new AssertionError("unexpected " + ex, ex);
		}
	}

	@Property(tries = 800, seed = "31415", shrinking = ShrinkingMode.OFF)
	void damagedGzipIsRefusedWithOurOwnErrorAndNeverExpandsBeyondTheLimit(@ForAll("damagedGzip") byte[] bytes) {
		long out = 0;
		try (GzipInput gzip = new GzipInput(new ByteArrayInputStream(bytes), SMALL)) {
			byte[] buffer = new byte[4096];
			for (int n = gzip.read(buffer); n >= 0; n = gzip.read(buffer)) {
				out += n;
				assertThat(out).isLessThanOrEqualTo(SMALL.maxDecompressedSize());
			}
		}
		catch (MalformedTableException | LimitExceededException | EOFException ex) {
			assertThat(ex.getMessage()).doesNotContain("Exception").isNotBlank();
		}
		catch (IOException ex) {
			throw new AssertionError("unexpected " + ex, ex);
		}
	}

	@Provide
	Arbitrary<String> csvText() {
		Arbitrary<Character> interesting = Arbitraries.of(',', ',', '"', '\n', '\r', 'a', 'b', ' ', '\0', '\uFEFF',
				'\u00e9');
		return Combinators
			.combine(interesting.list().ofMaxSize(400), Arbitraries.integers().between(0, 3),
					Arbitraries.integers().between(1, 600))
			.as((chars, shape, run) -> {
				StringBuilder text = new StringBuilder();
				chars.forEach(text::append);
				// sometimes one long run of a character, to reach the length limits
				if (shape == 1) {
					text.append("x".repeat(run));
				}
				else if (shape == 2) {
					text.append(",".repeat(run / 20));
				}
				return text.toString();
			});
	}

	@Provide
	Arbitrary<byte[]> bytes() {
		Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
		Arbitrary<byte[]> text = Arbitraries.strings()
			.withChars("ab,\"\n\r\u00e9\u20ac\0")
			.ofMaxLength(600)
			.map(value -> value.getBytes(StandardCharsets.UTF_8));
		return Arbitraries.oneOf(random, text, text.map(ReaderFuzzTests::corruptOneByte));
	}

	@Provide
	Arbitrary<byte[]> damagedGzip() {
		return Combinators
			.combine(Arbitraries.strings().ofMaxLength(2000), Arbitraries.integers().between(0, 5),
					Arbitraries.integers().between(0, 10_000), Arbitraries.bytes())
			.as((content, damage, where, value) -> {
				byte[] gzip = gzip(content.getBytes(StandardCharsets.UTF_8));
				int at = where % gzip.length;
				return switch (damage.intValue()) {
					case 0 -> gzip;
					case 1 -> java.util.Arrays.copyOf(gzip, at);
					case 2 -> {
						gzip[Math.max(2, at)] = value;
						yield gzip;
					}
					case 3 -> concat(gzip, new byte[] { value, 1, 2 });
					case 4 -> concat(gzip, gzip);
					default -> concat(gzip, gzip(new byte[100_000]));
				};
			});
	}

	private static byte[] corruptOneByte(byte[] bytes) {
		if (bytes.length == 0) {
			return new byte[] { (byte) 0xC0 };
		}
		byte[] copy = bytes.clone();
		copy[copy.length / 2] = (byte) 0xFF;
		return copy;
	}

	static byte[] gzip(byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
