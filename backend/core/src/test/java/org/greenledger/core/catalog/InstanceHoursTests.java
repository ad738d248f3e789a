package org.greenledger.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.MappedLines;
import org.greenledger.core.footprint.CloudInstance;
import org.greenledger.core.footprint.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instance-hours become the same usage lines whether they come from a bill (FOCUS mapper)
 * or from the calculator (the shared mapping).
 */
class InstanceHoursTests {

	private final InstanceHours instances = new InstanceHours(InstanceCatalog.shipped(), new InstanceHours.Hardware() {
		@Override
		public boolean knowsMicroarchitecture(String microarchitecture) {
			return true;
		}

		@Override
		public boolean knowsAccelerator(String model) {
			return true;
		}
	});

	@Test
	void aBillsInstanceHoursAndTheSharedMappingGiveIdenticalUsages() {
		for (String type : List.of("m5.xlarge", "p4d.24xlarge", "p5.48xlarge")) {
			InstanceHours.Mapped mapped = (InstanceHours.Mapped) this.instances.map("aws", type, 3);
			assertThat(MappedLines.usages(row(type, "3")))
				.containsExactlyElementsOf(mapped.lines().stream().map(InstanceHours.Line::usage).toList());
		}
	}

	@Test
	void theVcpuLineCarriesTheInstanceAndAGpuInstancesAcceleratorsAreMarked() {
		InstanceHours.Mapped mapped = (InstanceHours.Mapped) this.instances.map("aws", "p4d.24xlarge", 1);
		Usage.VcpuHours vcpu = (Usage.VcpuHours) mapped.lines().get(0).usage();
		assertThat(vcpu.instance()).isEqualTo(new CloudInstance("aws", "p4d.24xlarge", 96, 96, 1152, 8));
		assertThat(vcpu.hours().hours()).isEqualTo(96);
		Usage.AcceleratorHours gpus = (Usage.AcceleratorHours) mapped.lines().get(2).usage();
		assertThat(gpus.inCloudInstance()).isTrue();
		assertThat(gpus.hours().hours()).isEqualTo(8);
	}

	@Test
	void anUnknownTypeIsUnmappedAndTheCatalogSuggestsTheClosestNames() {
		assertThat(this.instances.map("aws", "m5.xlarg", 1))
			.isEqualTo(new InstanceHours.Unmapped("instance type 'm5.xlarg' is not in the instance catalog", true));
		assertThat(InstanceCatalog.shipped().closest("aws", "m5.xlarg", 3)).first().isEqualTo("m5.xlarge");
		assertThat(InstanceCatalog.shipped().closest("gcp", "n2-standrd-4", 3)).contains("n2-standard-4");
	}

	private static BillingRow row(String type, String hours) {
		Instant start = Instant.parse("2024-03-01T00:00:00Z");
		return new BillingRow(1, "Usage", null, start, start.plusSeconds(3600), new BigDecimal("1.00"), null, "USD",
				"AWS", "Compute", null, "Amazon Elastic Compute Cloud", "us-east-1", "acct", null, null,
				new BigDecimal(hours), "Hours", null, null, Map.of("InstanceType", type), Map.of());
	}

}
