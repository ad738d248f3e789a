package org.greenledger.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

import static org.apache.spark.sql.functions.col;

/**
 * The monthly rollups of the activity lines, by the attributes the footprint is grouped
 * by (month of the charge period's start, provider, account, region, service, charge
 * category, currency, usage or cost-only, scope): billed cost, lines and rows, energy,
 * CO2e and water. Summed by each task as it emits the lines (a row's cost is on its first
 * line, so {@code rows} counts first lines), added up on the driver over the splits of
 * the files read, and written in one small step: the lines are not read again.
 */
final class MonthlyRollups implements Serializable {

	private static final List<String> KEY = List.of("month", "provider", "account_id", "region", "service",
			"charge_category", "currency", "kind", "scope");

	private static final List<String> IMPACTS = List.of("it_kwh", "facility_kwh", "co2e_location_kg", "co2e_market_kg",
			"co2e_embodied_kg", "water_onsite_l", "water_offsite_l");

	private static final int[] KEY_AT = KEY.stream().skip(1).mapToInt(OutputColumns::at).toArray();

	private static final int[] IMPACT_AT = IMPACTS.stream().mapToInt(OutputColumns::at).toArray();

	private static final int PERIOD_START = OutputColumns.at("period_start");

	private static final int LINE = OutputColumns.at("line");

	static final StructType SCHEMA;

	static {
		List<StructField> fields = new ArrayList<>();
		KEY.forEach(name -> fields.add(field(name, DataTypes.StringType)));
		fields.add(field("billed_cost", DataTypes.createDecimalType(38, 12)));
		fields.add(field("lines", DataTypes.LongType));
		fields.add(field("rows", DataTypes.LongType));
		IMPACTS.forEach(name -> fields.add(field(name, DataTypes.DoubleType)));
		SCHEMA = new StructType(fields.toArray(StructField[]::new));
	}

	/** One group's sums; an impact is null when no line of the group has it. */
	private static final class Sums implements Serializable {

		private BigDecimal billed = BigDecimal.ZERO.setScale(12);

		private long lines;

		private long rows;

		private final double[] impacts = new double[IMPACTS.size()];

		private final boolean[] present = new boolean[IMPACTS.size()];

		void add(Sums other) {
			this.billed = this.billed.add(other.billed);
			this.lines += other.lines;
			this.rows += other.rows;
			for (int i = 0; i < this.impacts.length; i++) {
				this.impacts[i] += other.impacts[i];
				this.present[i] |= other.present[i];
			}
		}

	}

	private final LinkedHashMap<List<@Nullable Object>, Sums> groups = new LinkedHashMap<>();

	/** Adds a line as {@link LineRecords} emits it, with its billed cost. */
	void add(@Nullable Object[] line, BigDecimal billedCost) {
		List<@Nullable Object> key = new ArrayList<>(KEY.size());
		key.add(((String) line[PERIOD_START]).substring(0, 7));
		for (int at : KEY_AT) {
			key.add(line[at]);
		}
		Sums sums = this.groups.computeIfAbsent(key, any -> new Sums());
		sums.billed = sums.billed.add(billedCost.setScale(12, RoundingMode.HALF_UP));
		sums.lines++;
		if (((Integer) line[LINE]) == 0) {
			sums.rows++;
		}
		for (int i = 0; i < IMPACT_AT.length; i++) {
			Object value = line[IMPACT_AT[i]];
			if (value != null) {
				sums.impacts[i] += (Double) value;
				sums.present[i] = true;
			}
		}
	}

	/** Adds another split's rollups to these. */
	void add(MonthlyRollups other) {
		other.groups.forEach((key, sums) -> this.groups.computeIfAbsent(key, any -> new Sums()).add(sums));
	}

	/**
	 * The rollups as Parquet rows, ordered by month, provider, account, region and
	 * service.
	 */
	Dataset<Row> toDataset(SparkSession spark) {
		List<Row> rows = new ArrayList<>(this.groups.size());
		this.groups.forEach((key, sums) -> {
			Object[] values = Arrays.copyOf(key.toArray(), SCHEMA.fields().length);
			int i = key.size();
			values[i++] = sums.billed;
			values[i++] = sums.lines;
			values[i++] = sums.rows;
			for (int j = 0; j < sums.impacts.length; j++) {
				values[i++] = sums.present[j] ? sums.impacts[j] : null;
			}
			rows.add(RowFactory.create(values));
		});
		return spark.createDataFrame(rows, SCHEMA)
			.orderBy(col("month"), col("provider"), col("account_id"), col("region"), col("service"));
	}

	private static StructField field(String name, DataType type) {
		return DataTypes.createStructField(name, type, true);
	}

}
