package org.greenledger.core.focus;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.InvalidFileException;

/**
 * A FOCUS header, checked before any row is read: columns are matched without regard to
 * case or a byte-order mark, renamed columns of later versions are accepted, and missing
 * mandatory columns are a file-level error. Unknown extra columns are ignored.
 */
final class FocusColumns {

	/** Columns without which no row can be accounted for. */
	static final List<String> MANDATORY = List.of("ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory",
			"BilledCost");

	private static final Map<String, List<String>> ALIASES = Map.of("ProviderName",
			List.of("ProviderName", "ServiceProviderName"), "SkuPriceId", List.of("SkuPriceId"));

	private final Map<String, Integer> index;

	private final String version;

	private FocusColumns(Map<String, Integer> index, String version) {
		this.index = index;
		this.version = version;
	}

	static FocusColumns of(String fileName, List<String> header) {
		Map<String, Integer> byLowerName = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			byLowerName.putIfAbsent(normalize(header.get(i)), i);
		}
		List<String> missing = MANDATORY.stream()
			.filter(column -> !byLowerName.containsKey(normalize(column)))
			.toList();
		if (!missing.isEmpty()) {
			throw new InvalidFileException(fileName + ": not a FOCUS file, or an incomplete one: the mandatory column"
					+ (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
					+ (missing.size() > 1 ? " are" : " is") + " missing (mandatory: " + String.join(", ", MANDATORY)
					+ ")");
		}
		return new FocusColumns(byLowerName, version(byLowerName));
	}

	/**
	 * Whether the header has any of the mandatory FOCUS columns: a FOCUS file, perhaps an
	 * incomplete one (whose missing columns the reader then names).
	 */
	static boolean resemblesFocus(List<String> header) {
		java.util.Set<String> names = new java.util.HashSet<>();
		header.forEach(name -> names.add(normalize(name)));
		return MANDATORY.stream().anyMatch(column -> names.contains(normalize(column)));
	}

	/** The FOCUS version the columns suggest: 1.0, 1.1 or 1.2. */
	String version() {
		return this.version;
	}

	/** Positions by the column names asked for (constants), resolved once. */
	private final Map<String, Optional<Integer>> resolved = new HashMap<>();

	Optional<Integer> position(String column) {
		Optional<Integer> known = this.resolved.get(column);
		if (known == null) {
			known = resolve(column);
			this.resolved.put(column, known);
		}
		return known;
	}

	private Optional<Integer> resolve(String column) {
		for (String name : ALIASES.getOrDefault(column, List.of(column))) {
			Integer position = this.index.get(normalize(name));
			if (position != null) {
				return Optional.of(position);
			}
		}
		return Optional.empty();
	}

	@Nullable String value(List<String> cells, String column) {
		Optional<Integer> position = position(column);
		return (position.isPresent() && position.get() < cells.size()) ? cells.get(position.get()) : null;
	}

	/**
	 * The positions of the given columns (constants), resolved once: -1 for a column the
	 * file does not have.
	 */
	int[] positions(String[] columns) {
		int[] positions = new int[columns.length];
		for (int i = 0; i < columns.length; i++) {
			positions[i] = resolve(columns[i]).orElse(-1);
		}
		return positions;
	}

	private static String version(Map<String, Integer> columns) {
		if (columns.containsKey("pricingcurrency") || columns.containsKey("capacityreservationid")
				|| columns.containsKey("serviceprovidername")) {
			return "1.2";
		}
		if (columns.containsKey("servicesubcategory") || columns.containsKey("skumeter")
				|| columns.containsKey("skupricedetails")) {
			return "1.1";
		}
		return "1.0";
	}

	static String normalize(String column) {
		return column.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
	}

}
