package org.greenledger.core.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance type of an instance-hours row is found wherever real exports put it, and
 * the place is named; a type read from words is taken only for compute and only when the
 * catalog knows it.
 */
class InstanceTypesTests {

	private static final Set<String> CATALOG = Set.of("aws|c5.2xlarge", "aws|m5.large", "aws|r5.xlarge", "aws|t3.small",
			"aws|t3.micro", "azure|standard_d2_v3", "azure|standard_ds4_v2", "azure|standard_b1s");

	private static final BiPredicate<String, String> KNOWN = (provider, name) -> CATALOG
		.contains(provider + "|" + name.toLowerCase(java.util.Locale.ROOT));

	@Test
	void aSkuPriceDetailsKeyNamesTheType() {
		assertThat(find(row("Compute", "Amazon EC2", Map.of("InstanceType", "m5.large"), Map.of()), "aws"))
			.contains(new InstanceTypes.Found("m5.large", "SkuPriceDetails.InstanceType"));
	}

	@Test
	void aFocus10ChargeDescriptionNamesTheType() {
		assertThat(find(row("Compute", "Amazon Elastic Compute Cloud", Map.of(),
				Map.of("ChargeDescription", "$0.34 per On Demand Linux c5.2xlarge Instance Hour")), "aws"))
			.contains(new InstanceTypes.Found("c5.2xlarge", "ChargeDescription"));
		assertThat(InstanceTypes.fromDescription("USD 0.0 hourly fee per Linux/UNIX (Amazon VPC), m5.large instance"))
			.isEqualTo("m5.large");
		assertThat(InstanceTypes.fromDescription("$0.0309 per Linux m5.large Spot Instance-hour"))
			.isEqualTo("m5.large");
	}

	@Test
	void usageTypesWithRegionPrefixesAndSpotOrDedicatedVariantsNameTheType() {
		for (String usageType : new String[] { "BoxUsage:c5.2xlarge", "USE1-BoxUsage:c5.2xlarge",
				"APS2-SpotUsage:c5.2xlarge", "EUC1-DedicatedUsage:c5.2xlarge" }) {
			assertThat(find(row("Compute", "Amazon Elastic Compute Cloud", Map.of(), Map.of("x_UsageType", usageType)),
					"aws"))
				.as(usageType)
				.contains(new InstanceTypes.Found("c5.2xlarge", "x_UsageType"));
		}
		assertThat(find(row(null, "Amazon Elastic Compute Cloud", Map.of(),
				Map.of("line_item_usage_type", "BoxUsage:t3.small")), "aws"))
			.contains(new InstanceTypes.Found("t3.small", "line_item_usage_type"));
	}

	@Test
	void aBandwidthAllowanceADatabaseOrAnUnknownTypeIsNotAVirtualMachine() {
		assertThat(find(
				row("Compute", "Amazon Elastic Compute Cloud", Map.of(),
						Map.of("ChargeDescription", "$0.00 for 175 Mbps per t3.micro instance-hour (or partial hour)")),
				"aws"))
			.isEmpty();
		assertThat(find(row("Databases", "Amazon Relational Database Service", Map.of(),
				Map.of("ChargeDescription", "$0.017 per RDS db.t3.micro Instance Hour")), "aws"))
			.isEmpty();
		assertThat(find(row("Compute", "Amazon Elastic Compute Cloud", Map.of(),
				Map.of("x_UsageType", "USE1-BoxUsage:zz9.huge")), "aws"))
			.isEmpty();
	}

	@Test
	void columnsThatNameTheTypeWinAndAreNamedAsInTheFile() {
		assertThat(find(row("Compute", "Amazon Elastic Compute Cloud", Map.of(),
				Map.of("product/instanceType", "r5.xlarge", "lineItem/UsageType", "BoxUsage:m5.large")), "aws"))
			.contains(new InstanceTypes.Found("r5.xlarge", "product/instanceType"));
		assertThat(find(
				row("Compute", "Virtual Machines", Map.of(),
						Map.of("AdditionalInfo.ServiceType", "Standard_D2s_v3", "MeterCategory", "Virtual Machines")),
				"azure"))
			.contains(new InstanceTypes.Found("Standard_D2s_v3", "AdditionalInfo.ServiceType"));
	}

	@Test
	void anAzureVirtualMachineMeterNamesTheSize() {
		assertThat(find(row("Compute", "Virtual Machines", Map.of(),
				Map.of("MeterCategory", "Virtual Machines", "MeterName", "D2 v3/D2s v3")), "azure"))
			.contains(new InstanceTypes.Found("Standard_D2_v3", "MeterName"));
		assertThat(InstanceTypes.azureMeter(Map.of("MeterCategory", "Virtual Machines", "MeterName", "DS4 v2 Spot")))
			.isEqualTo("Standard_DS4_v2");
		assertThat(InstanceTypes.azureMeter(Map.of("MeterCategory", "Virtual Machines", "MeterName", "B1s")))
			.isEqualTo("Standard_B1s");
		assertThat(InstanceTypes.azureMeter(Map.of("MeterCategory", "Storage", "MeterName", "P6 LRS Disk"))).isNull();
	}

	private static Optional<InstanceTypes.Found> find(BillingRow row, String provider) {
		return InstanceTypes.of(row, provider, KNOWN);
	}

	static BillingRow row(String serviceCategory, String serviceName, Map<String, String> details,
			Map<String, String> hints) {
		Instant start = Instant.parse("2024-09-01T00:00:00Z");
		return new BillingRow(1, "Usage", null, start, start.plusSeconds(3600), new BigDecimal("0.34"), null, "USD",
				"AWS", serviceCategory, null, serviceName, "us-east-1", "123456789012", null, null, BigDecimal.ONE,
				"Hours", BigDecimal.ONE, "Hours", details, Map.of(), hints);
	}

}
