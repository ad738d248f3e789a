package org.greenledger.providercarbon.aws;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.greenledger.core.table.InvalidFileException;
import org.greenledger.ingestion.DelegatedFile;
import org.greenledger.providercarbon.Basis;
import org.greenledger.providercarbon.Figure;
import org.greenledger.providercarbon.JsonValues;
import org.greenledger.providercarbon.ModelVersions;
import org.greenledger.providercarbon.Provider;
import org.greenledger.providercarbon.ProviderReader;
import org.greenledger.providercarbon.ProviderRecord;
import org.greenledger.providercarbon.RowCheck;
import org.greenledger.providercarbon.WaterRecord;
import org.springframework.stereotype.Component;

/**
 * Responses of the AWS Sustainability API's {@code GetEstimatedCarbonEmissions} (metric
 * tons, converted to kg once): one response body ({@code Results}) or any JSON holding
 * several (pages, or request and response pairs), each result found wherever it sits.
 * Results must be monthly. With scope emission types a result gives Scope 1, and Scope 2
 * and 3 location- and market-based; with the totals only, their sum.
 * {@code GetEstimatedWaterAllocation} responses ({@code TOTAL_WATER_WITHDRAWALS} in m3,
 * per calendar year) are read as water allocations in litres.
 */
@Component
class SustainabilityApiReader implements ProviderReader {

	static final String FORMAT = "AWS Sustainability API carbon emissions";

	static final String WATER = "AWS Sustainability API water allocation";

	private static final List<String[]> TYPES = List.of(
			new String[] { "TOTAL_SCOPE_1_CARBON_EMISSIONS", "1", "SINGLE" },
			new String[] { "TOTAL_SCOPE_2_LBM_CARBON_EMISSIONS", "2", "LOCATION" },
			new String[] { "TOTAL_SCOPE_2_MBM_CARBON_EMISSIONS", "2", "MARKET" },
			new String[] { "TOTAL_SCOPE_3_LBM_CARBON_EMISSIONS", "3", "LOCATION" },
			new String[] { "TOTAL_SCOPE_3_MBM_CARBON_EMISSIONS", "3", "MARKET" });

	@Override
	public List<String> formats() {
		return List.of(FORMAT, WATER);
	}

	@Override
	public Optional<String> recognise(String start) {
		if (!start.startsWith("{") && !start.startsWith("[")) {
			return Optional.empty();
		}
		if (start.contains("\"EmissionsValues\"") || start.contains("CARBON_EMISSIONS\"")) {
			return Optional.of(FORMAT);
		}
		return start.contains("\"AllocationValues\"") || start.contains("TOTAL_WATER_WITHDRAWALS") ? Optional.of(WATER)
				: Optional.empty();
	}

	@Override
	public boolean water(String format) {
		return format.equals(WATER);
	}

	@Override
	public long readWater(DelegatedFile file, Consumer<WaterRecord> records) {
		List<JsonNode> results = new ArrayList<>();
		collect(JsonValues.document(file), results, "AllocationValues");
		if (results.isEmpty()) {
			throw new InvalidFileException(file.fileName() + ": no GetEstimatedWaterAllocation result (an object with"
					+ " TimePeriod and AllocationValues) was found");
		}
		long row = 0;
		for (JsonNode result : results) {
			row++;
			WaterRecord record = WaterAllocations.record(new RowCheck(file, row), result);
			if (record != null) {
				records.accept(record);
			}
		}
		return row;
	}

	@Override
	public long read(DelegatedFile file, Consumer<ProviderRecord> records) {
		List<JsonNode> results = new ArrayList<>();
		collect(JsonValues.document(file), results, "EmissionsValues");
		if (results.isEmpty()) {
			throw new InvalidFileException(file.fileName() + ": no GetEstimatedCarbonEmissions result (an object with"
					+ " TimePeriod and EmissionsValues) was found");
		}
		long row = 0;
		for (JsonNode result : results) {
			row++;
			ProviderRecord record = record(new RowCheck(file, row), result);
			if (record != null) {
				records.accept(record);
			}
		}
		return row;
	}

	/** Every object with the field ({@code EmissionsValues}, ...), in document order. */
	private static void collect(JsonNode node, List<JsonNode> results, String field) {
		if (node.isObject() && node.has(field)) {
			results.add(node);
			return;
		}
		if (node.isObject() || node.isArray()) {
			for (JsonNode child : node) {
				collect(child, results, field);
			}
		}
	}

	private static @Nullable ProviderRecord record(RowCheck check, JsonNode result) {
		String start = JsonValues.text(result.path("TimePeriod").get("Start"));
		String end = JsonValues.text(result.path("TimePeriod").get("End"));
		YearMonth month = check.month("TimePeriod.Start", start);
		if (month != null) {
			YearMonth last = check.month("TimePeriod.End", end);
			if (last != null && !last.equals(month.plusMonths(1))) {
				check.reject("TimePeriod",
						"the period " + start + " to " + end + " is not one month; request MONTHLY granularity");
			}
		}
		String version = check.required("ModelVersion", JsonValues.text(result.get("ModelVersion")));
		JsonNode values = result.path("EmissionsValues");
		List<Figure> figures = new ArrayList<>();
		boolean market = false;
		for (String[] type : TYPES) {
			BigDecimal tons = tons(check, values, type[0]);
			if (tons != null) {
				figures.add(new Figure(type[1], Basis.valueOf(type[2]), RowCheck.kilograms(tons)));
				market |= type[2].equals("MARKET");
			}
		}
		if (figures.isEmpty()) {
			String scopes = (version != null && ModelVersions.major(version) < 3) ? "1+2" : "1+2+3";
			BigDecimal location = tons(check, values, "TOTAL_LBM_CARBON_EMISSIONS");
			BigDecimal marketTons = tons(check, values, "TOTAL_MBM_CARBON_EMISSIONS");
			if (location != null) {
				figures.add(new Figure(scopes, Basis.LOCATION, RowCheck.kilograms(location)));
			}
			if (marketTons != null) {
				figures.add(new Figure(scopes, Basis.MARKET, RowCheck.kilograms(marketTons)));
				market = true;
			}
		}
		if (figures.isEmpty()) {
			check.reject("EmissionsValues", "no emission type with a value");
		}
		JsonNode dimensions = result.path("DimensionsValues");
		if (!check.ok() || month == null) {
			return null;
		}
		return new ProviderRecord(check.row(), Provider.AWS, null,
				RowCheck.text(JsonValues.text(dimensions.get("USAGE_ACCOUNT_ID"))),
				RowCheck.text(JsonValues.text(dimensions.get("SERVICE"))),
				RowCheck.text(JsonValues.text(dimensions.get("REGION"))), month, version, market, figures);
	}

	private static @Nullable BigDecimal tons(RowCheck check, JsonNode values, String type) {
		JsonNode value = values.get(type);
		if (value == null || value.isNull()) {
			return null;
		}
		check.metricTons("EmissionsValues." + type + ".Unit", JsonValues.text(value.get("Unit")));
		return check.amount("EmissionsValues." + type + ".Value", JsonValues.text(value.get("Value")));
	}

}
