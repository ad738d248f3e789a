package org.greenledger.core.azure;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.catalog.RegionNames;

/**
 * What Azure cost details values mean in FOCUS terms: units of measure with their
 * multipliers, charge types as charge categories, locations as region codes, meter
 * categories as service categories.
 */
final class AzureValues {

	/** A leading count ({@code 10}, {@code 1,000}, {@code 10K}) and the unit after it. */
	private static final Pattern UNIT_OF_MEASURE = Pattern
		.compile("^\\s*(\\d[\\d,]*(?:\\.\\d+)?)?\\s*(?:([KkMm])(?=\\s|/|$))?\\s*(.*)$");

	private static final Pattern REGION_KEY = Pattern.compile("^[a-z]+[0-9]*$");

	private static final Set<String> NO_REGION = Set.of("", "global", "unknown", "unassigned", "allregions",
			"notapplicable", "intercontinental");

	private AzureValues() {
	}

	/**
	 * A quantity in the unit it counts.
	 *
	 * @param amount the quantity times the unit of measure's multiplier
	 * @param unit Hours, GB-Month, GB-Hours, GB, Units, or the unit as written
	 */
	record Measure(BigDecimal amount, String unit) {
	}

	/**
	 * The quantity in plain units: a unit of measure {@code "10 Hours"} with quantity 2.4
	 * is 24 hours, {@code "10K"} with quantity 3 is 30,000 units, {@code "1 GB/Month"} is
	 * GB-months.
	 */
	static Measure measure(BigDecimal quantity, String unitOfMeasure) {
		Matcher matcher = UNIT_OF_MEASURE.matcher(unitOfMeasure);
		if (!matcher.matches()) {
			return new Measure(quantity, unitOfMeasure);
		}
		BigDecimal multiplier = (matcher.group(1) != null) ? new BigDecimal(matcher.group(1).replace(",", ""))
				: BigDecimal.ONE;
		if (matcher.group(2) != null) {
			multiplier = multiplier.multiply(
					matcher.group(2).equalsIgnoreCase("K") ? BigDecimal.valueOf(1_000) : BigDecimal.valueOf(1_000_000));
		}
		String unit = matcher.group(3).strip();
		String normalized = switch (unit.toLowerCase(Locale.ROOT)) {
			case "hour", "hours", "hrs" -> "Hours";
			case "gb/month", "gb-month", "gb/mo" -> "GB-Month";
			case "gb/hour", "gb-hour", "gb/hr" -> "GB-Hours";
			case "gb", "gb/gb" -> "GB";
			case "" -> "Units";
			default -> unit.startsWith("/") ? unit.substring(1) : unit;
		};
		return new Measure(quantity.multiply(multiplier), normalized);
	}

	/**
	 * The FOCUS charge category of a charge type, or null when unknown. Unused
	 * reservations and savings plans (amortized exports) are the unused part of a
	 * commitment purchase: nothing ran, so they are purchases (cost-only).
	 */
	static @Nullable String chargeCategory(String chargeType) {
		return switch (chargeType.toLowerCase(Locale.ROOT)) {
			case "usage" -> "Usage";
			case "purchase", "unusedreservation", "unusedsavingsplan" -> "Purchase";
			case "refund", "credit" -> "Credit";
			case "tax" -> "Tax";
			case "roundingadjustment", "adjustment" -> "Adjustment";
			default -> null;
		};
	}

	/** Whether a charge type only appears in amortized exports. */
	static boolean amortizedOnly(String chargeType) {
		String type = chargeType.toLowerCase(Locale.ROOT);
		return type.equals("unusedreservation") || type.equals("unusedsavingsplan");
	}

	/**
	 * The region code of the resource location, else of the meter region: a code or
	 * display name ({@code eastus}, {@code EastUS}, {@code East US}) reduced to the code,
	 * a legacy billing name ({@code US East}, {@code EU West}) looked up. Global and
	 * unassigned locations are skipped; other names (for example bandwidth zones) are
	 * kept as written, so the mapper reports them as unknown.
	 */
	static @Nullable String region(@Nullable String resourceLocation, @Nullable String meterRegion) {
		for (String candidate : new String[] { resourceLocation, meterRegion }) {
			if (candidate == null || NO_REGION.contains(RegionNames.key(candidate))) {
				continue;
			}
			String mapped = RegionNames.code("azure", candidate);
			if (mapped != null) {
				return mapped;
			}
			String key = RegionNames.key(candidate);
			return REGION_KEY.matcher(key).matches() ? key : candidate;
		}
		return null;
	}

	/**
	 * FOCUS service category: virtual machines are compute, storage is storage, only
	 * bandwidth (data transfer) is networking usage, so that bytes through gateways and
	 * load balancers are not counted again; otherwise the export's service family.
	 */
	static @Nullable String serviceCategory(@Nullable String meterCategory, @Nullable String serviceFamily) {
		String category = (meterCategory != null) ? meterCategory.toLowerCase(Locale.ROOT) : "";
		return switch (category) {
			case "virtual machines" -> "Compute";
			case "storage" -> "Storage";
			case "bandwidth" -> "Networking";
			default -> "Networking".equalsIgnoreCase(serviceFamily) ? null : serviceFamily;
		};
	}

}
