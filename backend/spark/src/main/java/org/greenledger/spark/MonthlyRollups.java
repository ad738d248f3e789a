package org.greenledger.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

/**
 * The monthly rollups of the activity lines, by the attributes the footprint is grouped
 * by (month of the charge period's start, provider, account, region, service, charge
 * category, currency, scope, usage or cost-only): billed cost, lines and rows, energy,
 * CO2e and water. A row's cost is on its first line, so {@code rows} counts first lines.
 */
final class MonthlyRollups {

	private MonthlyRollups() {
	}

	static Dataset<Row> of(Dataset<Row> lines) {
		Column month = substring(col("period_start"), 1, 7).as("month");
		return lines
			.groupBy(month, col("provider"), col("account_id"), col("region"), col("service"), col("charge_category"),
					col("currency"), col("kind"), col("scope"))
			.agg(sum(col("billed_cost").cast(DataTypes.createDecimalType(38, 12))).as("billed_cost"),
					count(col("line")).as("lines"), sum(when(col("line").equalTo(0), 1).otherwise(0)).as("rows"),
					sum(col("it_kwh")).as("it_kwh"), sum(col("facility_kwh")).as("facility_kwh"),
					sum(col("co2e_location_kg")).as("co2e_location_kg"),
					sum(col("co2e_market_kg")).as("co2e_market_kg"),
					sum(col("co2e_embodied_kg")).as("co2e_embodied_kg"),
					sum(col("water_onsite_l")).as("water_onsite_l"), sum(col("water_offsite_l")).as("water_offsite_l"))
			.orderBy(col("month"), col("provider"), col("account_id"), col("region"), col("service"));
	}

}
