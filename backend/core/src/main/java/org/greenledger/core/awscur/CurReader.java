package org.greenledger.core.awscur;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.table.CellValues;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowCells;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TableRows;

/**
 * Reads an AWS Cost and Usage Report (legacy CUR or CUR 2.0, from CSV or any other
 * {@link Table}) row by row, streaming: each line item becomes a {@link BillingRow} with
 * the unblended cost as billed cost, or is rejected with everything wrong with it. The
 * header is checked first; missing mandatory columns are an {@link InvalidFileException}.
 */
public final class CurReader {

	private static final String KNOWN_TYPES = "Usage, DiscountedUsage, SavingsPlanCoveredUsage, Tax, Credit, Refund,"
			+ " Fee, RIFee, SavingsPlanRecurringFee, SavingsPlanUpfrontFee, SavingsPlanNegation, *Discount";

	private CurReader() {
	}

	/** Whether the header is a CUR header: legacy slash names or CUR 2.0 snake case. */
	public static boolean recognises(List<String> header) {
		return header.stream()
			.map(name -> name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
			.anyMatch(name -> name.startsWith("lineitem/") || name.startsWith("identity/lineitemid")
					|| name.startsWith("line_item_") || name.equals("identity_line_item_id"));
	}

	/** Whether a CUR header is CUR 2.0 (snake case) rather than legacy. */
	public static boolean isCur2(List<String> header) {
		return header.stream().anyMatch(name -> name.strip().toLowerCase(Locale.ROOT).startsWith("line_item_"));
	}

	/** Reads every row; returns the format label, "AWS CUR" or "AWS CUR 2.0". */
	public static String read(String fileName, Table table, BillingRowSink sink) {
		TableRows.requireHeader(fileName, table);
		CurColumns columns = CurColumns.of(fileName, table.header());
		TableRows.each(fileName, table, (row, cells) -> {
			RowCells get = new RowCells(row, cells);
			BillingRow record = parse(get, columns);
			if (record != null) {
				sink.accept(record);
			}
			else {
				sink.reject(row, get.errors(), billedCost(cells, columns));
			}
		});
		return columns.label();
	}

	private static @Nullable BillingRow parse(RowCells get, CurColumns c) {
		String type = get.required(c.lineItemType, get.text(c.lineItemType));
		String category = (type != null) ? CurValues.chargeCategory(type) : null;
		if (type != null && category == null) {
			get.error(c.lineItemType, "'" + type + "' is not a known line item type (" + KNOWN_TYPES + ")");
		}
		Instant start = get.required(c.usageStart, get.instant(c.usageStart));
		Instant end = get.required(c.usageEnd, get.instant(c.usageEnd));
		if (start != null && end != null && end.isBefore(start)) {
			get.error(c.usageEnd, "ends before " + c.usageStart.name());
		}
		BigDecimal cost = get.required(c.unblendedCost, get.money(c.unblendedCost));
		BigDecimal amount = get.decimal(c.usageAmount);
		BigDecimal reservationEffective = get.money(c.reservationEffectiveCost);
		BigDecimal savingsPlanEffective = get.money(c.savingsPlanEffectiveCost);
		Map<String, String> product = c.productMap.present() ? get.map(c.productMap) : Map.of();
		Map<String, String> tags = tags(get, c);
		if (!get.ok() || type == null || category == null || start == null || end == null || cost == null) {
			return null;
		}
		String family = attribute(get, c.productFamily, product);
		String productCode = get.text(c.productCode);
		Map<String, String> details = new LinkedHashMap<>();
		Map<String, String> hints = hints(get, c, product);
		String storageClass = CurValues.storageClass(family, attribute(get, c.volumeApiName, product),
				attribute(get, c.volumeType, product), attribute(get, c.storageClass, product));
		if (storageClass != null) {
			details.put("StorageClass", storageClass);
		}
		String region = CurValues.region(attribute(get, c.regionCode, product), attribute(get, c.region, product),
				attribute(get, c.location, product), attribute(get, c.fromRegionCode, product));
		if (region == null) {
			region = CurValues.regionOfZone(get.text(c.availabilityZone));
		}
		String productName = attribute(get, c.productName, product);
		String sku = get.text(c.sku);
		String unit = CurValues.unit(get.text(c.pricingUnit), get.text(c.usageType));
		return new BillingRow(get.row(), category, null, start, end, cost,
				CurValues.effectiveCost(type, cost, reservationEffective, savingsPlanEffective), get.text(c.currency),
				"AWS", CurValues.serviceCategory(family), CurValues.serviceSubcategory(family, productCode),
				(productName != null) ? productName : productCode, region, get.text(c.usageAccount),
				get.text(c.resourceId), (sku != null) ? sku : get.text(c.usageType), amount, unit, amount, unit,
				details, tags, hints);
	}

	/**
	 * Where the mapper looks for the instance type and for data transfer, under the
	 * column names of the CUR's version: {@code product/instanceType} (or the product
	 * map's {@code instance_type}), the usage type ("USE1-BoxUsage:c5.2xlarge") and the
	 * line item description.
	 */
	private static Map<String, String> hints(RowCells get, CurColumns c, Map<String, String> product) {
		Map<String, String> hints = new LinkedHashMap<>(4);
		String instanceType = get.text(c.instanceType.column());
		if (instanceType != null) {
			hints.put(c.cur2 ? "product_instance_type" : "product/instanceType", instanceType);
		}
		else if (CellValues.text(product.get(c.instanceType.mapKey())) != null) {
			hints.put("product.instance_type", CellValues.text(product.get(c.instanceType.mapKey())));
		}
		String usageType = get.text(c.usageType);
		if (usageType != null) {
			hints.put(c.cur2 ? "line_item_usage_type" : "lineItem/UsageType", usageType);
		}
		String description = get.text(c.description);
		if (description != null) {
			hints.put(c.cur2 ? "line_item_line_item_description" : "lineItem/LineItemDescription", description);
		}
		return hints;
	}

	/** A product attribute from its column, or (CUR 2.0) from the product map. */
	private static @Nullable String attribute(RowCells get, CurColumns.Attribute attribute,
			Map<String, String> product) {
		String value = get.text(attribute.column());
		return (value != null) ? value : CellValues.text(product.get(attribute.mapKey()));
	}

	private static Map<String, String> tags(RowCells get, CurColumns c) {
		Map<String, String> tags = new LinkedHashMap<>();
		if (c.resourceTagsMap.present()) {
			get.map(c.resourceTagsMap).forEach((key, value) -> {
				if (CellValues.text(value) != null) {
					tags.put(CurValues.tagKey(key), value);
				}
			});
		}
		for (CurColumns.TagColumn tag : c.tagColumns) {
			String value = get.text(tag.column());
			if (value != null) {
				tags.put(tag.key(), value);
			}
		}
		return tags;
	}

	private static @Nullable BigDecimal billedCost(List<String> cells, CurColumns columns) {
		try {
			return CellValues.money(columns.unblendedCost.value(cells));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
