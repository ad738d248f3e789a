package org.greenledger.core.awscur;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.catalog.RegionNames;

/**
 * What CUR values mean in FOCUS terms: line item types as charge categories, product
 * families as service categories, storage hints, regions, tag keys and effective cost.
 */
final class CurValues {

	private static final Pattern REGION_CODE = Pattern.compile("^[a-z]{2,4}(-[a-z]+)+-\\d+$");

	private static final Pattern ZONE = Pattern.compile("^([a-z]{2,4}(?:-[a-z]+)+-\\d+)[a-z]$");

	private static final Pattern INSTANCE_HOURS = Pattern
		.compile("(?:^|-)(?:BoxUsage|SpotUsage|DedicatedUsage|HostBoxUsage|SchedUsage)(?::|$)");

	private CurValues() {
	}

	/**
	 * The FOCUS charge category of a line item type, or null when the type is unknown.
	 * Usage of on-demand, reserved (DiscountedUsage) and Savings Plans capacity is usage;
	 * commitment fees are purchases; the Savings Plans negation and every discount are
	 * adjustments.
	 */
	static @Nullable String chargeCategory(String lineItemType) {
		String type = lineItemType.toLowerCase(Locale.ROOT);
		return switch (type) {
			case "usage", "discountedusage", "savingsplancoveredusage" -> "Usage";
			case "tax" -> "Tax";
			case "credit", "refund" -> "Credit";
			case "fee", "rifee", "savingsplanrecurringfee", "savingsplanupfrontfee" -> "Purchase";
			case "savingsplannegation" -> "Adjustment";
			default -> type.endsWith("discount") ? "Adjustment" : null;
		};
	}

	/**
	 * The amortized cost where the CUR states it: reserved usage and Savings Plans usage
	 * at their effective cost, the negation and upfront fees at zero (they are spread
	 * over the covered usage), other commitment fees unknown (null), everything else at
	 * the unblended cost.
	 */
	static @Nullable BigDecimal effectiveCost(String lineItemType, BigDecimal unblended,
			@Nullable BigDecimal reservationEffective, @Nullable BigDecimal savingsPlanEffective) {
		return switch (lineItemType.toLowerCase(Locale.ROOT)) {
			case "discountedusage" -> reservationEffective;
			case "savingsplancoveredusage" -> savingsPlanEffective;
			case "savingsplannegation", "savingsplanupfrontfee" -> BigDecimal.ZERO;
			case "fee", "rifee", "savingsplanrecurringfee" -> null;
			default -> unblended;
		};
	}

	/**
	 * FOCUS service category of a product family. Only "Data Transfer" is networking
	 * usage: bytes through load balancers or NAT gateways are not counted a second time.
	 */
	static @Nullable String serviceCategory(@Nullable String productFamily) {
		if (productFamily == null) {
			return null;
		}
		String family = productFamily.toLowerCase(Locale.ROOT);
		if (family.startsWith("compute instance") || family.equals("compute") || family.startsWith("dedicated host")) {
			return "Compute";
		}
		if (family.startsWith("storage") || family.equals("system operation")
				|| family.equals("provisioned throughput")) {
			return "Storage";
		}
		if (family.equals("data transfer")) {
			return "Networking";
		}
		if (family.startsWith("database")) {
			return "Databases";
		}
		if (family.startsWith("ml instance") || family.contains("machine learning")) {
			return "AI and Machine Learning";
		}
		return null;
	}

	/** FOCUS service subcategory where the product family and service tell it. */
	static @Nullable String serviceSubcategory(@Nullable String productFamily, @Nullable String productCode) {
		if (productFamily == null) {
			return null;
		}
		String family = productFamily.toLowerCase(Locale.ROOT);
		String code = (productCode != null) ? productCode.toLowerCase(Locale.ROOT) : "";
		if (family.startsWith("compute instance")) {
			return "Virtual Machines";
		}
		if (family.equals("storage snapshot")) {
			return "Backup Storage";
		}
		if (family.equals("storage")) {
			if (code.startsWith("amazons3") || code.contains("glacier")) {
				return "Object Storage";
			}
			if (code.equals("amazonec2")) {
				return "Block Storage";
			}
			if (code.equals("amazonefs") || code.equals("amazonfsx")) {
				return "File Storage";
			}
		}
		return null;
	}

	/**
	 * A storage hint the mapper's storage type detection reads: the EBS volume API name
	 * and type (st1 and sc1 are HDD, "standard" is magnetic), snapshots (kept in object
	 * storage), or the S3 storage class.
	 */
	static @Nullable String storageClass(@Nullable String productFamily, @Nullable String volumeApiName,
			@Nullable String volumeType, @Nullable String storageClass) {
		if ("standard".equalsIgnoreCase(volumeApiName) || "Magnetic".equalsIgnoreCase(volumeType)) {
			return "Magnetic HDD (standard)";
		}
		if ("Storage Snapshot".equalsIgnoreCase(productFamily)) {
			return "snapshot in object storage";
		}
		StringBuilder hint = new StringBuilder();
		for (String part : new String[] { volumeApiName, volumeType, storageClass }) {
			if (part != null) {
				hint.append(hint.isEmpty() ? "" : " / ").append(part);
			}
		}
		return hint.isEmpty() ? null : hint.toString();
	}

	/**
	 * The region code: {@code product/regionCode} when given, else {@code product/region}
	 * or {@code product/location} when it is a code or a known display name ("US East (N.
	 * Virginia)"), else the origin region of a transfer; otherwise the name as written
	 * (the mapper reports it as unknown).
	 */
	static @Nullable String region(@Nullable String code, @Nullable String region, @Nullable String location,
			@Nullable String fromCode) {
		if (code != null) {
			return code.toLowerCase(Locale.ROOT);
		}
		for (String candidate : new String[] { region, location }) {
			if (candidate == null) {
				continue;
			}
			if (REGION_CODE.matcher(candidate.toLowerCase(Locale.ROOT)).matches()) {
				return candidate.toLowerCase(Locale.ROOT);
			}
			String mapped = RegionNames.code("aws", candidate);
			if (mapped != null) {
				return mapped;
			}
		}
		if (fromCode != null) {
			return fromCode.toLowerCase(Locale.ROOT);
		}
		return (region != null) ? region : location;
	}

	/** An availability zone's region ("eu-central-1a" is in "eu-central-1"), or null. */
	static @Nullable String regionOfZone(@Nullable String zone) {
		if (zone == null) {
			return null;
		}
		String lower = zone.strip().toLowerCase(Locale.ROOT);
		Matcher matcher = ZONE.matcher(lower);
		return matcher.matches() ? matcher.group(1) : null;
	}

	/**
	 * The usage amount's unit: {@code pricing/unit}, or, for an export without that
	 * column, hours when the usage type is an instance-hour type ({@code BoxUsage},
	 * {@code SpotUsage}, {@code DedicatedUsage}, with or without a region prefix).
	 */
	static @Nullable String unit(@Nullable String pricingUnit, @Nullable String usageType) {
		if (pricingUnit != null || usageType == null) {
			return pricingUnit;
		}
		return INSTANCE_HOURS.matcher(usageType).find() ? "Hrs" : null;
	}

	/**
	 * A tag key as GreenLedger keeps it: user-defined tags without their {@code user:}
	 * (legacy) or {@code user_} (CUR 2.0) prefix, AWS-generated tags ({@code aws:...}) as
	 * they are.
	 */
	static String tagKey(String key) {
		if (key.startsWith("user:") || key.startsWith("user_")) {
			return key.substring(5);
		}
		return key;
	}

}
