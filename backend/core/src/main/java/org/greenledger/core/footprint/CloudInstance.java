package org.greenledger.core.footprint;

/**
 * A cloud instance type as far as its host server's embodied emissions are concerned:
 * which type, and its share of the host (instance vCPUs / host vCPUs).
 *
 * @param provider aws, gcp or azure
 * @param type the instance type as billed
 * @param vcpus the instance's vCPUs
 * @param hostVcpus the host server's vCPUs (the family's largest size)
 * @param memoryGb the instance's memory
 * @param gpus the instance's accelerators
 */
public record CloudInstance(String provider, String type, int vcpus, int hostVcpus, double memoryGb, int gpus) {

	public CloudInstance {
		if (vcpus < 1 || hostVcpus < 1) {
			throw new IllegalArgumentException(
					"Instance and host vCPUs must be at least 1, but were " + vcpus + " and " + hostVcpus);
		}
	}

	/**
	 * The instance's share of its host: vCPUs / host vCPUs, at most 1 (an instance never
	 * reserves more than the whole host).
	 */
	public double hostShare() {
		return Math.min(1.0, this.vcpus / (double) this.hostVcpus);
	}

}
