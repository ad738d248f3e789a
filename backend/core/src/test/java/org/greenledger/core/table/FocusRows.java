package org.greenledger.core.table;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * FOCUS 1.2 rows generated from a number, written as Parquet the way exports type them
 * (timestamps in microseconds UTC, decimal and double costs, a MAP of tags, JSON text SKU
 * details) and as the CSV of the same data.
 */
final class FocusRows {

	static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
			message focus {
			  required binary BillingAccountId (STRING);
			  required binary BillingCurrency (STRING);
			  required int64 BillingPeriodStart (TIMESTAMP(MICROS,true));
			  required int64 ChargePeriodStart (TIMESTAMP(MICROS,true));
			  required int64 ChargePeriodEnd (TIMESTAMP(MICROS,true));
			  required binary ChargeCategory (STRING);
			  optional binary ChargeClass (STRING);
			  optional binary BilledCost (DECIMAL(38,10));
			  optional double EffectiveCost;
			  optional int64 ListCost (DECIMAL(18,6));
			  optional double ConsumedQuantity;
			  optional binary ConsumedUnit (STRING);
			  required binary ServiceProviderName (STRING);
			  optional binary RegionId (STRING);
			  optional binary ServiceCategory (STRING);
			  optional binary ServiceName (STRING);
			  optional binary SkuPriceDetails (STRING);
			  optional group Tags (MAP) {
			    repeated group key_value { required binary key (STRING); optional binary value (STRING); }
			  }
			}""");

	static final List<String> HEADER = SCHEMA.getFields().stream().map((field) -> field.getName()).toList();

	static final String DETAILS = "{\"InstanceType\":\"m5.large\",\"CoreCount\":2}";

	private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

	private FocusRows() {
	}

	/**
	 * One row: every tenth a Tax row, every 97th of an unknown category and every 53rd
	 * without billed cost (both rejected by the FOCUS reader), some without region,
	 * quantity or tags.
	 */
	record Row(Instant start, String category, BigDecimal billed, double effective, BigDecimal list, Double consumed,
			String region, String details, Map<String, String> tags) {
	}

	static Row row(int i) {
		String category = (i % 97 == 96) ? "Bogus" : (i % 10 == 9) ? "Tax" : "Usage";
		BigDecimal billed = (i % 53 == 52) ? null : BigDecimal.valueOf(i * 137L % 10_000, 4);
		Map<String, String> tags = null;
		if (i % 5 != 0) {
			tags = new LinkedHashMap<>();
			tags.put("team", "ml");
			tags.put("env", (i % 2 == 0) ? "prod" : "dev");
		}
		return new Row(START.plus(Duration.ofHours(i)), category, billed, i * 0.1, BigDecimal.valueOf(1_000_000 + i, 6),
				(i % 3 == 0) ? null : 1.0, (i % 7 == 0) ? null : "us-east-1", (i % 4 == 0) ? DETAILS : null, tags);
	}

	static List<Row> rows(int count) {
		return IntStream.range(0, count).mapToObj(FocusRows::row).toList();
	}

	/** Small row groups and pages, so that a few thousand rows make several of each. */
	static Path parquet(Path file, List<Row> rows, CompressionCodecName codec, WriterVersion version)
			throws IOException {
		SimpleGroupFactory factory = new SimpleGroupFactory(SCHEMA);
		List<Group> groups = new ArrayList<>();
		for (Row row : rows) {
			Group group = factory.newGroup()
				.append("BillingAccountId", "000-00-000")
				.append("BillingCurrency", "USD")
				.append("BillingPeriodStart", ParquetFiles.micros(START))
				.append("ChargePeriodStart", ParquetFiles.micros(row.start()))
				.append("ChargePeriodEnd", ParquetFiles.micros(row.start().plus(Duration.ofHours(1))))
				.append("ChargeCategory", row.category());
			if (row.billed() != null) {
				group.append("BilledCost", ParquetFiles.decimal(row.billed(), 10));
			}
			group.append("EffectiveCost", row.effective()).append("ListCost", row.list().unscaledValue().longValue());
			if (row.consumed() != null) {
				group.append("ConsumedQuantity", row.consumed()).append("ConsumedUnit", "Hours");
			}
			group.append("ServiceProviderName", "AWS");
			if (row.region() != null) {
				group.append("RegionId", row.region());
			}
			group.append("ServiceCategory", "Compute").append("ServiceName", "Amazon Elastic Compute Cloud");
			if (row.details() != null) {
				group.append("SkuPriceDetails", row.details());
			}
			if (row.tags() != null) {
				ParquetFiles.map(group, "Tags", row.tags());
			}
			groups.add(group);
		}
		return ParquetFiles.write(file, SCHEMA, codec, groups,
				(builder) -> builder.withRowGroupSize(8 * 1024L).withPageSize(4 * 1024).withWriterVersion(version));
	}

	/** The same rows as a FOCUS CSV export writes them. */
	static String csv(List<Row> rows) throws IOException {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			printer.printRecord(HEADER);
			for (Row row : rows) {
				printer.printRecord("000-00-000", "USD", START, row.start(), row.start().plus(Duration.ofHours(1)),
						row.category(), "", (row.billed() != null) ? row.billed().setScale(10).toPlainString() : "",
						Double.toString(row.effective()), row.list().toPlainString(),
						(row.consumed() != null) ? row.consumed() : "", (row.consumed() != null) ? "Hours" : "", "AWS",
						(row.region() != null) ? row.region() : "", "Compute", "Amazon Elastic Compute Cloud",
						(row.details() != null) ? row.details() : "",
						(row.tags() != null) ? IngestionJson.MAPPER.writeValueAsString(row.tags()) : "");
			}
		}
		return out.toString();
	}

}
