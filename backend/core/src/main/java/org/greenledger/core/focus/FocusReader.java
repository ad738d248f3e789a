package org.greenledger.core.focus;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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
import org.greenledger.core.table.JsonCells;
import org.greenledger.core.table.RowError;
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

	/**
	 * Billing rows repeat a few period boundaries many times: parse each once (per
	 * thread).
	 */
	private static final ThreadLocal<TimestampCache> TIMESTAMPS = ThreadLocal.withInitial(TimestampCache::new);

	private static final class TimestampCache {

		private final java.util.HashMap<String, Instant> parsed = new java.util.HashMap<>();

		@Nullable Instant parse(@Nullable String cell) {
			if (cell == null) {
				return null;
			}
			Instant known = this.parsed.get(cell);
			if (known != null) {
				return known;
			}
			Instant value = CellValues.instant(cell);
			if (value != null) {
				if (this.parsed.size() > 100_000) {
					this.parsed.clear();
				}
				this.parsed.put(cell, value);
			}
			return value;
		}

	}

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
	 * indicates.
	 */
	public static String read(String fileName, Table table, BillingRowSink sink) {
		TableRows.requireHeader(fileName, table);
		FocusColumns columns = FocusColumns.of(fileName, table.header());
		TableRows.each(fileName, table, (row, cells) -> {
			List<RowError> errors = new ArrayList<>();
			BillingRow parsed = parse(row, cells, columns, errors);
			if (errors.isEmpty()) {
				sink.accept(parsed);
			}
			else {
				sink.reject(row, errors, billedCostOf(cells, columns));
			}
		});
		return columns.version();
	}

	/**
	 * Whether the header is a FOCUS header: it has at least one of the mandatory columns
	 * (the reader names those that are missing).
	 */
	public static boolean recognises(List<String> header) {
		return FocusColumns.resemblesFocus(header);
	}

	private static @Nullable BillingRow parse(long row, List<String> cells, FocusColumns columns,
			List<RowError> errors) {
		Cells get = new Cells(row, cells, columns, errors);
		String category = get.text("ChargeCategory");
		if (category == null) {
			errors.add(new RowError(row, "ChargeCategory", "is empty"));
		}
		else if (!CHARGE_CATEGORIES.contains(category.toLowerCase(Locale.ROOT))) {
			errors.add(new RowError(row, "ChargeCategory",
					"'" + category + "' is not one of Usage, Purchase, Tax, Credit, Adjustment"));
		}
		Instant start = get.required("ChargePeriodStart", get.instant("ChargePeriodStart"));
		Instant end = get.required("ChargePeriodEnd", get.instant("ChargePeriodEnd"));
		if (start != null && end != null && end.isBefore(start)) {
			errors.add(new RowError(row, "ChargePeriodEnd", "ends before ChargePeriodStart"));
		}
		BigDecimal billed = get.required("BilledCost", get.money("BilledCost"));
		BigDecimal effective = get.money("EffectiveCost");
		BigDecimal consumed = get.decimal("ConsumedQuantity");
		BigDecimal pricing = get.decimal("PricingQuantity");
		Map<String, String> details = get.json("SkuPriceDetails");
		Map<String, String> tags = get.json("Tags");
		if (!errors.isEmpty()) {
			return null;
		}
		return new BillingRow(row, capitalize(category), get.text("ChargeClass"), start, end, billed, effective,
				get.text("BillingCurrency"), get.text("ProviderName"), get.text("ServiceCategory"),
				get.text("ServiceSubcategory"), get.text("ServiceName"), get.text("RegionId"), get.text("SubAccountId"),
				get.text("ResourceId"), get.text("SkuId"), consumed, get.text("ConsumedUnit"), pricing,
				get.text("PricingUnit"), details, tags, hints(get));
	}

	/**
	 * The descriptive cells that can name an instance type or a transfer when no column
	 * does: the charge description, the SKU meter, and the providers' own columns (AWS
	 * {@code x_UsageType}; Azure {@code x_SkuMeterCategory}, {@code x_SkuMeterName} and
	 * the ServiceType of {@code x_SkuDetails}), keyed as the mapper reads them.
	 */
	private static Map<String, String> hints(Cells get) {
		Map<String, String> hints = new java.util.LinkedHashMap<>();
		for (String[] column : HINT_COLUMNS) {
			String value = get.text(column[0]);
			if (value != null) {
				hints.put(column[1], value);
			}
		}
		String skuDetails = get.text("x_SkuDetails");
		if (skuDetails != null) {
			try {
				String serviceType = JsonCells.map(skuDetails).get("ServiceType");
				if (serviceType != null && !serviceType.isBlank()) {
					hints.put("x_SkuDetails.ServiceType", serviceType);
				}
			}
			catch (IllegalArgumentException ex) {
				// a provider column GreenLedger does not need: an unreadable one is
				// ignored
			}
		}
		return hints;
	}

	/** A column of the file and the hint key it becomes. */
	private static final String[][] HINT_COLUMNS = { { "ChargeDescription", "ChargeDescription" },
			{ "SkuMeter", "SkuMeter" }, { "x_UsageType", "x_UsageType" }, { "x_SkuMeterCategory", "MeterCategory" },
			{ "x_SkuMeterName", "MeterName" } };

	private static @Nullable BigDecimal billedCostOf(List<String> cells, FocusColumns columns) {
		try {
			return CellValues.money(columns.value(cells, "BilledCost"));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String capitalize(String category) {
		// the same instance for the same category (rows are compared by it downstream)
		switch (category) {
			case "Usage":
				return "Usage";
			case "Tax":
				return "Tax";
			case "Credit":
				return "Credit";
			case "Purchase":
				return "Purchase";
			case "Adjustment":
				return "Adjustment";
			default:
				break;
		}
		String lower = category.toLowerCase(Locale.ROOT);
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

	/** Typed access to one row's cells, collecting what is wrong instead of stopping. */
	private record Cells(long row, List<String> cells, FocusColumns columns, List<RowError> errors) {

		@Nullable String text(String column) {
			return CellValues.text(this.columns.value(this.cells, column));
		}

		@Nullable Instant instant(String column) {
			try {
				return TIMESTAMPS.get().parse(this.columns.value(this.cells, column));
			}
			catch (IllegalArgumentException ex) {
				this.errors.add(new RowError(this.row, column, ex.getMessage()));
				return null;
			}
		}

		@Nullable BigDecimal decimal(String column) {
			try {
				return CellValues.decimal(this.columns.value(this.cells, column));
			}
			catch (IllegalArgumentException ex) {
				this.errors.add(new RowError(this.row, column, ex.getMessage()));
				return null;
			}
		}

		@Nullable BigDecimal money(String column) {
			try {
				return CellValues.money(this.columns.value(this.cells, column));
			}
			catch (IllegalArgumentException ex) {
				this.errors.add(new RowError(this.row, column, ex.getMessage()));
				return null;
			}
		}

		<T> @Nullable T required(String column, @Nullable T value) {
			if (value == null && this.errors.stream().noneMatch(error -> error.column().equals(column))) {
				this.errors.add(new RowError(this.row, column, "is empty"));
			}
			return value;
		}

		/**
		 * A JSON cell (an object, its members without braces, or a list of key/value
		 * pairs) as a flat map of strings.
		 */
		Map<String, String> json(String column) {
			String value = text(column);
			if (value == null) {
				return Map.of();
			}
			try {
				return JsonCells.map(value);
			}
			catch (IllegalArgumentException ex) {
				this.errors.add(new RowError(this.row, column, "is not a JSON object or a list of key/value pairs"));
				return Map.of();
			}
		}

	}

}
