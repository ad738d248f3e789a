package org.greenledger.core.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A cloud instance type's hardware, from the shipped instance catalog.
 *
 * @param provider aws, gcp or azure
 * @param name the type as billed
 * @param vcpus virtual CPUs
 * @param memoryGb memory in GB
 * @param gpuModel accelerator model key, or null
 * @param gpuCount accelerators per instance
 * @param microarchitecture CPU microarchitecture key, or null when unknown
 * @param hostVcpus vCPUs of the family's largest size (its share of the host)
 */
public record InstanceType(String provider, String name, int vcpus, double memoryGb, @Nullable String gpuModel,
		int gpuCount, @Nullable String microarchitecture, int hostVcpus) {

}
