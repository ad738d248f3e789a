package org.greenledger.spark;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.greenledger.core.billing.SourceLine;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.table.RowError;

/**
 * The records an executor emits, in {@link OutputColumns#SCHEMA}: an activity line with
 * its lineage and impacts, an error of a rejected row, a file's accounting.
 */
final class LineRecords {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private LineRecords() {
	}

	/** The lines of one row, each with its impacts (none on a cost-only row). */
	static void lines(String sourceFile, RowCalculation row, List<Row> out) {
		List<SourceLine> lines = row.lines();
		for (int i = 0; i < lines.size(); i++) {
			out.add(line(sourceFile, lines.get(i), row.costOnly() ? null : row.impacts().get(i)));
		}
	}

	private static Row line(String sourceFile, SourceLine line, @Nullable ImpactLine impact) {
		Object[] values = new Object[OutputColumns.WIDTH];
		put(values, "record", OutputColumns.LINE);
		put(values, "source_file", sourceFile);
		put(values, "source_row", line.row());
		put(values, "line", line.line());
		put(values, "kind", (impact != null) ? "USAGE" : "COST_ONLY");
		put(values, "usage_type", Usage.typeName(line.usage()));
		put(values, "quantity", quantity(line.usage()));
		put(values, "unit", line.unit());
		put(values, "usage_source", line.usageSource());
		put(values, "period_start", line.periodStart().toString());
		put(values, "period_end", line.periodEnd().toString());
		put(values, "provider", line.provider());
		put(values, "account_id", line.accountId());
		put(values, "region", line.region());
		put(values, "service", line.service());
		put(values, "service_category", line.serviceCategory());
		put(values, "charge_category", line.chargeCategory());
		put(values, "billed_cost", line.billedCost().toPlainString());
		put(values, "effective_cost", plain(line.effectiveCost()));
		put(values, "currency", line.currency());
		put(values, "tags", line.tags().isEmpty() ? null : JSON.writeValueAsString(line.tags()));
		put(values, "cost_only_reason", line.costOnlyReason());
		if (impact != null) {
			put(values, "scope", impact.scope().name());
			put(values, "quality", impact.quality().name());
			put(values, "it_kwh", impact.itEnergy().kilowattHours());
			put(values, "facility_kwh", impact.facilityEnergy().kilowattHours());
			put(values, "co2e_location_kg", impact.locationBased().kilograms());
			put(values, "co2e_market_kg", impact.marketBased().kilograms());
			put(values, "market_falls_back", impact.marketFallsBackToLocation());
			put(values, "co2e_embodied_kg", impact.embodied().kilograms());
			put(values, "co2e_embodied_low_kg", impact.embodiedRange().low().kilograms());
			put(values, "co2e_embodied_high_kg", impact.embodiedRange().high().kilograms());
			put(values, "water_onsite_l", impact.waterOnSite().liters());
			put(values, "water_offsite_l", impact.waterOffSite().liters());
			put(values, "method_version", impact.methodVersion());
			put(values, "factor_versions",
					impact.factors()
						.stream()
						.map(factor -> factor.dataset() + "@" + factor.version())
						.distinct()
						.collect(Collectors.joining(" ")));
			put(values, "factors", JSON.writeValueAsString(impact.factors()));
		}
		return RowFactory.create(values);
	}

	/** One record per error of a rejected row. */
	static void rejected(String sourceFile, long row, List<RowError> errors, List<Row> out) {
		for (RowError error : errors) {
			out.add(problem(sourceFile, error.row() > 0 ? error.row() : row, error.column(), error.message()));
		}
	}

	/** A rejected row's error, or (row 0, column "(file)") a file that is not read. */
	static Row problem(String sourceFile, long row, String column, String reason) {
		Object[] values = new Object[OutputColumns.WIDTH];
		put(values, "record", OutputColumns.REJECTED);
		put(values, "source_file", sourceFile);
		put(values, "source_row", row);
		put(values, "column", column);
		put(values, "reason", reason);
		return RowFactory.create(values);
	}

	/** A file's accounting. */
	static Row file(String sourceFile, FileAccount account) {
		Object[] values = new Object[OutputColumns.WIDTH];
		put(values, "record", OutputColumns.FILE);
		put(values, "source_file", sourceFile);
		put(values, "account", JSON.writeValueAsString(account.summary()));
		return RowFactory.create(values);
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

	/** Factors as the manifest and the loader read them back. */
	static List<FactorReference> factors(String json) {
		return List.of(JSON.readValue(json, FactorReference[].class));
	}

	private static @Nullable String plain(@Nullable BigDecimal value) {
		return (value != null) ? value.toPlainString() : null;
	}

	private static void put(Object[] values, String column, @Nullable Object value) {
		values[OutputColumns.at(column)] = value;
	}

}
