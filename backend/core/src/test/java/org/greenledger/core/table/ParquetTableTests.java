package org.greenledger.core.table;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.focus.FocusReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parquet files written here with parquet-java read as the same text cells a CSV export
 * of the same data holds, whatever the codec, page version, encoding or row groups.
 */
class ParquetTableTests {

	@TempDir
	Path directory;

	@Test
	void focusColumnsReadAsTheTextOfTheirCsvExport() throws IOException {
		List<FocusRows.Row> rows = List.of(FocusRows.row(1), FocusRows.row(3), FocusRows.row(4), FocusRows.row(7));
		Path file = FocusRows.parquet(this.directory.resolve("focus.parquet"), rows, CompressionCodecName.SNAPPY,
				WriterVersion.PARQUET_1_0);

		try (ParquetTable table = ParquetTable.open(Files.newInputStream(file), this.directory.resolve("work"),
				ParquetLimits.DEFAULTS)) {
			assertThat(table.header()).containsExactlyElementsOf(FocusRows.HEADER);
			List<List<String>> read = ParquetFiles.rows(table);
			assertThat(read).hasSize(4);
			assertThat(cells(read.get(0), "ChargePeriodStart", "ChargePeriodEnd", "BilledCost", "EffectiveCost",
					"ListCost", "ConsumedQuantity", "RegionId", "Tags", "SkuPriceDetails"))
				.containsExactly("2024-03-01T01:00:00Z", "2024-03-01T02:00:00Z", "0.0137000000", "0.1", "1.000001", "1",
						"us-east-1", "{\"team\":\"ml\",\"env\":\"dev\"}", null);
			assertThat(cells(read.get(1), "ConsumedQuantity", "Tags")).containsExactly(null,
					"{\"team\":\"ml\",\"env\":\"dev\"}");
			assertThat(cells(read.get(2), "SkuPriceDetails", "EffectiveCost")).containsExactly(FocusRows.DETAILS,
					"0.4");
			assertThat(cells(read.get(3), "RegionId", "ChargeClass")).containsExactly(null, null);
		}
		assertThat(this.directory.resolve("work")).isEmptyDirectory();
	}

	static Stream<Arguments> codecsAndPageVersions() {
		return Stream
			.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY, CompressionCodecName.GZIP,
					CompressionCodecName.ZSTD)
			.flatMap((codec) -> Stream.of(WriterVersion.PARQUET_1_0, WriterVersion.PARQUET_2_0)
				.map((version) -> Arguments.of(codec, version)));
	}

	@ParameterizedTest
	@MethodSource("codecsAndPageVersions")
	void everyCodecReadsDictionaryEncodedRowGroupsAlike(CompressionCodecName codec, WriterVersion version)
			throws IOException {
		List<FocusRows.Row> rows = FocusRows.rows(3000);
		Path expected = FocusRows.parquet(this.directory.resolve("plain.parquet"), rows,
				CompressionCodecName.UNCOMPRESSED, WriterVersion.PARQUET_1_0);
		Path file = FocusRows.parquet(this.directory.resolve("file.parquet"), rows, codec, version);

		ParquetMetadata footer = ParquetFiles.footer(file);
		assertThat(footer.getBlocks()).as("row groups").hasSizeGreaterThan(2);
		assertThat(footer.getBlocks()).flatExtracting(BlockMetaData::getColumns)
			.allSatisfy((column) -> assertThat(column.getCodec()).isEqualTo(codec))
			.anySatisfy((column) -> assertThat(column.getEncodings()).containsAnyOf(Encoding.PLAIN_DICTIONARY,
					Encoding.RLE_DICTIONARY));
		List<List<String>> read = ParquetFiles.read(file, this.directory);
		assertThat(read).hasSize(3000).isEqualTo(ParquetFiles.read(expected, this.directory));
		assertThat(read.get(2999).get(FocusRows.HEADER.indexOf("ChargePeriodStart")))
			.isEqualTo(FocusRows.row(2999).start().toString());
	}

	@Test
	void snappyBackReferencesReachAcrossTheWholeBlock() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType("message m { required binary text (STRING); }");
		byte[] random = new byte[40_000];
		new Random(7).nextBytes(random);
		String chunk = Base64Text.of(random);
		List<Group> rows = List.of(group(schema).append("text", chunk), group(schema).append("text", chunk));
		Path file = ParquetFiles.write(this.directory.resolve("snappy.parquet"), schema, CompressionCodecName.SNAPPY,
				rows, (builder) -> builder.withDictionaryEncoding(false));

		assertThat(ParquetFiles.read(file, this.directory)).containsExactly(List.of(chunk), List.of(chunk));
	}

	@Test
	void cur20MapsListsAndStructsBecomeJsonText() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType(
				"""
						message cur {
						  optional binary line_item_line_item_type (STRING);
						  optional int64 line_item_usage_start_date (TIMESTAMP(MILLIS,false));
						  optional double line_item_unblended_cost;
						  optional group product (MAP) { repeated group key_value {
						    required binary key (STRING); optional binary value (STRING); } }
						  optional group resource_tags (MAP) { repeated group key_value {
						    required binary key (STRING); optional binary value (STRING); } }
						  optional group discounts (LIST) { repeated group list { optional double element; } }
						  optional group sku { optional binary id (STRING); optional int32 cores; repeated binary flags (STRING); }
						}""");
		Group first = group(schema).append("line_item_line_item_type", "Usage")
			.append("line_item_usage_start_date", 1_709_251_200_000L)
			.append("line_item_unblended_cost", 0.0416);
		ParquetFiles.map(first, "product", linked("instance_type", "m5.large", "region", "us-east-1"));
		ParquetFiles.map(first, "resource_tags", linked("user:team", "ml", "user:empty", null));
		Group discounts = first.addGroup("discounts");
		discounts.addGroup("list").append("element", 0.5);
		discounts.addGroup("list");
		first.addGroup("sku").append("id", "ABC").append("cores", 2).append("flags", "a").append("flags", "b");
		Group second = group(schema).append("line_item_line_item_type", "Tax");
		second.addGroup("resource_tags");
		Path file = ParquetFiles.write(this.directory.resolve("cur.parquet"), schema, CompressionCodecName.GZIP,
				List.of(first, second));

		assertThat(ParquetFiles.read(file, this.directory)).containsExactly(
				Arrays.asList("Usage", "2024-03-01T00:00:00Z", "0.0416",
						"{\"instance_type\":\"m5.large\",\"region\":\"us-east-1\"}",
						"{\"user:team\":\"ml\",\"user:empty\":null}", "[0.5,null]",
						"{\"id\":\"ABC\",\"cores\":2,\"flags\":[\"a\",\"b\"]}"),
				Arrays.asList("Tax", null, null, null, "{}", null, null));
	}

	@Test
	void aFileWithoutRowsHasItsHeader() throws IOException {
		MessageType schema = MessageTypeParser
			.parseMessageType("message m { required binary BilledCost (STRING); optional int32 n; }");
		Path file = ParquetFiles.write(this.directory.resolve("empty.parquet"), schema, CompressionCodecName.SNAPPY,
				List.of());

		try (ParquetTable table = ParquetTable.open(Files.newInputStream(file), this.directory,
				ParquetLimits.DEFAULTS)) {
			assertThat(table.header()).containsExactly("BilledCost", "n");
			assertThat(table.next()).isNull();
		}
	}

	@Test
	void focusReaderAccountsForEveryRowAndReconcilesAsFromTheSameCsv() throws IOException {
		List<FocusRows.Row> rows = FocusRows.rows(2500);
		Path file = FocusRows.parquet(this.directory.resolve("focus.parquet"), rows, CompressionCodecName.SNAPPY,
				WriterVersion.PARQUET_1_0);
		Collected fromCsv = new Collected();
		FocusReader.read("focus.csv", new StringReader(FocusRows.csv(rows)), fromCsv);

		Collected fromParquet = new Collected();
		try (ParquetTable table = ParquetTable.open(Files.newInputStream(file), this.directory,
				ParquetLimits.DEFAULTS)) {
			assertThat(FocusReader.read("focus.parquet", table, fromParquet)).isEqualTo("1.2");
		}

		BigDecimal billed = rows.stream()
			.map(FocusRows.Row::billed)
			.filter(Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(fromParquet.accepted.size() + fromParquet.rejectedRows.size()).as("rows accounted for")
			.isEqualTo(2500);
		assertThat(fromParquet.acceptedBilled().add(fromParquet.rejectedBilled)).as("billed cost reconciles")
			.isEqualByComparingTo(billed);
		assertThat(fromParquet.rejectedRows).hasSize(72).isEqualTo(fromCsv.rejectedRows);
		assertThat(fromParquet.errors).isEqualTo(fromCsv.errors);
		assertSameRecords(fromParquet.accepted, fromCsv.accepted);
	}

	@Test
	void theCommittedFocusFixtureReadsAsItsCsvSource() throws IOException {
		if (Boolean.getBoolean("greenledger.write-fixtures")) {
			FocusFixture.write(FocusFixture.SOURCE, FocusFixture.PARQUET);
		}
		Collected fromCsv = new Collected();
		FocusReader.read("b2.csv", InputFiles.open(FocusFixture.SOURCE), fromCsv);

		Collected fromParquet = new Collected();
		try (ParquetTable table = ParquetTable.open(Files.newInputStream(FocusFixture.PARQUET), this.directory,
				ParquetLimits.DEFAULTS)) {
			assertThat(FocusReader.read("b2.parquet", table, fromParquet)).isEqualTo("1.2");
		}

		assertThat(fromParquet.accepted).hasSize(14);
		assertThat(fromParquet.errors).isEmpty();
		assertThat(fromParquet.acceptedBilled()).isEqualByComparingTo(fromCsv.acceptedBilled());
		assertSameRecords(fromParquet.accepted, fromCsv.accepted);
	}

	private static void assertSameRecords(List<BillingRow> actual, List<BillingRow> expected) {
		assertThat(actual)
			.usingRecursiveFieldByFieldElementComparator(RecursiveComparisonConfiguration.builder()
				.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
				.build())
			.isEqualTo(expected);
	}

	private static List<String> cells(List<String> row, String... columns) {
		List<String> cells = new ArrayList<>();
		for (String column : columns) {
			cells.add(row.get(FocusRows.HEADER.indexOf(column)));
		}
		return cells;
	}

	private static Group group(MessageType schema) {
		return new SimpleGroupFactory(schema).newGroup();
	}

	private static Map<String, String> linked(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	/** Text that does not compress by itself, only by repeating. */
	private static final class Base64Text {

		static String of(byte[] bytes) {
			return java.util.Base64.getEncoder().encodeToString(bytes);
		}

	}

	static final class Collected implements BillingRowSink {

		final List<BillingRow> accepted = new ArrayList<>();

		final List<RowError> errors = new ArrayList<>();

		final List<Long> rejectedRows = new ArrayList<>();

		BigDecimal rejectedBilled = BigDecimal.ZERO;

		@Override
		public void accept(BillingRow record) {
			this.accepted.add(record);
		}

		@Override
		public void reject(long row, List<RowError> errors, BigDecimal billedCost) {
			this.rejectedRows.add(row);
			this.errors.addAll(errors);
			if (billedCost != null) {
				this.rejectedBilled = this.rejectedBilled.add(billedCost);
			}
		}

		BigDecimal acceptedBilled() {
			return this.accepted.stream().map(BillingRow::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

}
