package org.greenledger.core.gcp;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.greenledger.core.table.Column;
import org.greenledger.core.table.Columns;
import org.greenledger.core.table.InvalidFileException;

/**
 * The columns of a Google Cloud billing export (BigQuery standard or detailed usage cost
 * export). In CSV the nested fields are flattened with dots ({@code service.description},
 * {@code usage.amount}); names are compared without regard to case and with dots, spaces,
 * hyphens and underscores alike, so {@code project.id}, {@code project_id} and
 * {@code Project ID} are the same column. Repeated fields ({@code labels},
 * {@code system_labels}, {@code credits}) are JSON text. Unknown extra columns are
 * ignored.
 */
final class GcpColumns {

	static final List<List<String>> MANDATORY = List.of(List.of("usage_start_time"), List.of("usage_end_time"),
			List.of("cost"));

	/**
	 * The fields a newline-delimited JSON row is flattened into (paths into the nested
	 * object); objects and arrays become JSON text.
	 */
	static final List<String> JSON_FIELDS = List.of("usage_start_time", "usage_end_time", "cost", "currency",
			"cost_type", "project.id", "service.description", "sku.id", "sku.description", "location.region",
			"location.location", "usage.amount", "usage.unit", "usage.amount_in_pricing_units", "usage.pricing_unit",
			"labels", "system_labels", "credits", "resource.name", "resource.global_name");

	private static final Pattern SEPARATORS = Pattern.compile("[ ._-]+");

	final Column start;

	final Column end;

	final Column cost;

	final Column currency;

	final Column costType;

	final Column project;

	final Column service;

	final Column skuId;

	final Column skuDescription;

	final Column region;

	final Column location;

	final Column amount;

	final Column unit;

	final Column pricingAmount;

	final Column pricingUnit;

	final Column labels;

	final Column systemLabels;

	final Column credits;

	final Column resourceName;

	final Column resourceGlobalName;

	private GcpColumns(Columns columns) {
		this.start = columns.find("usage_start_time");
		this.end = columns.find("usage_end_time");
		this.cost = columns.find("cost");
		this.currency = columns.find("currency");
		this.costType = columns.find("cost_type");
		this.project = columns.find("project.id");
		this.service = columns.find("service.description");
		this.skuId = columns.find("sku.id");
		this.skuDescription = columns.find("sku.description");
		this.region = columns.find("location.region");
		this.location = columns.find("location.location");
		this.amount = columns.find("usage.amount");
		this.unit = columns.find("usage.unit");
		this.pricingAmount = columns.find("usage.amount_in_pricing_units");
		this.pricingUnit = columns.find("usage.pricing_unit");
		this.labels = columns.find("labels");
		this.systemLabels = columns.find("system_labels");
		this.credits = columns.find("credits");
		this.resourceName = columns.find("resource.name");
		this.resourceGlobalName = columns.find("resource.global_name");
	}

	/** A CSV header, checked for the mandatory columns. */
	static GcpColumns of(String fileName, List<String> header) {
		Columns columns = Columns.of(header, GcpColumns::normalize);
		List<String> missing = columns.missing(MANDATORY);
		if (!missing.isEmpty()) {
			throw new InvalidFileException(fileName + ": not a Google Cloud billing export, or an incomplete one: "
					+ Columns.describeMissing(missing));
		}
		return new GcpColumns(columns);
	}

	/** The fixed layout newline-delimited JSON rows are flattened into. */
	static GcpColumns json() {
		return new GcpColumns(Columns.of(JSON_FIELDS, GcpColumns::normalize));
	}

	/** Whether a header looks like a Google Cloud billing export. */
	static boolean recognises(List<String> header) {
		Columns columns = Columns.of(header, GcpColumns::normalize);
		return columns.has("usage_start_time") || columns.has("cost_type") || columns.has("service.description")
				|| columns.has("sku.description");
	}

	static String normalize(String name) {
		return SEPARATORS.matcher(Columns.normalize(name)).replaceAll("_").toLowerCase(Locale.ROOT);
	}

}
