package org.greenledger.providercarbon.aws;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.greenledger.providercarbon.JsonValues;
import org.greenledger.providercarbon.Provider;
import org.greenledger.providercarbon.RowCheck;
import org.greenledger.providercarbon.WaterRecord;

/**
 * One result of the AWS Sustainability API's {@code GetEstimatedWaterAllocation}: its
 * period (whole months; AWS gives calendar years), dimensions, model version and
 * {@code TOTAL_WATER_WITHDRAWALS} in m3, converted once to litres.
 */
final class WaterAllocations {

	static final String WITHDRAWALS = "TOTAL_WATER_WITHDRAWALS";

	private WaterAllocations() {
	}

	static @Nullable WaterRecord record(RowCheck check, JsonNode result) {
		String start = JsonValues.text(result.path("TimePeriod").get("Start"));
		String end = JsonValues.text(result.path("TimePeriod").get("End"));
		YearMonth first = check.month("TimePeriod.Start", start);
		YearMonth after = check.month("TimePeriod.End", end);
		if (first != null && after != null && !after.isAfter(first)) {
			check.reject("TimePeriod", "the period " + start + " to " + end + " ends before it starts");
		}
		String version = RowCheck.text(JsonValues.text(result.get("ModelVersion")));
		JsonNode value = result.path("AllocationValues").get(WITHDRAWALS);
		BigDecimal cubicMetres = null;
		if (value == null || value.isNull()) {
			check.reject("AllocationValues", "no " + WITHDRAWALS + " value (the only allocation type known)");
		}
		else {
			String unit = RowCheck.text(JsonValues.text(value.get("Unit")));
			if (unit != null && !unit.toLowerCase(Locale.ROOT).equals("m3")) {
				check.reject("AllocationValues." + WITHDRAWALS + ".Unit",
						"the unit '" + unit + "' is not m3 (cubic metres), the only unit known");
			}
			cubicMetres = check.amount("AllocationValues." + WITHDRAWALS + ".Value",
					JsonValues.text(value.get("Value")));
			if (cubicMetres == null && check.ok()) {
				check.reject("AllocationValues." + WITHDRAWALS + ".Value", "the value is missing");
			}
		}
		if (!check.ok() || first == null || after == null || cubicMetres == null) {
			return null;
		}
		JsonNode dimensions = result.path("DimensionsValues");
		return new WaterRecord(check.row(), Provider.AWS,
				RowCheck.text(JsonValues.text(dimensions.get("USAGE_ACCOUNT_ID"))),
				RowCheck.text(JsonValues.text(dimensions.get("SERVICE"))),
				RowCheck.text(JsonValues.text(dimensions.get("REGION"))), first, after, version,
				cubicMetres.movePointRight(3));
	}

}
