package org.greenledger.core.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.xerial.snappy.Snappy;

/**
 * Writes Parquet files for the tests with parquet-java's example writer, compressing with
 * libraries independent of the ones {@link ParquetCodecs} reads with where possible
 * (snappy-java for SNAPPY, the JDK for GZIP, zstd-jni for ZSTD).
 */
final class ParquetFiles {

	private ParquetFiles() {
	}

	/** Writes rows built from the schema's group factory. */
	static Path write(Path file, MessageType schema, CompressionCodecName codec, List<Group> rows,
			UnaryOperator<ExampleParquetWriter.Builder> options) throws IOException {
		ExampleParquetWriter.Builder builder = ExampleParquetWriter.builder(new LocalOutputFile(file))
			.withConf(new PlainParquetConfiguration())
			.withType(schema)
			.withCodecFactory(new Compressors())
			.withCompressionCodec(codec);
		try (ParquetWriter<Group> writer = options.apply(builder).build()) {
			for (Group row : rows) {
				writer.write(row);
			}
		}
		return file;
	}

	static Path write(Path file, MessageType schema, CompressionCodecName codec, List<Group> rows) throws IOException {
		return write(file, schema, codec, rows, UnaryOperator.identity());
	}

	static ParquetMetadata footer(Path file) throws IOException {
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
				ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
			return reader.getFooter();
		}
	}

	/** Every row of a table, read through the {@link Table} interface. */
	static List<List<String>> rows(Table table) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (List<String> row = table.next(); row != null; row = table.next()) {
			rows.add(row);
		}
		return rows;
	}

	static List<List<String>> read(Path file, Path workDirectory) throws IOException {
		return read(file, workDirectory, ParquetLimits.DEFAULTS);
	}

	static List<List<String>> read(Path file, Path workDirectory, ParquetLimits limits) throws IOException {
		try (InputStream in = Files.newInputStream(file);
				ParquetTable table = ParquetTable.open(in, workDirectory, limits)) {
			return rows(table);
		}
	}

	static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	/** The unscaled two's-complement bytes of a decimal with the given scale. */
	static Binary decimal(BigDecimal value, int scale) {
		return Binary.fromConstantByteArray(value.setScale(scale).unscaledValue().toByteArray());
	}

	/** The same, sign-extended to a FIXED_LEN_BYTE_ARRAY of the given length. */
	static Binary fixedDecimal(BigDecimal value, int scale, int length) {
		byte[] unscaled = value.setScale(scale).unscaledValue().toByteArray();
		byte[] fixed = new byte[length];
		java.util.Arrays.fill(fixed, 0, length - unscaled.length, (byte) ((value.signum() < 0) ? 0xff : 0));
		System.arraycopy(unscaled, 0, fixed, length - unscaled.length, unscaled.length);
		return Binary.fromConstantByteArray(fixed);
	}

	/** Adds a MAP<string,string> value to a group's map field. */
	static void map(Group group, String field, Map<String, String> entries) {
		Group map = group.addGroup(field);
		entries.forEach((key, value) -> {
			Group entry = map.addGroup("key_value").append("key", key);
			if (value != null) {
				entry.append("value", value);
			}
		});
	}

	/**
	 * Compresses like the writers of real exports; any other codec (for example LZ4_RAW)
	 * is written uncompressed but labelled, which is enough to be refused on reading.
	 */
	static final class Compressors implements CompressionCodecFactory {

		@Override
		public BytesInputCompressor getCompressor(CompressionCodecName codec) {
			return new BytesInputCompressor() {

				@Override
				public BytesInput compress(BytesInput bytes) throws IOException {
					byte[] data = bytes.toByteArray();
					return BytesInput.from(switch (codec) {
						case SNAPPY -> Snappy.compress(data);
						case GZIP -> gzip(data);
						case ZSTD -> Zstd.compress(data);
						default -> data;
					});
				}

				@Override
				public CompressionCodecName getCodecName() {
					return codec;
				}

				@Override
				public void release() {
				}

			};
		}

		static byte[] gzip(byte[] data) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
				gzip.write(data);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		}

		@Override
		public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
			throw new UnsupportedOperationException("writing only");
		}

		@Override
		public void release() {
		}

	}

}
