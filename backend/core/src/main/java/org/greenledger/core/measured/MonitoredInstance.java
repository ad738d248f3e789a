package org.greenledger.core.measured;

import org.jspecify.annotations.Nullable;

/**
 * The cloud instance a CPU utilization series belongs to, as the upload names it: enough
 * to find its billed usage in the ledger and its size in the instance catalog.
 *
 * @param provider aws, gcp or azure (lower case)
 * @param accountId the account (AWS account id) it runs in, or null when not given
 * @param region the provider's region code
 * @param instanceId the provider's id of the instance (EC2 {@code i-...})
 * @param instanceType the instance type as billed ({@code m5.4xlarge})
 */
public record MonitoredInstance(String provider, @Nullable String accountId, String region, String instanceId,
		String instanceType) {

}
