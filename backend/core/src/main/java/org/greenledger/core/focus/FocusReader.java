package org.greenledger.core.focus;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.table.CellValues;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TableRows;

/**
 * Reads a FOCUS CSV (1.0, 1.1, 1.2) row by row, streaming: each row is handed to the sink
 * as a {@link BillingRow} or as the list of what is wrong with it (row, column, reason).
 * A file that cannot be read at all (missing mandatory columns, broken CSV, damaged gzip)
 * is an {@link InvalidFileException}.
 */
public final class FocusReader {

	static final Set<String> CHARGE_CATEGORIES = Set.of("usage", "purchase", "tax", "credit", "adjustment");

	/** The columns the reader reads, by the numbers below. */
	private static final String[] COLUMNS = { "ChargeCategory", "ChargePeriodStart", "ChargePeriodEnd", "BilledCost",
			"EffectiveCost", "ConsumedQuantity", "PricingQuantity", "SkuPriceDetails", "Tags", "ChargeClass",
			"BillingCurrency", "ProviderName", "ServiceCategory", "ServiceSubcategory", "ServiceName", "RegionId",
			"SubAccountId", "ResourceId", "SkuId", "ConsumedUnit", "PricingUnit", "ChargeDescription", "SkuMeter",
			"x_UsageType", "x_SkuMeterCategory", "x_SkuMeterName", "x_SkuDetails" };

	private static final int CHARGE_CATEGORY = 0;

	private static final int PERIOD_START = 1;

	private static final int PERIOD_END = 2;

	private static final int BILLED_COST = 3;

	private static final int EFFECTIVE_COST = 4;

	private static final int CONSUMED_QUANTITY = 5;

	private static final int PRICING_QUANTITY = 6;

	private static final int SKU_PRICE_DETAILS = 7;

	private static final int TAGS = 8;

	private static final int CHARGE_CLASS = 9;

	private static final int BILLING_CURRENCY = 10;

	private static final int PROVIDER_NAME = 11;

	private static final int SERVICE_CATEGORY = 12;

	private static final int SERVICE_SUBCATEGORY = 13;

	private static final int SERVICE_NAME = 14;

	private static final int REGION_ID = 15;

	private static final int SUB_ACCOUNT_ID = 16;

	private static final int RESOURCE_ID = 17;

	private static final int SKU_ID = 18;

	private static final int CONSUMED_UNIT = 19;

	private static final int PRICING_UNIT = 20;

	private static final int CHARGE_DESCRIPTION = 21;

	private static final int SKU_METER = 22;

	private static final int X_USAGE_TYPE = 23;

	private static final int X_SKU_METER_CATEGORY = 24;

	private static final int X_SKU_METER_NAME = 25;

	private static final int X_SKU_DETAILS = 26;

	private FocusReader() {
	}

	/** Reads every row of a CSV; returns the FOCUS version the header indicates. */
	public static String read(String fileName, Reader reader, BillingRowSink sink) {
		try (Table table = CsvTable.open(reader)) {
			return read(fileName, table, sink);
		}
		catch (IOException ex) {
			throw TableRows.damaged(fileName, 0, ex);
		}
	}

	/**
	 * Reads every row of a table (CSV or Parquet); returns the FOCUS version the header
	 * indicates. Only the columns read are taken from the table.
	 */
	public static String read(String fileName, Table table, BillingRowSink sink) {
		TableRows.requireHeader(fileName, table);
		FocusColumns columns = FocusColumns.of(fileName, table.header());
		int[] positions = columns.positions(COLUMNS);
		java.util.BitSet read = new java.util.BitSet();
		for (int position : positions) {
			if (position >= 0) {
				read.set(position);
			}
		}
		table.readOnly(read);
		FocusCells get = new FocusCells(COLUMNS, positions);
		TableRows.each(fileName, table, (row, cells) -> parse(get.next(row, cells), sink));
		return columns.version();
	}

	/** Parses one row's cells into the sink: accepted, or rejected with its errors. */
	private static void parse(FocusCells get, BillingRowSink sink) {
		BillingRow parsed = parse(get);
		if (get.ok()) {
			sink.accept(java.util.Objects.requireNonNull(parsed));
		}
		else {
			sink.reject(get.row(), get.errors(), billedCostOf(get));
		}
	}

	/**
	 * Whether the header is a FOCUS header: it has at least one of the mandatory columns
	 * (the reader names those that are missing).
	 */
	public static boolean recognises(List<String> header) {
		return FocusColumns.resemblesFocus(header);
	}

	private static @Nullable BillingRow parse(FocusCells get) {
		String category = get.text(CHARGE_CATEGORY);
		if (category == null) {
			get.error(CHARGE_CATEGORY, "is empty");
		}
		else if (capitalized(category) == null && !CHARGE_CATEGORIES.contains(category.toLowerCase(Locale.ROOT))) {
			get.error(CHARGE_CATEGORY, "'" + category + "' is not one of Usage, Purchase, Tax, Credit, Adjustment");
		}
		Instant start = get.required(PERIOD_START, get.instant(PERIOD_START));
		Instant end = get.required(PERIOD_END, get.instant(PERIOD_END));
		if (start != null && end != null && end.isBefore(start)) {
			get.error(PERIOD_END, "ends before ChargePeriodStart");
		}
		BigDecimal billed = get.required(BILLED_COST, get.money(BILLED_COST));
		BigDecimal effective = get.money(EFFECTIVE_COST);
		BigDecimal consumed = get.decimal(CONSUMED_QUANTITY);
		BigDecimal pricing = get.decimal(PRICING_QUANTITY);
		Map<String, String> details = get.json(SKU_PRICE_DETAILS);
		Map<String, String> tags = get.json(TAGS);
		if (!get.ok()) {
			return null;
		}
		return new BillingRow(get.row(), capitalize(category), get.text(CHARGE_CLASS), start, end, billed, effective,
				get.text(BILLING_CURRENCY), get.text(PROVIDER_NAME), get.text(SERVICE_CATEGORY),
				get.text(SERVICE_SUBCATEGORY), get.text(SERVICE_NAME), get.text(REGION_ID), get.text(SUB_ACCOUNT_ID),
				get.text(RESOURCE_ID), get.text(SKU_ID), consumed, get.text(CONSUMED_UNIT), pricing,
				get.text(PRICING_UNIT), details, tags, hints(get));
	}

	/**
	 * The descriptive cells that can name an instance type or a transfer when no column
	 * does: the charge description, the SKU meter, and the providers' own columns (AWS
	 * {@code x_UsageType}; Azure {@code x_SkuMeterCategory}, {@code x_SkuMeterName} and
	 * the ServiceType of {@code x_SkuDetails}), keyed as the mapper reads them.
	 */
	private static Map<String, String> hints(FocusCells get) {
		Map<String, String> hints = null;
		for (int i = 0; i < HINT_COLUMNS.length; i++) {
			String value = get.text(HINT_COLUMNS[i]);
			if (value != null) {
				hints = (hints != null) ? hints : new java.util.LinkedHashMap<>();
				hints.put(HINT_KEYS[i], value);
			}
		}
		String skuDetails = get.text(X_SKU_DETAILS);
		if (skuDetails != null) {
			try {
				String serviceType = get.json(skuDetails).get("ServiceType");
				if (serviceType != null && !serviceType.isBlank()) {
					hints = (hints != null) ? hints : new java.util.LinkedHashMap<>();
					hints.put("x_SkuDetails.ServiceType", serviceType);
				}
			}
			catch (IllegalArgumentException ex) {
				// a provider column GreenLedger does not need: an unreadable one is
				// ignored
			}
		}
		return (hints != null) ? hints : Map.of();
	}

	/** The columns whose cells become hints, and the hint keys they become. */
	private static final int[] HINT_COLUMNS = { CHARGE_DESCRIPTION, SKU_METER, X_USAGE_TYPE, X_SKU_METER_CATEGORY,
			X_SKU_METER_NAME };

	private static final String[] HINT_KEYS = { "ChargeDescription", "SkuMeter", "x_UsageType", "MeterCategory",
			"MeterName" };

	private static @Nullable BigDecimal billedCostOf(FocusCells get) {
		try {
			return CellValues.money(get.cell(BILLED_COST));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String capitalize(String category) {
		String capitalized = capitalized(category);
		if (capitalized != null) {
			return capitalized;
		}
		String lower = category.toLowerCase(Locale.ROOT);
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

	/**
	 * The same instance for a category spelled as FOCUS spells it (rows are compared by
	 * it downstream), or null for another spelling.
	 */
	private static @Nullable String capitalized(String category) {
		return switch (category) {
			case "Usage" -> "Usage";
			case "Tax" -> "Tax";
			case "Credit" -> "Credit";
			case "Purchase" -> "Purchase";
			case "Adjustment" -> "Adjustment";
			default -> null;
		};
	}

}
