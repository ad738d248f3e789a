package org.greenledger.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;

import org.jspecify.annotations.Nullable;

/**
 * The factors a line's lineage names, read from its JSON, as the auditors' workbook
 * writes them: each in words ("KIND key = value unit (dataset version)") or by its key on
 * the Factors used sheet.
 */
final class LineageFactors {

	private LineageFactors() {
	}

	static @Nullable Integer tier(@Nullable Object quality) {
		if (quality == null) {
			return null;
		}
		try {
			return org.greenledger.core.footprint.DataQuality.valueOf(quality.toString()).tier();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static List<Map<String, Object>> factors(String lineageJson) {
		List<Map<String, Object>> lines = LedgerJson.MAPPER.readValue(lineageJson,
				new TypeReference<List<Map<String, Object>>>() {
				});
		List<Map<String, Object>> factors = new ArrayList<>();
		for (Map<String, Object> line : lines) {
			if (line.get("factors") instanceof List<?> list) {
				for (Object factor : list) {
					if (factor instanceof Map<?, ?> map) {
						Map<String, Object> copy = new HashMap<>();
						map.forEach((key, value) -> copy.put(String.valueOf(key), value));
						factors.add(copy);
					}
				}
			}
		}
		return factors;
	}

	/** The factors of a lineage by their keys, space-separated (a text where none). */
	static String keys(String lineageJson, Map<String, String> factorKeys) {
		return String.join(" ", factors(lineageJson).stream().map(factor -> {
			String key = factorKeys.get(identity(factor).toString());
			return (key != null) ? key : factor.get("kind") + " " + factor.get("key") + " = " + factor.get("value")
					+ " " + factor.get("unit") + " (" + factor.get("dataset") + " " + factor.get("version") + ")";
		}).distinct().toList());
	}

	/** A factor's identity: kind, key, value, unit, dataset, version, validity. */
	static List<@Nullable Object> identity(Map<String, Object> factor) {
		return Arrays.asList(factor.get("kind"), factor.get("key"), factor.get("value"), factor.get("unit"),
				factor.get("dataset"), factor.get("version"), factor.get("validity"));
	}

	/**
	 * "KIND key = value unit (dataset version)" for each factor of a lineage, joined by
	 * "; ".
	 */
	static String describe(String lineageJson) {
		return String.join("; ",
				factors(lineageJson).stream()
					.map(map -> map.get("kind") + " " + map.get("key") + " = " + map.get("value") + " "
							+ map.get("unit") + " (" + map.get("dataset") + " " + map.get("version") + ")")
					.distinct()
					.toList());
	}

}
