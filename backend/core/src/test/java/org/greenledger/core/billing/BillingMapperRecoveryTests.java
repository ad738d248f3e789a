package org.greenledger.core.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.catalog.SpendCategories;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.TestFactorLibraries;
import org.greenledger.core.footprint.Usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What real exports leave out of their columns is recovered by the mapper: instance-hours
 * whose type is only in the words of the row become vCPU and memory hours that say where
 * the type was read; transfer billed under a compute service becomes network GB; storage
 * in "GB/Month" is storage.
 */
class BillingMapperRecoveryTests {

	private static final FactorLibrary LIBRARY = TestFactorLibraries.shipped();

	private final BillingMapper mapper = new BillingMapper(InstanceCatalog.shipped(),
			key -> LIBRARY.region(key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1)).isPresent(),
			InstanceHours.Hardware.of(LIBRARY), SpendCategories.shipped());

	@Test
	void instanceHoursNamedOnlyInTheChargeDescriptionAreVcpuHoursWithTheirSource() {
		List<SourceLine> lines = this.mapper.map(row("Compute", "3", "Hours",
				Map.of("ChargeDescription", "$0.34 per On Demand Linux c5.2xlarge Instance Hour")));

		assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
		Usage.VcpuHours vcpu = (Usage.VcpuHours) lines.get(0).usage();
		// c5.2xlarge: 8 vCPUs x 3 h
		assertThat(vcpu.hours().hours()).isCloseTo(24.0, within(1e-9));
		assertThat(lines).allSatisfy(
				line -> assertThat(line.usageSource()).isEqualTo("instance type c5.2xlarge from ChargeDescription"));
	}

	@Test
	void transferInGbBilledUnderEc2IsNetworkTransfer() {
		List<SourceLine> lines = this.mapper.map(row("Compute", "45", "GB", Map.of("ChargeDescription",
				"$0.09 per GB - first 10 TB / month data transfer out beyond the global free tier")));

		assertThat(lines).singleElement()
			.satisfies(line -> assertThat(((Usage.NetworkTransfer) line.usage()).transferred().gigabytes())
				.isCloseTo(45.0, within(1e-9)));
	}

	@Test
	void storageInGbPerMonthIsStorage() {
		List<SourceLine> lines = this.mapper.map(row("Storage", "10", "GB/Month", Map.of()));

		assertThat(lines).singleElement()
			.satisfies(line -> assertThat(line.usage()).isInstanceOf(Usage.StorageHours.class));
	}

	private static BillingRow row(String category, String quantity, String unit, Map<String, String> hints) {
		Instant start = Instant.parse("2024-09-01T00:00:00Z");
		return new BillingRow(1, "Usage", null, start, start.plusSeconds(3600), new BigDecimal("1.02"), null, "USD",
				"AWS", category, null, "Amazon Elastic Compute Cloud", "us-east-1", "123456789012", null, null,
				new BigDecimal(quantity), unit, new BigDecimal(quantity), unit, Map.of(), Map.of(), hints);
	}

}
