package org.greenledger.core.catalog;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Region display names as billing exports write them (AWS {@code US East (N. Virginia)},
 * Azure's legacy {@code US East}, {@code EU West}) mapped to region codes, from
 * {@code classpath:catalog/region-names.csv}. Names are compared without regard to case,
 * spaces, punctuation or accents.
 */
public final class RegionNames {

	static final String RESOURCE = "catalog/region-names.csv";

	private static final Map<String, String> CODES = load();

	private RegionNames() {
	}

	/**
	 * The region code for a provider's display name, or null when the name is unknown.
	 */
	public static @Nullable String code(String provider, String name) {
		return CODES.get(provider.toLowerCase(Locale.ROOT) + "|" + key(name));
	}

	/**
	 * Lower case letters and digits only: {@code "South America (São Paulo)"} becomes
	 * {@code "southamericasaopaulo"}, {@code "East US 2"} becomes {@code "eastus2"}.
	 */
	public static String key(String name) {
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
		StringBuilder key = new StringBuilder(plain.length());
		for (int i = 0; i < plain.length(); i++) {
			char c = plain.charAt(i);
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				key.append(c);
			}
		}
		return key.toString();
	}

	private static Map<String, String> load() {
		return ShippedTables.load(RESOURCE, in -> {
			Map<String, String> codes = new HashMap<>();
			for (CSVRecord record : ShippedTables.records(RESOURCE, in, null)) {
				codes.put(record.get("provider").toLowerCase(Locale.ROOT) + "|" + key(record.get("name")),
						record.get("region"));
			}
			return Map.copyOf(codes);
		});
	}

}
