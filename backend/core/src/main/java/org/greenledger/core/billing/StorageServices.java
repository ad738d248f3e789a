package org.greenledger.core.billing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import org.greenledger.core.catalog.ShippedTables;

/**
 * The storage service of a bill's storage row, as the key of its replication factor
 * ({@code <provider>:<service>}, e.g. {@code aws:s3}): the first rule whose provider
 * matches, one of whose service names the row's service name contains, and one of whose
 * usage texts (if any) the row's usage type, SKU, meter or description contains (all
 * case-insensitive). Data, not code: read from
 * {@code classpath:catalog/storage-services.csv}, each rule with its source (the rules
 * follow Cloud Carbon Footprint's; docs/factors-hardware.md).
 */
final class StorageServices {

	static final String RESOURCE = "catalog/storage-services.csv";

	static final List<String> COLUMNS = List.of("provider", "service_name", "usage_contains", "replication_key",
			"source");

	private static final StorageServices SHIPPED = load();

	private final List<Rule> rules;

	StorageServices(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** The shipped rules (read once). */
	static StorageServices shipped() {
		return SHIPPED;
	}

	private static StorageServices load() {
		return ShippedTables.load(RESOURCE, StorageServices::read);
	}

	static StorageServices read(InputStream in) throws IOException {
		List<Rule> rules = new ArrayList<>();
		for (CSVRecord record : ShippedTables.records(RESOURCE, in, COLUMNS)) {
			String provider = required(record, "provider");
			String key = required(record, "replication_key");
			if (!key.startsWith(provider + ":")) {
				throw new IllegalStateException(RESOURCE + " row " + (record.getRecordNumber() + 1)
						+ ": replication_key must start with '" + provider + ":'");
			}
			required(record, "source");
			rules.add(new Rule(provider, alternatives(required(record, "service_name")),
					alternatives(record.get("usage_contains")), key));
		}
		return new StorageServices(rules);
	}

	/**
	 * The replication key of a storage row and the rule that chose it, or empty when no
	 * rule matches (the provider's default factor applies).
	 * @param provider the normalized provider (aws, azure, gcp)
	 * @param serviceName the row's service name
	 * @param usage the row's usage texts (usage type, SKU, meter, description)
	 */
	Optional<Found> of(String provider, @Nullable String serviceName, List<@Nullable String> usage) {
		if (serviceName == null) {
			return Optional.empty();
		}
		String service = serviceName.toLowerCase(Locale.ROOT);
		String text = String.join(" ", usage.stream().filter(each -> each != null).toList()).toLowerCase(Locale.ROOT);
		for (Rule rule : this.rules) {
			if (rule.provider().equals(provider) && rule.serviceNames().stream().anyMatch(service::contains)) {
				Optional<String> hit = rule.usageContains().isEmpty() ? Optional.of("")
						: rule.usageContains().stream().filter(text::contains).findFirst();
				if (hit.isPresent()) {
					return Optional.of(new Found(rule.key(), hit.get()));
				}
			}
		}
		return Optional.empty();
	}

	/** Every replication key a rule can give. */
	List<String> keys() {
		return this.rules.stream().map(Rule::key).distinct().toList();
	}

	private static List<String> alternatives(String cell) {
		return Arrays.stream(cell.split("\\|"))
			.map(each -> each.strip().toLowerCase(Locale.ROOT))
			.filter(each -> !each.isEmpty())
			.toList();
	}

	private static String required(CSVRecord record, String column) {
		return ShippedTables.required(RESOURCE, record, column);
	}

	/**
	 * A replication key and the usage text that chose it (empty when the service alone
	 * did).
	 */
	record Found(String key, String usageText) {
	}

	record Rule(String provider, List<String> serviceNames, List<String> usageContains, String key) {
	}

}
