package org.greenledger.core.billing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds the instance type of an instance-hours row in every place real exports put it,
 * and says which: a column or SKU detail that names it (FOCUS {@code SkuPriceDetails}
 * keys, CUR {@code product/instanceType}, Azure {@code AdditionalInfo} ServiceType, the
 * Google machine_spec label), else the usage type ({@code x_UsageType} or the CUR's
 * {@code lineItem/UsageType}: "USE1-BoxUsage:c5.2xlarge", spot and dedicated variants),
 * else the charge description ("$0.34 per On Demand Linux c5.2xlarge Instance Hour"),
 * else an Azure virtual machine meter ("D2 v3/D2s v3" of the "Virtual Machines"
 * category). A type read from a usage type, a description or a meter is taken only for a
 * compute service and only when the instance catalog knows it, so that a database's
 * "db.t3.micro" or a bandwidth allowance "per c6a.4xlarge instance-hour" is never counted
 * as a virtual machine.
 */
final class InstanceTypes {

	/** Cells that name the instance type, as readers put them in the row's hints. */
	private static final List<String> NAMING_HINTS = List.of("product/instanceType", "product_instance_type",
			"product.instance_type", "AdditionalInfo.ServiceType", "system_labels.compute.googleapis.com/machine_spec");

	/** FOCUS SkuPriceDetails keys (and provider variants) that name the instance type. */
	private static final List<String> DETAIL_KEYS = List.of("InstanceType", "MachineType", "VMSize", "VmSize",
			"ArmSkuName", "x_InstanceType");

	/**
	 * Where a type read from each of {@link #DETAIL_KEYS} was found (one instance each).
	 */
	private static final List<String> DETAIL_SOURCES = DETAIL_KEYS.stream()
		.map(key -> "SkuPriceDetails." + key)
		.toList();

	private static final List<String> USAGE_TYPE_HINTS = List.of("x_SkuDetails.ServiceType", "x_UsageType",
			"lineItem/UsageType", "line_item_usage_type");

	private static final List<String> DESCRIPTION_HINTS = List.of("ChargeDescription", "lineItem/LineItemDescription",
			"line_item_line_item_description", "x_SkuDescription", "SkuMeter");

	/** AWS instance-hour usage types: [region-]BoxUsage|SpotUsage|DedicatedUsage:type. */
	private static final Pattern USAGE_TYPE = Pattern.compile(
			"(?:^|-)(?:BoxUsage|SpotUsage|DedicatedUsage|HostBoxUsage|SchedUsage|ReservedHostUsage):([a-z][a-z0-9-]*\\.[a-z0-9-]+)$",
			Pattern.CASE_INSENSITIVE);

	private static final String TYPE = "(?<![\\w.])([a-z][a-z0-9-]*\\.[a-z0-9-]*(?:nano|micro|small|medium|large|metal)[a-z0-9-]*)";

	/** "... Linux c5.2xlarge Instance Hour", "... m5.large Spot Instance-hour". */
	private static final Pattern INSTANCE_HOUR = Pattern
		.compile(TYPE + "\\s+(?:(?:Spot|Dedicated|Reserved)\\s+)?Instance[ -]?Hour", Pattern.CASE_INSENSITIVE);

	/** "... per Linux/UNIX (Amazon VPC), m5.large instance" (reservations, spot). */
	private static final Pattern PER_INSTANCE = Pattern
		.compile(",\\s+" + TYPE + "\\s+(?:(?:Spot|Dedicated)\\s+)?instance\\b", Pattern.CASE_INSENSITIVE);

	/** An Azure meter name: "D2 v3/D2s v3", "DS4 v2 Spot", "L4s Low Priority", "B1s". */
	private static final Pattern AZURE_METER = Pattern
		.compile("^\\s*([A-Z][A-Za-z0-9-]*(?:\\s+v\\d+)?)(?:\\s+(?:Spot|Low Priority))?\\s*(?:/.*)?$");

	private InstanceTypes() {
	}

	/**
	 * An instance type and where it was read.
	 *
	 * @param name the type as the catalog names it
	 * @param from the column, SKU detail or hint it was read from, for the lineage
	 */
	record Found(String name, String from) {
	}

	/**
	 * The row's instance type and where it was found, or empty.
	 * @param record the row
	 * @param provider the normalized provider (aws, azure, gcp)
	 * @param known whether the catalog knows a (provider, type)
	 */
	static Optional<Found> of(BillingRow record, String provider, BiPredicate<String, String> known) {
		Map<String, String> hints = record.hints();
		for (String hint : NAMING_HINTS) {
			String value = text(hints.get(hint));
			if (value != null) {
				return Optional.of(new Found(value, hint));
			}
		}
		for (int i = 0; i < DETAIL_KEYS.size(); i++) {
			String value = text(record.skuPriceDetails().get(DETAIL_KEYS.get(i)));
			if (value != null) {
				return Optional.of(new Found(value, DETAIL_SOURCES.get(i)));
			}
		}
		if (!isCompute(record)) {
			return Optional.empty();
		}
		for (String hint : USAGE_TYPE_HINTS) {
			String value = text(hints.get(hint));
			Matcher matcher = (value != null) ? USAGE_TYPE.matcher(value) : null;
			if (matcher != null && matcher.find() && known.test(provider, matcher.group(1))) {
				return Optional.of(new Found(matcher.group(1), hint));
			}
		}
		for (String hint : DESCRIPTION_HINTS) {
			String name = fromDescription(text(hints.get(hint)));
			if (name != null && known.test(provider, name)) {
				return Optional.of(new Found(name, hint));
			}
		}
		String azure = azureMeter(hints);
		if (azure != null && known.test(provider, azure)) {
			return Optional.of(new Found(azure, "MeterName"));
		}
		return Optional.empty();
	}

	/** The instance type an instance-hour description names, or null. */
	static @Nullable String fromDescription(@Nullable String description) {
		if (description == null || description.contains("Mbps") || description.contains("EBS")) {
			return null;
		}
		for (Pattern pattern : List.of(INSTANCE_HOUR, PER_INSTANCE)) {
			Matcher matcher = pattern.matcher(description);
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		return null;
	}

	/** The Azure VM size a "Virtual Machines" meter names ("Standard_D2_v3"), or null. */
	static @Nullable String azureMeter(Map<String, String> hints) {
		String category = text(hints.get("MeterCategory"));
		String meter = text(hints.get("MeterName"));
		if (meter == null || !"virtual machines".equalsIgnoreCase(category)) {
			return null;
		}
		Matcher matcher = AZURE_METER.matcher(meter);
		return matcher.matches() ? "Standard_" + matcher.group(1).replaceAll("\\s+", "_") : null;
	}

	private static boolean isCompute(BillingRow record) {
		String category = (record.serviceCategory() != null) ? record.serviceCategory().toLowerCase(Locale.ROOT) : "";
		String service = (record.serviceName() != null) ? record.serviceName().toLowerCase(Locale.ROOT) : "";
		return category.equals("compute") || service.contains("elastic compute cloud") || service.equals("amazonec2")
				|| service.equals("virtual machines");
	}

	private static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
