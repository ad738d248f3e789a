package org.greenledger.core.awscur;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.greenledger.core.table.Column;
import org.greenledger.core.table.Columns;
import org.greenledger.core.table.InvalidFileException;

/**
 * The header of an AWS Cost and Usage Report, checked before any row is read: legacy CUR
 * ({@code lineItem/UnblendedCost}) and CUR 2.0 ({@code line_item_unblended_cost}) names
 * are both accepted, without regard to case. Product attributes that CUR 2.0 has no
 * column for are looked up in its {@code product} map column (JSON text in CSV); tags
 * come from {@code resourceTags/...} columns (legacy) or the {@code resource_tags} map
 * (CUR 2.0). Unknown extra columns are ignored.
 */
final class CurColumns {

	static final List<List<String>> MANDATORY = List.of(List.of("lineItem/LineItemType", "line_item_line_item_type"),
			List.of("lineItem/UsageStartDate", "line_item_usage_start_date"),
			List.of("lineItem/UsageEndDate", "line_item_usage_end_date"),
			List.of("lineItem/UnblendedCost", "line_item_unblended_cost"));

	final boolean cur2;

	final Column lineItemType;

	final Column usageStart;

	final Column usageEnd;

	final Column unblendedCost;

	final Column currency;

	final Column usageAccount;

	final Column productCode;

	final Column usageType;

	final Column description;

	final Column availabilityZone;

	final Column resourceId;

	final Column usageAmount;

	final Column pricingUnit;

	final Column sku;

	final Column savingsPlanEffectiveCost;

	final Column reservationEffectiveCost;

	/** Product attributes: a column, or (CUR 2.0) a key of the product map. */
	final Attribute productName;

	final Attribute productFamily;

	final Attribute instanceType;

	final Attribute regionCode;

	final Attribute region;

	final Attribute location;

	final Attribute fromRegionCode;

	final Attribute volumeApiName;

	final Attribute volumeType;

	final Attribute storageClass;

	/** CUR 2.0: the product attributes as a JSON map. */
	final Column productMap;

	/** CUR 2.0: the resource tags as a JSON map. */
	final Column resourceTagsMap;

	/** Legacy CUR ({@code resourceTags/user:team}) or flattened CUR 2.0 tag columns. */
	final List<TagColumn> tagColumns;

	private final Columns columns;

	private CurColumns(Columns columns) {
		this.columns = columns;
		this.cur2 = CurReader.isCur2(columns.names());
		this.lineItemType = find(MANDATORY.get(0));
		this.usageStart = find(MANDATORY.get(1));
		this.usageEnd = find(MANDATORY.get(2));
		this.unblendedCost = find(MANDATORY.get(3));
		this.currency = columns.find("lineItem/CurrencyCode", "line_item_currency_code");
		this.usageAccount = columns.find("lineItem/UsageAccountId", "line_item_usage_account_id");
		this.productCode = columns.find("lineItem/ProductCode", "line_item_product_code");
		this.usageType = columns.find("lineItem/UsageType", "line_item_usage_type");
		this.description = columns.find("lineItem/LineItemDescription", "line_item_line_item_description");
		this.availabilityZone = columns.find("lineItem/AvailabilityZone", "line_item_availability_zone");
		this.resourceId = columns.find("lineItem/ResourceId", "line_item_resource_id");
		this.usageAmount = columns.find("lineItem/UsageAmount", "line_item_usage_amount");
		this.pricingUnit = columns.find("pricing/unit", "pricing_unit", "product_pricing_unit");
		this.sku = columns.find("product/sku", "product_sku");
		this.savingsPlanEffectiveCost = columns.find("savingsPlan/SavingsPlanEffectiveCost",
				"savings_plan_savings_plan_effective_cost");
		this.reservationEffectiveCost = columns.find("reservation/EffectiveCost", "reservation_effective_cost");
		this.productName = attribute("product/ProductName", "product_product_name", "product_name");
		this.productFamily = attribute("product/productFamily", "product_product_family", "product_family");
		this.instanceType = attribute("product/instanceType", "product_instance_type", "instance_type");
		this.regionCode = attribute("product/regionCode", "product_region_code", "region_code");
		this.region = attribute("product/region", "product_region", "region");
		this.location = attribute("product/location", "product_location", "location");
		this.fromRegionCode = attribute("product/fromRegionCode", "product_from_region_code", "from_region_code");
		this.volumeApiName = attribute("product/volumeApiName", "product_volume_api_name", "volume_api_name");
		this.volumeType = attribute("product/volumeType", "product_volume_type", "volume_type");
		this.storageClass = attribute("product/storageClass", "product_storage_class", "storage_class");
		this.productMap = columns.find("product");
		this.resourceTagsMap = columns.find("resource_tags");
		this.tagColumns = tagColumns(columns.names());
	}

	static CurColumns of(String fileName, List<String> header) {
		Columns columns = Columns.of(header);
		List<String> missing = columns.missing(MANDATORY);
		if (!missing.isEmpty()) {
			throw new InvalidFileException(fileName + ": not an AWS Cost and Usage Report, or an incomplete one: "
					+ Columns.describeMissing(missing) + " (legacy CUR and CUR 2.0 names are accepted)");
		}
		return new CurColumns(columns);
	}

	private Column find(List<String> spellings) {
		return this.columns.find(spellings.toArray(String[]::new));
	}

	/** The label of the job's format. */
	String label() {
		return this.cur2 ? "AWS CUR 2.0" : "AWS CUR";
	}

	private static List<TagColumn> tagColumns(List<String> names) {
		List<TagColumn> tags = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).replace("\uFEFF", "").strip();
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("resourcetags/") && name.length() > "resourceTags/".length()) {
				tags.add(
						new TagColumn(new Column(name, i), CurValues.tagKey(name.substring("resourceTags/".length()))));
			}
			else if (lower.startsWith("resource_tags_") && name.length() > "resource_tags_".length()) {
				tags.add(new TagColumn(new Column(name, i),
						CurValues.tagKey(name.substring("resource_tags_".length()))));
			}
		}
		return List.copyOf(tags);
	}

	/** A tag column and the tag key it holds. */
	record TagColumn(Column column, String key) {
	}

	/**
	 * A product attribute: its own column when the file has one, otherwise (CUR 2.0) a
	 * key of the {@code product} map.
	 */
	record Attribute(Column column, String mapKey) {
	}

	private Attribute attribute(String legacy, String cur2Column, String mapKey) {
		return new Attribute(this.columns.find(legacy, cur2Column), mapKey);
	}

}
