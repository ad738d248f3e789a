package org.greenledger.core.table;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Parquet type and logical type reads as the text a CSV export writes for it. */
class ParquetValuesTests {

	@TempDir
	Path directory;

	@Test
	void everyValueTypeReadsAsItsCsvText() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType("""
				message values {
				  required int32 date (DATE);
				  required int32 time_millis (TIME(MILLIS,true));
				  required int64 time_micros (TIME(MICROS,false));
				  required int64 local_nanos (TIMESTAMP(NANOS,false));
				  required int64 before_1970 (TIMESTAMP(MICROS,true));
				  required int64 with_fraction (TIMESTAMP(MICROS,true));
				  required int96 legacy;
				  required int32 decimal32 (DECIMAL(9,2));
				  required fixed_len_byte_array(16) decimal_fixed (DECIMAL(38,18));
				  required float ratio;
				  required double tiny;
				  required double huge;
				  required double not_a_number;
				  required boolean flag;
				  required int32 unsigned32 (INTEGER(32,false));
				  required int64 unsigned64 (INTEGER(64,false));
				  required fixed_len_byte_array(16) id (UUID);
				  required binary raw;
				  required binary document (JSON);
				}""");
		UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
		Instant legacy = Instant.parse("2024-03-01T12:30:15.5Z");
		Group row = new SimpleGroupFactory(schema).newGroup()
			.append("date", 19_783)
			.append("time_millis", 45_296_789)
			.append("time_micros", 1_000_001L)
			.append("local_nanos", 1_709_251_200_000_000_001L)
			.append("before_1970", -1L)
			.append("with_fraction", ParquetFiles.micros(Instant.parse("2024-03-01T00:00:00.123456Z")))
			.append("legacy",
					new NanoTime((int) (legacy.getEpochSecond() / 86_400 + 2_440_588),
							(legacy.getEpochSecond() % 86_400) * 1_000_000_000L + legacy.getNano()))
			.append("decimal32", -12_345)
			.append("decimal_fixed", ParquetFiles.fixedDecimal(new BigDecimal("-12.345678901234567891"), 18, 16))
			.append("ratio", 0.1f)
			.append("tiny", 1e-7)
			.append("huge", 1.5e21)
			.append("not_a_number", Double.NaN)
			.append("flag", true)
			.append("unsigned32", -1)
			.append("unsigned64", -1L)
			.append("id", Binary.fromConstantByteArray(uuidBytes(id)))
			.append("raw", "plain bytes")
			.append("document", "{\"a\": 1}");
		Path file = ParquetFiles.write(this.directory.resolve("values.parquet"), schema, CompressionCodecName.ZSTD,
				List.of(row));

		assertThat(ParquetFiles.read(file, this.directory))
			.containsExactly(List.of("2024-03-01", "12:34:56.789", "00:00:01.000001", "2024-03-01T00:00:00.000000001Z",
					"1969-12-31T23:59:59.999999Z", "2024-03-01T00:00:00.123456Z", "2024-03-01T12:30:15.500Z", "-123.45",
					"-12.345678901234567891", "0.1", "0.0000001", "1500000000000000000000", "NaN", "true", "4294967295",
					"18446744073709551615", id.toString(), "plain bytes", "{\"a\": 1}"));
	}

	private static byte[] uuidBytes(UUID id) {
		return java.nio.ByteBuffer.allocate(16)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
	}

}
