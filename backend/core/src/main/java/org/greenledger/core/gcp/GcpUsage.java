package org.greenledger.core.gcp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.BillingMapper;

/**
 * What a Google Cloud billing row measures, in the units the mapper reads. Google writes
 * usage in base units ({@code usage.unit}): {@code seconds} become hours,
 * {@code byte-seconds} GB-hours and {@code bytes} GB (decimal: 10^9 bytes); other units
 * ({@code requests}, {@code count}, ...) are kept as they are.
 * <p>
 * Compute Engine bills a VM as separate vCPU ("... Instance Core running in ...") and
 * memory ("... Instance Ram ...") rows, both labelled with the machine type
 * ({@code compute.googleapis.com/machine_spec}). The vCPU row carries the instance: its
 * vCPU-seconds divided by the machine's vCPUs ({@code compute.googleapis.com/cores}) give
 * instance-hours, which the mapper turns into vCPU, memory and accelerator hours from the
 * instance catalog. The memory row and per-GPU rows of the same VM therefore keep their
 * base unit and become cost-only lines, so nothing is counted twice.
 */
final class GcpUsage {

	static final String MACHINE_SPEC = "compute.googleapis.com/machine_spec";

	static final String CORES = "compute.googleapis.com/cores";

	private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

	private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1_000_000_000L);

	private static final Pattern CORE = Pattern.compile("\\b(core|cores|vcpu)\\b");

	private static final Pattern MEMORY = Pattern.compile("\\b(ram|memory)\\b");

	private static final Pattern NETWORK = Pattern
		.compile("egress|ingress|network|interconnect|transfer|download|\\bcdn\\b|\\bvpn\\b");

	/**
	 * What a VM's memory row (and an accelerator-optimized VM's GPU row) is counted with.
	 */
	static final String VM_ROW = "the vCPU row of the same VM (instance-hours give vCPU, memory and GPU hours)";

	private static final Pattern ACCELERATOR_MACHINE = Pattern.compile("(a2|a3|a4|g2)-");

	private GcpUsage() {
	}

	/**
	 * @param quantity the usage in the unit below
	 * @param unit Hours, GB-Hours, GB, or the export's own unit
	 * @param category FOCUS service category, when the row tells it
	 * @param subcategory FOCUS service subcategory, when the row tells it
	 * @param details SKU properties for the mapper (MachineType, StorageClass)
	 */
	record Converted(@Nullable BigDecimal quantity, @Nullable String unit, @Nullable String category,
			@Nullable String subcategory, Map<String, String> details) {
	}

	static Converted convert(@Nullable BigDecimal amount, @Nullable String unit, @Nullable String sku,
			Map<String, String> systemLabels) {
		if (amount == null || unit == null) {
			return new Converted(amount, unit, null, null, Map.of());
		}
		String description = (sku != null) ? sku.toLowerCase(Locale.ROOT) : "";
		String machine = systemLabels.get(MACHINE_SPEC);
		return switch (unit.strip().toLowerCase(Locale.ROOT)) {
			case "seconds" -> seconds(amount, description, machine, systemLabels.get(CORES));
			case "byte-seconds" -> MEMORY.matcher(description).find()
					? new Converted(amount, unit, (machine != null) ? "Compute" : null, null,
							(machine != null) ? Map.of(BillingMapper.COVERED_BY, VM_ROW) : Map.of())
					: new Converted(divide(amount, BYTES_PER_GB.multiply(SECONDS_PER_HOUR)), "GB-Hours", "Storage",
							null, Map.of("StorageClass", storageClass(sku)));
			case "bytes" -> new Converted(divide(amount, BYTES_PER_GB), "GB",
					NETWORK.matcher(description).find() ? "Networking" : null, null, Map.of());
			default -> new Converted(amount, unit, null, null, Map.of());
		};
	}

	private static Converted seconds(BigDecimal seconds, String description, @Nullable String machine,
			@Nullable String coresLabel) {
		BigDecimal hours = divide(seconds, SECONDS_PER_HOUR);
		if (machine == null) {
			return new Converted(hours, "Hours", null, null, Map.of());
		}
		boolean licence = description.contains("licens") || description.contains("commitment");
		if (!licence && CORE.matcher(description).find()) {
			BigDecimal cores = cores(coresLabel);
			if (cores == null) {
				return new Converted(hours, "vCPU-Hours", "Compute", "Virtual Machines", Map.of());
			}
			Map<String, String> details = new LinkedHashMap<>();
			details.put("MachineType", machine);
			details.put("CoreCount", coresLabel.strip());
			return new Converted(divide(hours, cores), "Hours", "Compute", "Virtual Machines", details);
		}
		if (!licence && (description.contains("micro instance") || description.contains("small instance"))) {
			return new Converted(hours, "Hours", "Compute", "Virtual Machines", Map.of("MachineType", machine));
		}
		if (description.contains("gpu") && ACCELERATOR_MACHINE.matcher(machine).lookingAt()) {
			// accelerator-optimized machines: the catalog gives their GPUs
			return new Converted(hours, "Hours", "Compute", null, Map.of(BillingMapper.COVERED_BY, VM_ROW));
		}
		return new Converted(hours, "Hours", "Compute", null, Map.of());
	}

	private static @Nullable BigDecimal cores(@Nullable String label) {
		if (label == null) {
			return null;
		}
		try {
			BigDecimal cores = new BigDecimal(label.strip());
			return (cores.signum() > 0) ? cores : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * A hint for the mapper's storage type: SSD-backed disks (SSD, balanced, extreme,
	 * Hyperdisk) are SSD; standard persistent disk capacity and snapshots are HDD; Cloud
	 * Storage classes are told by the service name.
	 */
	private static String storageClass(@Nullable String sku) {
		if (sku == null) {
			return "";
		}
		String description = sku.toLowerCase(Locale.ROOT);
		if (description.contains("ssd") || description.contains("balanced") || description.contains("extreme")
				|| description.contains("hyperdisk")) {
			return "SSD: " + sku;
		}
		if (description.contains("pd capacity") || description.contains("snapshot")) {
			return "HDD: " + sku;
		}
		return sku;
	}

	/**
	 * The FOCUS charge category of a {@code cost_type}: regular rows are usage (or a
	 * purchase for committed use fees), tax is tax, adjustments and rounding errors are
	 * adjustments; null when the type is unknown. Rows of exports without the column are
	 * regular.
	 */
	static @Nullable String chargeCategory(@Nullable String costType, @Nullable String sku) {
		String type = (costType != null) ? costType.toLowerCase(Locale.ROOT) : "regular";
		return switch (type) {
			case "regular" ->
				(sku != null && sku.toLowerCase(Locale.ROOT).startsWith("commitment")) ? "Purchase" : "Usage";
			case "tax" -> "Tax";
			case "adjustment", "rounding_error" -> "Adjustment";
			default -> null;
		};
	}

	private static BigDecimal divide(BigDecimal value, BigDecimal by) {
		return value.divide(by, MathContext.DECIMAL64);
	}

}
