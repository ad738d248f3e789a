package org.greenledger.ingestion;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Maps the GPU names telemetry reports ({@code NVIDIA H100 80GB HBM3}, {@code Tesla T4},
 * {@code NVIDIA A100-SXM4-80GB}) to the accelerator keys of the factor library
 * ({@code H100-SXM}, {@code T4}, {@code A100-80GB}); unknown names map to
 * {@code GENERIC}.
 */
public final class GpuModels {

	private GpuModels() {
	}

	public static String libraryKey(@Nullable String name) {
		if (name == null) {
			return "GENERIC";
		}
		String text = name.toUpperCase(Locale.ROOT).replace("NVIDIA", "").replace("TESLA", "").strip();
		boolean pcie = text.contains("PCIE");
		if (text.startsWith("H100")) {
			return pcie ? "H100-PCIe" : "H100-SXM";
		}
		if (text.startsWith("A100")) {
			boolean large = text.contains("80G");
			return pcie ? (large ? "A100-PCIe-80GB" : "A100-PCIe-40GB") : (large ? "A100-80GB" : "A100-40GB");
		}
		if (text.startsWith("V100")) {
			return pcie ? "V100-PCIe" : "V100-SXM2";
		}
		if (text.startsWith("P100")) {
			return pcie ? "P100-PCIe" : "P100-SXM2";
		}
		for (String simple : new String[] { "H200", "B200", "L40S", "A10G", "A10", "L4", "T4", "K80" }) {
			if (text.equals(simple) || text.startsWith(simple + " ") || text.startsWith(simple + "-")) {
				return simple;
			}
		}
		if (text.contains("MI300X")) {
			return "MI300X";
		}
		return "GENERIC";
	}

}
