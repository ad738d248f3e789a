package org.greenledger.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.SourceLine;
import org.greenledger.core.footprint.CarbonMass;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.EmbodiedRange;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Money;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.footprint.WaterVolume;
import org.greenledger.core.table.IngestionJson;
import org.greenledger.core.table.InvalidFileException;

/**
 * The activity lines of a Spark output's {@code lines/} as the ledger's writer takes
 * them: each line's attributes, cost, usage type and quantity, and its impacts with the
 * factors they were calculated with (the line references its factor list by id; the lists
 * are in the manifest). The writer stores a usage's type and quantity (and the lineage
 * its factors, unit and usage source); the usage's descriptive parts (microarchitecture,
 * accelerator model, storage type) are not in the output and are not needed to store the
 * line, so they stand in as "(spark output)".
 */
final class SparkLines {

	private static final String NOT_KEPT = "(spark output)";

	private static final int MAX_CACHED = 10_000;

	private final Map<String, Instant> instants = new HashMap<>();

	private final Map<String, Map<String, String>> tagSets = new HashMap<>();

	private final Map<String, Integer> columns = new HashMap<>();

	private final SparkManifest manifest;

	private final String output;

	SparkLines(List<String> header, SparkManifest manifest, String output) {
		this.manifest = manifest;
		for (int i = 0; i < header.size(); i++) {
			this.columns.put(header.get(i), i);
		}
		this.output = output;
		for (String required : List.of("source_file", "source_row", "line", "kind", "usage_type", "quantity",
				"billed_cost", "period_start", "period_end", "charge_category", "factor_list")) {
			if (!this.columns.containsKey(required)) {
				throw new InvalidFileException(output + ": lines/ has no column " + required
						+ "; it is not an output of the GreenLedger Spark job");
			}
		}
	}

	String file(List<@Nullable String> cells) {
		return text(cells, "source_file");
	}

	long row(List<@Nullable String> cells) {
		return Long.parseLong(text(cells, "source_row"));
	}

	int line(List<@Nullable String> cells) {
		return Integer.parseInt(text(cells, "line"));
	}

	/** The line, its source row numbered {@code row} in the job. */
	SourceLine sourceLine(List<@Nullable String> cells, long row) {
		String currency = cell(cells, "currency");
		Usage usage = usage(cells, currency);
		String effective = cell(cells, "effective_cost");
		return new SourceLine(row, line(cells), usage, cell(cells, "unit"),
				(usage != null) ? new Location.Unspecified() : null, cell(cells, "cost_only_reason"),
				instant(text(cells, "period_start")), instant(text(cells, "period_end")), cell(cells, "provider"),
				cell(cells, "account_id"), cell(cells, "region"), cell(cells, "service"),
				cell(cells, "service_category"), text(cells, "charge_category"),
				new BigDecimal(text(cells, "billed_cost")), (effective != null) ? new BigDecimal(effective) : null,
				currency, tags(cell(cells, "tags")), cell(cells, "usage_source"));
	}

	/** The line's impacts, or null on a cost-only line. */
	@Nullable ImpactLine impact(List<@Nullable String> cells) {
		if (!"USAGE".equals(cell(cells, "kind"))) {
			return null;
		}
		CarbonMass embodied = mass(cells, "co2e_embodied_kg");
		return new ImpactLine(Energy.ofKilowattHours(number(cells, "it_kwh")),
				Energy.ofKilowattHours(number(cells, "facility_kwh")), mass(cells, "co2e_location_kg"),
				mass(cells, "co2e_market_kg"), Boolean.parseBoolean(cell(cells, "market_falls_back")), embodied,
				WaterVolume.ofLiters(number(cells, "water_onsite_l")),
				WaterVolume.ofLiters(number(cells, "water_offsite_l")), Scope.valueOf(text(cells, "scope")),
				DataQuality.valueOf(text(cells, "quality")),
				this.manifest.factorList(text(cells, "factor_list"), this.output), text(cells, "method_version"),
				new EmbodiedRange(mass(cells, "co2e_embodied_low_kg"), mass(cells, "co2e_embodied_high_kg")));
	}

	private @Nullable Usage usage(List<@Nullable String> cells, @Nullable String currency) {
		String quantityText = cell(cells, "quantity");
		if (quantityText == null) {
			return null;
		}
		double quantity = Double.parseDouble(quantityText);
		return switch (text(cells, "usage_type")) {
			case "VCPU_HOURS" -> new Usage.VcpuHours(TimeSpan.ofHours(quantity), NOT_KEPT, null);
			case "MEMORY_GB_HOURS" -> new Usage.MemoryHours(DataSize.ofGigabytes(quantity), TimeSpan.ofHours(1));
			case "ACCELERATOR_HOURS" -> new Usage.AcceleratorHours(TimeSpan.ofHours(quantity), NOT_KEPT, null, null);
			case "STORAGE_TB_HOURS" ->
				new Usage.StorageHours(new DataSize(quantity * 1000), TimeSpan.ofHours(1), StorageType.HDD, null);
			case "NETWORK_GB" -> new Usage.NetworkTransfer(DataSize.ofGigabytes(quantity));
			case "ENERGY_KWH" -> new Usage.MeasuredEnergy(Energy.ofKilowattHours(quantity), true);
			case "SPEND" -> new Usage.Spend(
					new Money(BigDecimal.valueOf(quantity), Currency.getInstance(currency != null ? currency : "USD")),
					NOT_KEPT);
			default -> throw new InvalidFileException(
					this.output + ": an activity line has the unknown usage type " + text(cells, "usage_type"));
		};
	}

	/** Lines repeat a few periods and tag sets: each text is parsed once (bounded). */
	private Instant instant(String text) {
		Instant instant = this.instants.get(text);
		if (instant == null) {
			instant = Instant.parse(text);
			if (this.instants.size() >= MAX_CACHED) {
				this.instants.clear();
			}
			this.instants.put(text, instant);
		}
		return instant;
	}

	private Map<String, String> tags(@Nullable String json) {
		if (json == null) {
			return Map.of();
		}
		Map<String, String> known = this.tagSets.get(json);
		if (known != null) {
			return known;
		}
		Map<String, String> tags = new LinkedHashMap<>();
		IngestionJson.MAPPER.readTree(json)
			.properties()
			.forEach(entry -> tags.put(entry.getKey(), entry.getValue().asString()));
		Map<String, String> shared = Collections.unmodifiableMap(tags);
		if (this.tagSets.size() >= MAX_CACHED) {
			this.tagSets.clear();
		}
		this.tagSets.put(json, shared);
		return shared;
	}

	private CarbonMass mass(List<@Nullable String> cells, String column) {
		return CarbonMass.ofKilograms(number(cells, column));
	}

	private double number(List<@Nullable String> cells, String column) {
		return Double.parseDouble(text(cells, column));
	}

	private String text(List<@Nullable String> cells, String column) {
		String value = cell(cells, column);
		if (value == null) {
			throw new InvalidFileException(this.output + ": an activity line has no " + column);
		}
		return value;
	}

	private @Nullable String cell(List<@Nullable String> cells, String column) {
		Integer at = this.columns.get(column);
		return (at != null && at < cells.size()) ? cells.get(at) : null;
	}

}
