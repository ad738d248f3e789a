package org.greenledger.core.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xerial.snappy.Snappy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uploaded files are untrusted: whatever is wrong with one is an {@link IOException} that
 * says what (a file-level error for the person who uploaded it), and the temporary copy
 * is gone afterwards.
 */
class ParquetTableSafetyTests {

	private static final ParquetLimits DEFAULTS = ParquetLimits.DEFAULTS;

	@TempDir
	Path directory;

	@Test
	void aTruncatedFileIsRefusedAsTruncated() throws IOException {
		byte[] whole = Files.readAllBytes(focus(CompressionCodecName.GZIP));

		for (int keep : new int[] { whole.length - 1, whole.length / 2, 10 }) {
			assertThatThrownBy(() -> open(Arrays.copyOf(whole, keep), DEFAULTS))
				.isInstanceOf(MalformedTableException.class)
				.hasMessageContaining("truncated");
		}
		assertThat(work()).isEmptyDirectory();
	}

	@Test
	void damagedDataIsAnErrorOfTheFileNotAnException() throws IOException {
		byte[] bytes = Files.readAllBytes(focus(CompressionCodecName.GZIP));
		for (int i = 2_000; i < 2_400; i++) {
			bytes[i] = (byte) ~bytes[i];
		}

		assertThatThrownBy(() -> {
			try (ParquetTable table = open(bytes, DEFAULTS)) {
				ParquetFiles.rows(table);
			}
		}).isInstanceOf(MalformedTableException.class).hasMessageStartingWith("the Parquet data is damaged: ");
		assertThat(work()).isEmptyDirectory();
	}

	@Test
	void aCsvOrAnEmptyFileNamedParquetIsNotParquet() {
		for (String content : List.of("ChargePeriodStart,BilledCost\n2024-03-01,1\n", "", "PAR1")) {
			assertThatThrownBy(() -> open(content.getBytes(StandardCharsets.UTF_8), DEFAULTS))
				.isInstanceOf(MalformedTableException.class)
				.hasMessageContaining((content.startsWith("PAR1")) ? "truncated" : "not Parquet");
		}
		assertThatThrownBy(() -> open("PARE....PARE".getBytes(StandardCharsets.US_ASCII), DEFAULTS))
			.hasMessage("the Parquet file is encrypted, which is not supported");
	}

	@Test
	void aFileOverTheSizeLimitIsRefusedWhileSpooling() throws IOException {
		byte[] bytes = Files.readAllBytes(focus(CompressionCodecName.SNAPPY));

		assertThatThrownBy(() -> open(bytes, limits(bytes.length - 1, 1000, 1 << 20, 1 << 30)))
			.isInstanceOf(LimitExceededException.class)
			.hasMessage("the Parquet file is larger than the limit of " + (bytes.length - 1)
					+ "B (greenledger.ingestion.parquet.max-file-size)");
		assertThat(work()).isEmptyDirectory();
	}

	@Test
	void tooManyColumnsOrTooLargeRowGroupsAreRefusedBeforeAnyRowIsRead() throws IOException {
		byte[] bytes = Files.readAllBytes(focus(CompressionCodecName.SNAPPY));

		assertThatThrownBy(() -> open(bytes, limits(1 << 30, 18, 1 << 20, 1 << 30)))
			.isInstanceOf(LimitExceededException.class)
			.hasMessage("the Parquet file has 19 columns, more than the limit of 18"
					+ " (greenledger.ingestion.parquet.max-columns)");
		assertThatThrownBy(() -> open(bytes, new ParquetLimits(1 << 30, 1000, 1 << 20, 1024, 1 << 20, 1L << 30, 100)))
			.isInstanceOf(LimitExceededException.class)
			.hasMessageStartingWith("row group 1 of the Parquet file declares ")
			.hasMessageEndingWith(
					" bytes, more than the limit of 1KB (greenledger.ingestion.parquet.max-row-group-size)");
		assertThatThrownBy(() -> open(bytes, new ParquetLimits(1 << 30, 1000, 64, 1 << 30, 1 << 20, 1L << 30, 100)))
			.isInstanceOf(LimitExceededException.class)
			.hasMessageContaining("greenledger.ingestion.parquet.max-footer-size");
		assertThat(work()).isEmptyDirectory();
	}

	@Test
	void aCompressionBombIsStoppedAtThePageAndAtTheFileLimit() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType("message m { required binary text (STRING); }");
		Group row = new SimpleGroupFactory(schema).newGroup().append("text", "x".repeat(1 << 20));
		byte[] bytes = Files.readAllBytes(ParquetFiles.write(this.directory.resolve("bomb.parquet"), schema,
				CompressionCodecName.ZSTD, List.of(row, row, row), (builder) -> builder.withDictionaryEncoding(false)));
		assertThat(bytes.length).isLessThan(2_000);

		assertThatThrownBy(
				() -> readAll(bytes, new ParquetLimits(1 << 20, 10, 1 << 20, 1 << 30, 1 << 19, 1L << 30, 100)))
			.isInstanceOf(LimitExceededException.class)
			.hasMessageStartingWith("a page of the Parquet file declares ")
			.hasMessageEndingWith("more than the limit of 512KB (greenledger.ingestion.parquet.max-page-size)");
		assertThatThrownBy(
				() -> readAll(bytes, new ParquetLimits(1 << 20, 10, 1 << 20, 1 << 30, 1 << 30, 1 << 21, 100)))
			.isInstanceOf(LimitExceededException.class)
			.hasMessageContaining("more than the limit of 2MB (greenledger.ingestion.parquet.max-decompressed-size)");
		assertThat(work()).isEmptyDirectory();
	}

	@Test
	void decompressedBytesAreCountedAcrossPagesAndMustBeAsDeclared() throws IOException {
		byte[] page = "x".repeat(1000).getBytes(StandardCharsets.US_ASCII);
		BytesInputDecompressor zstd = new ParquetCodecs(
				new ParquetLimits(1 << 20, 10, 1 << 20, 1 << 20, 1 << 20, 2500, 100))
			.getDecompressor(CompressionCodecName.ZSTD);
		assertThat(zstd.decompress(BytesInput.from(Zstd.compress(page)), 1000).toByteArray()).isEqualTo(page);
		zstd.decompress(BytesInput.from(Zstd.compress(page)), 1000);
		assertThatThrownBy(() -> zstd.decompress(BytesInput.from(Zstd.compress(page)), 1000))
			.isInstanceOf(LimitExceededException.class)
			.hasMessageContaining("greenledger.ingestion.parquet.max-decompressed-size");

		Map<CompressionCodecName, byte[]> compressed = Map.of(CompressionCodecName.SNAPPY, Snappy.compress(page),
				CompressionCodecName.GZIP, ParquetFiles.Compressors.gzip(page), CompressionCodecName.ZSTD,
				Zstd.compress(page), CompressionCodecName.UNCOMPRESSED, page);
		ParquetCodecs codecs = new ParquetCodecs(DEFAULTS);
		compressed.forEach((codec, data) -> {
			for (int declared : new int[] { 999, 1001 }) {
				assertThatThrownBy(() -> codecs.getDecompressor(codec).decompress(BytesInput.from(data), declared))
					.as(codec + " declaring " + declared)
					.isInstanceOf(MalformedTableException.class)
					.hasMessageContaining("does not decompress to the " + declared + " bytes it declares");
			}
		});
	}

	@Test
	void aRowWithTooManyValuesIsRefused() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType("""
				message m { optional group tags (MAP) { repeated group key_value {
				  required binary key (STRING); optional binary value (STRING); } } }""");
		Map<String, String> tags = new LinkedHashMap<>();
		for (int i = 0; i < 1000; i++) {
			tags.put("key" + i, "value");
		}
		Group row = new SimpleGroupFactory(schema).newGroup();
		ParquetFiles.map(row, "tags", tags);
		byte[] bytes = Files.readAllBytes(ParquetFiles.write(this.directory.resolve("wide.parquet"), schema,
				CompressionCodecName.SNAPPY, List.of(row)));

		assertThat(readAll(bytes, limits(1 << 20, 10, 1 << 20, 2000)).get(0).get(0)).startsWith("{\"key0\":\"value\"");
		assertThatThrownBy(() -> readAll(bytes, limits(1 << 20, 10, 1 << 20, 1999)))
			.isInstanceOf(LimitExceededException.class)
			.hasMessage("a row of the Parquet file has more than 1999 values"
					+ " (greenledger.ingestion.parquet.max-values-per-row)");
	}

	@Test
	void aCodecOtherThanSnappyGzipOrZstdIsNamed() throws IOException {
		byte[] bytes = Files.readAllBytes(focus(CompressionCodecName.LZ4_RAW));

		assertThatThrownBy(() -> open(bytes, DEFAULTS)).isInstanceOf(MalformedTableException.class)
			.hasMessage("column BillingAccountId of the Parquet file is compressed with LZ4_RAW,"
					+ " which is not read (SNAPPY, GZIP, ZSTD or none are)");
		assertThat(work()).isEmptyDirectory();
	}

	private Path focus(CompressionCodecName codec) throws IOException {
		return FocusRows.parquet(this.directory.resolve(codec + ".parquet"), FocusRows.rows(500), codec,
				WriterVersion.PARQUET_1_0);
	}

	private Path work() {
		return this.directory.resolve("work");
	}

	private static ParquetLimits limits(long maxFileSize, int maxColumns, int maxPageSize, int maxValuesPerRow) {
		return new ParquetLimits(maxFileSize, maxColumns, 1 << 20, 1L << 30, maxPageSize, 1L << 30, maxValuesPerRow);
	}

	private ParquetTable open(byte[] bytes, ParquetLimits limits) throws IOException {
		try (InputStream in = new ByteArrayInputStream(bytes)) {
			return ParquetTable.open(in, work(), limits);
		}
	}

	private List<List<String>> readAll(byte[] bytes, ParquetLimits limits) throws IOException {
		try (ParquetTable table = open(bytes, limits)) {
			return ParquetFiles.rows(table);
		}
	}

}
