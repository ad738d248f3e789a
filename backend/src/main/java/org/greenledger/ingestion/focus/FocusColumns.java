package org.greenledger.ingestion.focus;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.InvalidFileException;

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
			String other = otherFormat(byLowerName.keySet());
			if (other != null) {
				throw new InvalidFileException(fileName + ": this looks like " + other
						+ ", which this version does not read yet; export the same data as FOCUS (CSV or CSV.gz)"
						+ " and upload that");
			}
			throw new InvalidFileException(fileName + ": not a FOCUS file, or an incomplete one: the mandatory column"
					+ (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
					+ (missing.size() > 1 ? " are" : " is") + " missing (mandatory: " + String.join(", ", MANDATORY)
					+ ")");
		}
		return new FocusColumns(byLowerName, version(byLowerName));
	}

	static boolean isFocus(List<String> header) {
		java.util.Set<String> names = new java.util.HashSet<>();
		header.forEach(name -> names.add(normalize(name)));
		return MANDATORY.stream().allMatch(column -> names.contains(normalize(column)));
	}

	/** The name of another billing export format the header belongs to, or null. */
	private static @Nullable String otherFormat(java.util.Set<String> columns) {
		if (columns.contains("identity/lineitemid") || columns.contains("lineitem/unblendedcost")) {
			return "an AWS Cost and Usage Report (legacy CUR)";
		}
		if (columns.contains("line_item_line_item_type") || columns.contains("line_item_unblended_cost")) {
			return "an AWS CUR 2.0 export";
		}
		if (columns.contains("billing_account_id") && columns.contains("service.description")
				|| columns.contains("usage_start_time") && columns.contains("cost")) {
			return "a Google Cloud billing export";
		}
		if (columns.contains("metercategory") || columns.contains("costinbillingcurrency")) {
			return "an Azure cost details export";
		}
		return null;
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
