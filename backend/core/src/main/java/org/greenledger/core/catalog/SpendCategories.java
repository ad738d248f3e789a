package org.greenledger.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The spend category (a key of the {@code SPEND_INTENSITY} factors) of a cloud bill row
 * without a usage mapping: by the provider's service name, else by the FOCUS
 * {@code ServiceCategory}, else the default. Data, not code: read from
 * {@code classpath:catalog/spend-categories.csv} (docs/factors-spend.md).
 */
public final class SpendCategories {

	static final String RESOURCE = "catalog/spend-categories.csv";

	static final List<String> COLUMNS = List.of("match", "value", "spend_category", "rationale");

	private final Map<String, String> byServiceName;

	private final Map<String, String> byServiceCategory;

	private final String fallback;

	SpendCategories(Map<String, String> byServiceName, Map<String, String> byServiceCategory, String fallback) {
		this.byServiceName = Map.copyOf(byServiceName);
		this.byServiceCategory = Map.copyOf(byServiceCategory);
		this.fallback = fallback;
	}

	public static SpendCategories shipped() {
		return ShippedTables.load(RESOURCE, SpendCategories::read);
	}

	static SpendCategories read(InputStream in) throws IOException {
		Map<String, String> byName = new HashMap<>();
		Map<String, String> byCategory = new HashMap<>();
		@Nullable String fallback = null;
		for (CSVRecord record : ShippedTables.records(RESOURCE, in, COLUMNS)) {
			String category = required(record, "spend_category");
			required(record, "rationale");
			switch (record.get("match").strip()) {
				case "service_name" -> byName.put(key(required(record, "value")), category);
				case "service_category" -> byCategory.put(key(required(record, "value")), category);
				case "default" -> {
					if (fallback != null) {
						throw new IllegalStateException(RESOURCE + ": more than one default row");
					}
					fallback = category;
				}
				default -> throw new IllegalStateException(RESOURCE + " row " + (record.getRecordNumber() + 1)
						+ ": match must be service_name, service_category or default");
			}
		}
		if (fallback == null) {
			throw new IllegalStateException(RESOURCE + ": no default row");
		}
		return new SpendCategories(byName, byCategory, fallback);
	}

	/** The spend category of a service, by name, else by category, else the default. */
	public String categoryOf(@Nullable String serviceName, @Nullable String serviceCategory) {
		String byName = (serviceName != null) ? this.byServiceName.get(key(serviceName)) : null;
		if (byName != null) {
			return byName;
		}
		String byCategory = (serviceCategory != null) ? this.byServiceCategory.get(key(serviceCategory)) : null;
		return (byCategory != null) ? byCategory : this.fallback;
	}

	/** Every spend category the mapping can answer, sorted. */
	public Set<String> categories() {
		Set<String> all = new TreeSet<>(this.byServiceName.values());
		all.addAll(this.byServiceCategory.values());
		all.add(this.fallback);
		return all;
	}

	private static String required(CSVRecord record, String column) {
		return ShippedTables.required(RESOURCE, record, column);
	}

	private static String key(String value) {
		return value.strip().toLowerCase(Locale.ROOT);
	}

}
