package org.greenledger.core.billing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfer billed under a compute service is recognised by its usage type or description;
 * bytes processed by a NAT gateway are not transfer.
 */
class DataTransfersTests {

	@Test
	void interRegionAndInternetTransferUnderEc2IsTransfer() {
		for (Map<String, String> hints : new Map[] { Map.of("x_UsageType", "USE2-DataTransfer-Out-Bytes"),
				Map.of("x_UsageType", "USE1-USW2-AWS-Out-Bytes"),
				Map.of("lineItem/UsageType", "DataTransfer-Regional-Bytes"),
				Map.of("ChargeDescription", "$0.085 per GB - next 40 TB / month data transfer out"),
				Map.of("ChargeDescription", "$0.02 per GB - EU (London) data transfer to US West (Oregon)") }) {
			assertThat(DataTransfers.isTransfer(row(hints))).as(hints.toString()).isTrue();
		}
	}

	@Test
	void bytesProcessedByANatGatewayOrAnUnrelatedRowAreNotTransfer() {
		assertThat(DataTransfers.isTransfer(row(Map.of("x_UsageType", "USE1-NatGateway-Bytes", "ChargeDescription",
				"$0.045 per GB Data Processed by NAT Gateways"))))
			.isFalse();
		assertThat(
				DataTransfers.isTransfer(row(Map.of("ChargeDescription", "$0.10 per GB-month of General Purpose SSD"))))
			.isFalse();
		assertThat(DataTransfers.isTransfer(row(Map.of()))).isFalse();
	}

	private static BillingRow row(Map<String, String> hints) {
		return InstanceTypesTests.row("Compute", "Amazon Elastic Compute Cloud", Map.of(), hints);
	}

}
