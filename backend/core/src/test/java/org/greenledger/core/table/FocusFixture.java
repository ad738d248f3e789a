package org.greenledger.core.table;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import tools.jackson.core.type.TypeReference;

/**
 * Turns a FOCUS CSV into the Parquet file a FOCUS export of the same rows would be:
 * timestamp columns ({@code *Start}, {@code *End}) as TIMESTAMP(MICROS, UTC), amounts and
 * quantities ({@code *Cost}, {@code *Price}, {@code *Quantity}) as DECIMAL(38,10),
 * {@code Tags} as MAP&lt;string,string&gt;, everything else (SkuPriceDetails too) as
 * strings; empty cells and literal nulls are nulls; SNAPPY, as AWS Data Exports write.
 * <p>
 * {@code fixtures/focus/saas_spend_agreements_b2.parquet} was written with it from the
 * FOCUS specification example
 * {@code saas_examples__spend_agreements__saas_spend_agreements_b2.csv} (CC-BY-4.0,
 * FinOps Foundation): run {@code ParquetTableTests} with
 * {@code -Dgreenledger.write-fixtures=true} to write it again.
 */
final class FocusFixture {

	static final Path SOURCE = Path
		.of("../src/test/resources/fixtures/focus-spec-examples/saas_examples__spend_agreements__saas_spend_agreements_b2.csv");

	static final Path PARQUET = Path.of("../src/test/resources/fixtures/focus/saas_spend_agreements_b2.parquet");

	private FocusFixture() {
	}

	static void write(Path csv, Path parquet) throws IOException {
		try (Reader reader = InputFiles.open(csv); CsvTable table = CsvTable.open(reader)) {
			MessageType schema = schema(table.header());
			SimpleGroupFactory factory = new SimpleGroupFactory(schema);
			List<Group> rows = new ArrayList<>();
			for (List<String> cells : ParquetFiles.rows(table)) {
				Group row = factory.newGroup();
				for (int i = 0; i < cells.size(); i++) {
					append(row, schema.getType(i), CellValues.text(cells.get(i)));
				}
				rows.add(row);
			}
			Files.deleteIfExists(parquet);
			Files.createDirectories(parquet.getParent());
			ParquetFiles.write(parquet, schema, CompressionCodecName.SNAPPY, rows);
		}
	}

	private static MessageType schema(List<String> header) {
		Types.MessageTypeBuilder message = Types.buildMessage();
		for (String column : header) {
			String name = column.toLowerCase(Locale.ROOT);
			if (column.equals("Tags")) {
				message.optionalMap()
					.key(PrimitiveTypeName.BINARY)
					.as(LogicalTypeAnnotation.stringType())
					.optionalValue(PrimitiveTypeName.BINARY)
					.as(LogicalTypeAnnotation.stringType())
					.named(column);
			}
			else if (name.endsWith("start") || name.endsWith("end")) {
				message.optional(PrimitiveTypeName.INT64)
					.as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
					.named(column);
			}
			else if (name.endsWith("cost") || name.endsWith("price") || name.endsWith("quantity")) {
				message.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
					.length(16)
					.as(LogicalTypeAnnotation.decimalType(10, 38))
					.named(column);
			}
			else {
				message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column);
			}
		}
		return message.named("focus");
	}

	private static void append(Group row, Type type, String value) {
		if (value == null) {
			return;
		}
		String name = type.getName();
		if (!type.isPrimitive()) {
			Map<String, String> tags = IngestionJson.MAPPER.readValue(value, new TypeReference<Map<String, String>>() {
			});
			ParquetFiles.map(row, name, tags);
		}
		else if (type.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT64) {
			Instant instant = CellValues.instant(value);
			row.append(name, ParquetFiles.micros(instant));
		}
		else if (type.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
			row.append(name, ParquetFiles.fixedDecimal(CellValues.decimal(value), 10, 16));
		}
		else {
			row.append(name, value);
		}
	}

}
