package org.greenledger.core.table;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.greenledger.core.formats.BillingReaders;
import org.greenledger.core.billing.CollectedRows;
import org.greenledger.core.billing.MappedLines;
import org.greenledger.core.footprint.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An AWS CUR 2.0 export as Parquet (as AWS Data Exports writes it: timestamps, doubles,
 * {@code product} and {@code resource_tags} maps) read through format detection and the
 * CUR reader, like its CSV form.
 */
class CurParquetTests {

	@TempDir
	Path directory;

	@Test
	void aCur20ParquetExportIsDetectedReadAndReconciled() throws IOException {
		MessageType schema = MessageTypeParser.parseMessageType("""
				message cur {
				  optional binary line_item_line_item_type (STRING);
				  optional int64 line_item_usage_start_date (TIMESTAMP(MILLIS,true));
				  optional int64 line_item_usage_end_date (TIMESTAMP(MILLIS,true));
				  optional double line_item_unblended_cost;
				  optional binary line_item_currency_code (STRING);
				  optional binary line_item_usage_account_id (STRING);
				  optional binary line_item_product_code (STRING);
				  optional double line_item_usage_amount;
				  optional binary pricing_unit (STRING);
				  optional binary product_instance_type (STRING);
				  optional binary product_product_family (STRING);
				  optional binary product_region_code (STRING);
				  optional group product (MAP) { repeated group key_value {
				    required binary key (STRING); optional binary value (STRING); } }
				  optional group resource_tags (MAP) { repeated group key_value {
				    required binary key (STRING); optional binary value (STRING); } }
				}""");
		SimpleGroupFactory groups = new SimpleGroupFactory(schema);
		long start = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
		Group usage = groups.newGroup()
			.append("line_item_line_item_type", "Usage")
			.append("line_item_usage_start_date", start)
			.append("line_item_usage_end_date", start + 3_600_000)
			.append("line_item_unblended_cost", 0.096)
			.append("line_item_currency_code", "USD")
			.append("line_item_usage_account_id", "444455556666")
			.append("line_item_product_code", "AmazonEC2")
			.append("line_item_usage_amount", 1.0)
			.append("pricing_unit", "Hrs")
			.append("product_instance_type", "m6i.large")
			.append("product_product_family", "Compute Instance")
			.append("product_region_code", "us-east-1");
		ParquetFiles.map(usage, "product",
				entries("product_name", "Amazon Elastic Compute Cloud", "region", "us-east-1"));
		ParquetFiles.map(usage, "resource_tags", entries("user_team", "search"));
		Group tax = groups.newGroup()
			.append("line_item_line_item_type", "Tax")
			.append("line_item_usage_start_date", start)
			.append("line_item_usage_end_date", start + 3_600_000)
			.append("line_item_unblended_cost", 1.25)
			.append("line_item_currency_code", "USD")
			.append("line_item_usage_account_id", "444455556666");
		Path file = ParquetFiles.write(this.directory.resolve("cur2.parquet"), schema, CompressionCodecName.SNAPPY,
				List.of(usage, tax));

		CollectedRows rows = new CollectedRows();
		try (InputStream content = Files.newInputStream(file)) {
			assertThat(BillingReaders.read("cur2.parquet", content, null,
					in -> ParquetTable.open(in, this.directory.resolve("work"), ParquetLimits.DEFAULTS), rows))
				.isEqualTo("AWS CUR 2.0");
		}

		assertThat(rows.rows()).isEqualTo(2);
		assertThat(rows.rejectedRows).isEmpty();
		assertThat(rows.billedByCurrency().get("USD")).isEqualByComparingTo(new BigDecimal("1.346"));
		assertThat(rows.row(1).tags()).containsEntry("team", "search");
		assertThat(MappedLines.usages(rows.row(1))).first().isInstanceOf(Usage.VcpuHours.class);
		assertThat(rows.row(2).chargeCategory()).isEqualTo("Tax");
	}

	private static Map<String, String> entries(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
