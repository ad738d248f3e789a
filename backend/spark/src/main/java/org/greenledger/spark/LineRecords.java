package org.greenledger.spark;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.greenledger.core.billing.SourceLine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Usage;

/**
 * The activity lines of a task as {@code lines/} records ({@link OutputColumns#SCHEMA}),
 * in the schema's column order: lineage (file and row), attributes, usage, cost and
 * impacts, and the id of the line's factor list ({@link FactorLists}). Tag sets repeat on
 * many rows: each distinct set's JSON is made once.
 */
final class LineRecords {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_TAG_SETS = 10_000;

	private final FactorLists factorLists;

	private final Map<Map<String, String>, String> tagSets = new HashMap<>();

	LineRecords(FactorLists factorLists) {
		this.factorLists = factorLists;
	}

	/**
	 * The lines of one row, each with its impacts (none on a cost-only row), its row
	 * numbered {@code rowsBefore} + the reader's number, added to the rollups too.
	 */
	void lines(String sourceFile, long rowsBefore, RowCalculation row, List<Row> out, MonthlyRollups rollups) {
		List<SourceLine> lines = row.lines();
		for (int i = 0; i < lines.size(); i++) {
			SourceLine line = lines.get(i);
			@Nullable Object[] values = line(sourceFile, rowsBefore, line, row.costOnly() ? null : row.impacts().get(i));
			rollups.add(values, line.billedCost());
			out.add(RowFactory.create(values));
		}
	}

	private @Nullable Object[] line(String sourceFile, long rowsBefore, SourceLine line, @Nullable ImpactLine impact) {
		@Nullable Object[] values = new Object[OutputColumns.WIDTH];
		int i = 0;
		values[i++] = sourceFile;
		values[i++] = rowsBefore + line.row();
		values[i++] = line.line();
		values[i++] = (impact != null) ? "USAGE" : "COST_ONLY";
		values[i++] = Usage.typeName(line.usage());
		values[i++] = quantity(line.usage());
		values[i++] = line.unit();
		values[i++] = line.usageSource();
		values[i++] = line.periodStart().toString();
		values[i++] = line.periodEnd().toString();
		values[i++] = line.provider();
		values[i++] = line.accountId();
		values[i++] = line.region();
		values[i++] = line.service();
		values[i++] = line.serviceCategory();
		values[i++] = line.chargeCategory();
		values[i++] = line.billedCost().toPlainString();
		values[i++] = plain(line.effectiveCost());
		values[i++] = line.currency();
		values[i++] = tags(line.tags());
		values[i++] = line.costOnlyReason();
		if (impact != null) {
			FactorLists.Listed factors = this.factorLists.of(impact.factors());
			values[i++] = impact.scope().name();
			values[i++] = impact.quality().name();
			values[i++] = impact.itEnergy().kilowattHours();
			values[i++] = impact.facilityEnergy().kilowattHours();
			values[i++] = impact.locationBased().kilograms();
			values[i++] = impact.marketBased().kilograms();
			values[i++] = impact.marketFallsBackToLocation();
			values[i++] = impact.embodied().kilograms();
			values[i++] = impact.embodiedRange().low().kilograms();
			values[i++] = impact.embodiedRange().high().kilograms();
			values[i++] = impact.waterOnSite().liters();
			values[i++] = impact.waterOffSite().liters();
			values[i++] = impact.methodVersion();
			values[i++] = factors.versions();
			values[i] = factors.id();
		}
		return values;
	}

	private @Nullable String tags(Map<String, String> tags) {
		if (tags.isEmpty()) {
			return null;
		}
		String json = this.tagSets.get(tags);
		if (json == null) {
			json = JSON.writeValueAsString(tags);
			if (this.tagSets.size() >= MAX_TAG_SETS) {
				this.tagSets.clear();
			}
			this.tagSets.put(tags, json);
		}
		return json;
	}

	/**
	 * The usage's quantity in the unit of its type: vCPU-hours, GB-hours, accelerator
	 * hours, TB-hours, GB, kWh, or the amount spent.
	 */
	static @Nullable Double quantity(@Nullable Usage usage) {
		return switch (usage) {
			case Usage.VcpuHours v -> v.hours().hours();
			case Usage.MemoryHours m -> m.size().gigabytes() * m.hours().hours();
			case Usage.AcceleratorHours a -> a.hours().hours();
			case Usage.StorageHours s -> s.size().terabytes() * s.hours().hours();
			case Usage.NetworkTransfer n -> n.transferred().gigabytes();
			case Usage.MeasuredEnergy e -> e.energy().kilowattHours();
			case Usage.ServiceUnits u -> u.quantity();
			case Usage.Spend s -> s.amount().amount().doubleValue();
			case null -> null;
		};
	}

	private static @Nullable String plain(@Nullable BigDecimal value) {
		return (value != null) ? value.toPlainString() : null;
	}

}
