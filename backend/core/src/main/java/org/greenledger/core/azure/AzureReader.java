package org.greenledger.core.azure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.table.CellValues;
import org.greenledger.core.table.RowCells;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TableRows;

/**
 * Reads an Azure cost details export (EA or MCA, actual or amortized cost) row by row,
 * streaming: each daily row becomes a {@link BillingRow} whose billed cost is the file's
 * cost column ({@code CostInBillingCurrency} or {@code Cost}), or is rejected with
 * everything wrong with it. In an amortized export that column holds amortized cost; it
 * is booked as billed cost all the same, so that the job reconciles with the file, and
 * the format label says "amortized" when the rows show it.
 */
public final class AzureReader {

	private static final String KNOWN_TYPES = "Usage, Purchase, Refund, UnusedReservation, UnusedSavingsPlan, Tax,"
			+ " RoundingAdjustment";

	private AzureReader() {
	}

	/** Whether a header looks like an Azure cost details export. */
	public static boolean recognises(List<String> header) {
		return AzureColumns.recognises(header);
	}

	/**
	 * Reads every row; returns the format label, for example "Azure cost details (MCA)"
	 * or "Azure cost details (EA, amortized)".
	 */
	public static String read(String fileName, Table table, BillingRowSink sink) {
		TableRows.requireHeader(fileName, table);
		AzureColumns columns = AzureColumns.of(fileName, table.header());
		boolean[] amortized = { false };
		TableRows.each(fileName, table, (row, cells) -> {
			RowCells get = new RowCells(row, cells);
			BillingRow record = parse(get, columns);
			if (record != null) {
				sink.accept(record);
			}
			else {
				sink.reject(row, get.errors(), billedCost(cells, columns));
			}
			String chargeType = get.text(columns.chargeType);
			amortized[0] |= chargeType != null && AzureValues.amortizedOnly(chargeType);
		});
		return "Azure cost details (" + (columns.enterpriseAgreement ? "EA" : "MCA")
				+ (amortized[0] ? ", amortized" : "") + ")";
	}

	private static @Nullable BillingRow parse(RowCells get, AzureColumns c) {
		Instant day = get.required(c.date, get.instant(c.date));
		BigDecimal cost = get.required(c.cost, get.money(c.cost));
		BigDecimal quantity = get.decimal(c.quantity);
		String chargeType = c.chargeType.present() ? get.required(c.chargeType, get.text(c.chargeType)) : "Usage";
		String category = (chargeType != null) ? AzureValues.chargeCategory(chargeType) : null;
		if (chargeType != null && category == null) {
			get.error(c.chargeType, "'" + chargeType + "' is not a known charge type (" + KNOWN_TYPES + ")");
		}
		Map<String, String> additionalInfo = get.map(c.additionalInfo);
		Map<String, String> tags = get.map(c.tags);
		if (!get.ok() || day == null || cost == null || category == null) {
			return null;
		}
		String meterCategory = get.text(c.meterCategory);
		String meterSubCategory = get.text(c.meterSubCategory);
		String unitOfMeasure = get.text(c.unitOfMeasure);
		AzureValues.Measure measure = (quantity != null && unitOfMeasure != null)
				? AzureValues.measure(quantity, unitOfMeasure) : null;
		String serviceCategory = AzureValues.serviceCategory(meterCategory, get.text(c.serviceFamily));
		Map<String, String> details = new LinkedHashMap<>();
		Map<String, String> hints = new LinkedHashMap<>(4);
		String vmSize = additionalInfo.get("ServiceType");
		if ("Compute".equals(serviceCategory) && vmSize != null && !vmSize.isBlank()) {
			hints.put("AdditionalInfo.ServiceType", vmSize.strip());
		}
		putHint(hints, "MeterCategory", meterCategory);
		putHint(hints, "MeterName", get.text(c.meterName));
		if ("Storage".equals(serviceCategory)) {
			details.put("StorageClass",
					String
						.join(" ", (meterSubCategory != null) ? meterSubCategory : "",
								(get.text(c.meterName) != null) ? get.text(c.meterName) : "")
						.strip());
		}
		String resource = get.text(c.resourceId);
		return new BillingRow(get.row(), category, null, day, day.plus(1, ChronoUnit.DAYS), cost, null,
				get.text(c.currency), "Microsoft", serviceCategory, meterSubCategory, meterCategory,
				AzureValues.region(get.text(c.resourceLocation), get.text(c.meterRegion)), get.text(c.subscription),
				resource, get.text(c.meterId), (measure != null) ? measure.amount() : quantity,
				(measure != null) ? measure.unit() : unitOfMeasure, quantity, unitOfMeasure, details, tags, hints);
	}

	private static void putHint(Map<String, String> hints, String key, @Nullable String value) {
		if (value != null) {
			hints.put(key, value);
		}
	}

	private static @Nullable BigDecimal billedCost(List<String> cells, AzureColumns columns) {
		try {
			return CellValues.money(columns.cost.value(cells));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
