package org.greenledger.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of {@code lines/}: one record per activity line with its lineage. A line's
 * factor list is referenced by its id ({@code factor_list}); the lists themselves are in
 * the manifest, each once.
 */
final class OutputColumns {

	static final StructType SCHEMA = new StructType(new StructField[] { field("source_file", DataTypes.StringType),
			field("source_row", DataTypes.LongType), field("line", DataTypes.IntegerType),
			field("kind", DataTypes.StringType), field("usage_type", DataTypes.StringType),
			field("quantity", DataTypes.DoubleType), field("unit", DataTypes.StringType),
			field("usage_source", DataTypes.StringType), field("period_start", DataTypes.StringType),
			field("period_end", DataTypes.StringType), field("provider", DataTypes.StringType),
			field("account_id", DataTypes.StringType), field("region", DataTypes.StringType),
			field("service", DataTypes.StringType), field("service_category", DataTypes.StringType),
			field("charge_category", DataTypes.StringType), field("billed_cost", DataTypes.StringType),
			field("effective_cost", DataTypes.StringType), field("currency", DataTypes.StringType),
			field("tags", DataTypes.StringType), field("cost_only_reason", DataTypes.StringType),
			field("scope", DataTypes.StringType), field("quality", DataTypes.StringType),
			field("it_kwh", DataTypes.DoubleType), field("facility_kwh", DataTypes.DoubleType),
			field("co2e_location_kg", DataTypes.DoubleType), field("co2e_market_kg", DataTypes.DoubleType),
			field("market_falls_back", DataTypes.BooleanType), field("co2e_embodied_kg", DataTypes.DoubleType),
			field("co2e_embodied_low_kg", DataTypes.DoubleType), field("co2e_embodied_high_kg", DataTypes.DoubleType),
			field("water_onsite_l", DataTypes.DoubleType), field("water_offsite_l", DataTypes.DoubleType),
			field("method_version", DataTypes.StringType), field("factor_versions", DataTypes.StringType),
			field("factor_list", DataTypes.StringType) });

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
