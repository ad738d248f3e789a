package org.greenledger.core.catalog;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;

/**
 * Cloud instance types and their hardware, from {@code classpath:catalog/instances.csv}.
 */
public final class InstanceCatalog {

	static final String RESOURCE = "catalog/instances.csv";

	private final Map<String, InstanceType> types;

	InstanceCatalog(Map<String, InstanceType> types) {
		this.types = Map.copyOf(types);
	}

	public static InstanceCatalog shipped() {
		return ShippedTables.load(RESOURCE, in -> {
			Map<String, InstanceType> types = new HashMap<>();
			for (CSVRecord record : ShippedTables.records(RESOURCE, in, null)) {
				InstanceType type = new InstanceType(record.get("provider"), record.get("instance_type"),
						Integer.parseInt(record.get("vcpus")), Double.parseDouble(record.get("memory_gb")),
						blankToNull(record.get("gpu_model")), Integer.parseInt(record.get("gpu_count")),
						blankToNull(record.get("cpu_microarchitecture")), Integer.parseInt(record.get("host_vcpus")));
				types.put(key(type.provider(), type.name()), type);
			}
			return new InstanceCatalog(types);
		});
	}

	public Optional<InstanceType> find(String provider, String name) {
		return Optional.ofNullable(this.types.get(key(provider, name)));
	}

	/** The providers the catalog has instance types of, sorted. */
	public List<String> providers() {
		return this.types.values().stream().map(InstanceType::provider).distinct().sorted().toList();
	}

	/** The instance type names of a provider, sorted. */
	public List<String> names(String provider) {
		String wanted = provider.strip().toLowerCase(Locale.ROOT);
		return this.types.values()
			.stream()
			.filter(type -> type.provider().equals(wanted))
			.map(InstanceType::name)
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.toList();
	}

	/**
	 * Up to {@code limit} names of the provider closest to a name that is not in the
	 * catalog (edit distance, ignoring case), closest first.
	 */
	public List<String> closest(String provider, String name, int limit) {
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		int tolerance = Math.max(2, wanted.length() / 2);
		return names(provider).stream()
			.map(candidate -> Map.entry(candidate, distance(wanted, candidate.toLowerCase(Locale.ROOT))))
			.filter(entry -> entry.getValue() <= tolerance)
			.sorted(Comparator.comparingInt((Map.Entry<String, Integer> entry) -> entry.getValue())
				.thenComparing(Map.Entry::getKey))
			.limit(limit)
			.map(Map.Entry::getKey)
			.toList();
	}

	/** Levenshtein distance. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static String key(String provider, String name) {
		return provider.toLowerCase(Locale.ROOT) + "|" + name.strip().toLowerCase(Locale.ROOT);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
