package org.greenledger.core.awscur;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CUR without {@code product/region} or {@code pricing/unit} (exports trimmed to a few
 * columns) still tells the region by its availability zone and hours by its usage type.
 */
class CurValuesTests {

	@Test
	void theRegionOfAnAvailabilityZone() {
		assertThat(CurValues.regionOfZone("eu-central-1a")).isEqualTo("eu-central-1");
		assertThat(CurValues.regionOfZone("us-gov-west-1b")).isEqualTo("us-gov-west-1");
		assertThat(CurValues.regionOfZone("use1-az1")).isNull();
		assertThat(CurValues.regionOfZone(null)).isNull();
	}

	@Test
	void instanceHourUsageTypesAreHoursWhenThePricingUnitIsMissing() {
		assertThat(CurValues.unit(null, "BoxUsage:t3.small")).isEqualTo("Hrs");
		assertThat(CurValues.unit(null, "USE1-SpotUsage:m5.large")).isEqualTo("Hrs");
		assertThat(CurValues.unit("GB", "BoxUsage:t3.small")).as("the column wins").isEqualTo("GB");
		assertThat(CurValues.unit(null, "USE1-DataTransfer-Out-Bytes")).isNull();
	}

}
