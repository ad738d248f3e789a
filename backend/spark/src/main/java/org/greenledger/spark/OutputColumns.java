package org.greenledger.spark;

import java.util.List;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns the executors produce: one record per activity line ({@code LINE}), per
 * error of a rejected row ({@code REJECTED}) and per file read ({@code FILE}, its
 * accounting). The activity lines' columns are the ones written to {@code lines/}; the
 * others go into the manifest.
 */
final class OutputColumns {

	static final String LINE = "LINE";

	static final String REJECTED = "REJECTED";

	static final String FILE = "FILE";

	/** The columns of an activity line, in the order of {@code lines/}. */
	static final List<String> LINE_COLUMNS = List.of("source_file", "source_row", "line", "kind", "usage_type",
			"quantity", "unit", "usage_source", "period_start", "period_end", "provider", "account_id", "region",
			"service", "service_category", "charge_category", "billed_cost", "effective_cost", "currency", "tags",
			"cost_only_reason", "scope", "quality", "it_kwh", "facility_kwh", "co2e_location_kg", "co2e_market_kg",
			"market_falls_back", "co2e_embodied_kg", "co2e_embodied_low_kg", "co2e_embodied_high_kg", "water_onsite_l",
			"water_offsite_l", "method_version", "factor_versions", "factors");

	static final StructType SCHEMA = new StructType(new StructField[] { field("record", DataTypes.StringType),
			field("source_file", DataTypes.StringType), field("source_row", DataTypes.LongType),
			field("line", DataTypes.IntegerType), field("kind", DataTypes.StringType),
			field("usage_type", DataTypes.StringType), field("quantity", DataTypes.DoubleType),
			field("unit", DataTypes.StringType), field("usage_source", DataTypes.StringType),
			field("period_start", DataTypes.StringType), field("period_end", DataTypes.StringType),
			field("provider", DataTypes.StringType), field("account_id", DataTypes.StringType),
			field("region", DataTypes.StringType), field("service", DataTypes.StringType),
			field("service_category", DataTypes.StringType), field("charge_category", DataTypes.StringType),
			field("billed_cost", DataTypes.StringType), field("effective_cost", DataTypes.StringType),
			field("currency", DataTypes.StringType), field("tags", DataTypes.StringType),
			field("cost_only_reason", DataTypes.StringType), field("scope", DataTypes.StringType),
			field("quality", DataTypes.StringType), field("it_kwh", DataTypes.DoubleType),
			field("facility_kwh", DataTypes.DoubleType), field("co2e_location_kg", DataTypes.DoubleType),
			field("co2e_market_kg", DataTypes.DoubleType), field("market_falls_back", DataTypes.BooleanType),
			field("co2e_embodied_kg", DataTypes.DoubleType), field("co2e_embodied_low_kg", DataTypes.DoubleType),
			field("co2e_embodied_high_kg", DataTypes.DoubleType), field("water_onsite_l", DataTypes.DoubleType),
			field("water_offsite_l", DataTypes.DoubleType), field("method_version", DataTypes.StringType),
			field("factor_versions", DataTypes.StringType), field("factors", DataTypes.StringType),
			// REJECTED: the column and the reason; FILE: the file's accounting as JSON
			field("column", DataTypes.StringType), field("reason", DataTypes.StringType),
			field("account", DataTypes.StringType) });

	static final int WIDTH = SCHEMA.fields().length;

	private OutputColumns() {
	}

	/** The position of a column in {@link #SCHEMA}. */
	static int at(String name) {
		return SCHEMA.fieldIndex(name);
	}

	private static StructField field(String name, DataType type) {
		return DataTypes.createStructField(name, type, true);
	}

}
