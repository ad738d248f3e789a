package org.greenledger.core.factors;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.CloudInstance;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Embodied emissions of cloud instance-hours with the shipped factors, against hand
 * calculations: M = host TE x (instance vCPUs / host vCPUs) x hours / (4 years x 8760 h),
 * CCF's method; a GPU instance's GPUs on its accelerator line with the model's figure.
 */
class CloudEmbodiedTests {

	private static final double LIFE_HOURS = 4 * 8760;

	private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

	private final FootprintEngine engine = new FootprintEngine(new LibraryFactorLookup(FactorLibraryTests.LIBRARY));

	@Test
	void anM5XlargeHourCarriesItsShareOfTheCcfHost() {
		// HOST:aws:m5.xlarge 1610.79 kg x 4/96 x 1 h / 35,040 h = 0.0019154 kg
		ImpactLine vcpu = calculate(vcpu(instance("aws", "m5.xlarge", 4, 96, 16, 0), "Skylake", 1));
		assertThat(vcpu.embodied().kilograms()).isCloseTo(1610.79 * 4 / 96 / LIFE_HOURS, within(1e-12));
		assertThat(vcpu.embodied().kilograms()).isCloseTo(0.0019154, within(1e-7));
		assertThat(vcpu.embodiedRange().low()).isEqualTo(vcpu.embodied());
		assertThat(vcpu.embodiedRange().high()).isEqualTo(vcpu.embodied());
		// 4 vCPU-h x (0.65 + 0.5 x (4.26 - 0.65)) W = 9.82 Wh
		assertThat(vcpu.itEnergy().kilowattHours()).isCloseTo(0.00982, within(1e-12));
		assertThat(vcpu.factors()).extracting(FactorReference::kind, FactorReference::key, FactorReference::dataset)
			.contains(org.assertj.core.groups.Tuple.tuple("EMBODIED", "HOST:aws:m5.xlarge", "ccf-embodied-instances"),
					org.assertj.core.groups.Tuple.tuple("LIFESPAN", "CLOUD_SERVER", "ccf-embodied-instances"));
	}

	@Test
	void gcpAndAzureTypesUseTheirCcfHostsToo() {
		// HOST:gcp:n2-standard-4 1888.46 kg (CCF mean) x 4/128;
		// HOST:azure:Standard_D4s_v3
		// 1483.12 kg x 4/64
		assertThat(calculate(vcpu(instance("gcp", "n2-standard-4", 4, 128, 16, 0), "Cascade Lake", 1)).embodied()
			.kilograms()).isCloseTo(1888.46 * 4 / 128 / LIFE_HOURS, within(1e-12));
		assertThat(calculate(vcpu(instance("azure", "Standard_D4s_v3", 4, 64, 16, 0), "Cascade Lake", 1)).embodied()
			.kilograms()).isCloseTo(1483.12 * 4 / 64 / LIFE_HOURS, within(1e-12));
	}

	@Test
	void aP4dHourCountsTheHostWithoutGpusAndEachA100WithItsOwnFigureAndRange() {
		CloudInstance p4d = instance("aws", "p4d.24xlarge", 96, 96, 1152, 8);
		ImpactLine host = calculate(vcpu(p4d, "Cascade Lake", 1));
		// (4676.79 - 1200 CCF GPU part) kg / 35,040 h = 0.0992235 kg
		assertThat(host.embodied().kilograms()).isCloseTo((4676.79 - 1200) / LIFE_HOURS, within(1e-12));
		assertThat(host.factors()).extracting(FactorReference::key)
			.contains("HOST:aws:p4d.24xlarge", "HOST_GPUS:aws:p4d.24xlarge");
		ImpactLine gpus = calculate(new Usage.AcceleratorHours(TimeSpan.ofHours(8), "A100-40GB", null, null, true));
		// 8 x 127.6 kg (Falk et al. 2025) / 35,040 h; range up to 8 x 150 kg (Luccioni et
		// al.)
		assertThat(gpus.embodied().kilograms()).isCloseTo(8 * 127.6 / LIFE_HOURS, within(1e-12));
		assertThat(gpus.embodiedRange().low().kilograms()).isCloseTo(8 * 127.6 / LIFE_HOURS, within(1e-12));
		assertThat(gpus.embodiedRange().high().kilograms()).isCloseTo(8 * 150 / LIFE_HOURS, within(1e-12));
		assertThat(gpus.factors()).extracting(FactorReference::key)
			.contains("GPU:A100-40GB", "CLOUD_SERVER")
			.doesNotContain("SERVER_BASELINE");
		// 8 GPU-h x (46 + 0.5 x (400 - 46)) W = 1.784 kWh
		assertThat(gpus.itEnergy().kilowattHours()).isCloseTo(1.784, within(1e-9));
		double instanceHour = host.embodied().kilograms() + gpus.embodied().kilograms();
		assertThat(instanceHour).isCloseTo(0.1283559, within(1e-7));
	}

	@Test
	void aP5HourWithoutACcfHostUsesTheFlaggedComponentMethodAndTheH100Pcf() {
		CloudInstance p5 = instance("aws", "p5.48xlarge", 192, 192, 2048, 8);
		ImpactLine host = calculate(vcpu(p5, "EPYC 3rd Gen", 1));
		// 1000 baseline + 100 second CPU + 1.388021 kg/GB x (2048 - 16) GB = 3920.4587 kg
		double components = 1000 + 100 + 1.388021 * (2048 - 16);
		assertThat(host.embodied().kilograms()).isCloseTo(components / LIFE_HOURS, within(1e-12));
		assertThat(host.factors()).anySatisfy(reference -> {
			assertThat(reference.dataset()).isEqualTo("derived");
			assertThat(reference.quality()).isEqualTo(DataQuality.DEFAULT_PROXY);
			assertThat(reference.source()).contains("Component method", "not in the CCF embodied coefficients");
		});
		ImpactLine gpus = calculate(new Usage.AcceleratorHours(TimeSpan.ofHours(8), "H100-SXM", null, null, true));
		// 8 x 164 kg (1312 kg HGX H100 PCF / 8) / 35,040 h; high 8 x 273 kg (EcoLogits)
		assertThat(gpus.embodied().kilograms()).isCloseTo(8 * 164 / LIFE_HOURS, within(1e-12));
		assertThat(gpus.embodiedRange().high().kilograms()).isCloseTo(8 * 273 / LIFE_HOURS, within(1e-12));
		assertThat(host.embodied().kilograms() + gpus.embodied().kilograms()).isCloseTo(0.1493282, within(1e-7));
	}

	@Test
	void acceleratorHoursOutsideAnInstanceKeepTheServerShareAndTpusWithHostFiguresStandAlone() {
		ImpactLine bloomLike = calculate(new Usage.AcceleratorHours(TimeSpan.ofHours(1), "A100-80GB", null, null));
		assertThat(bloomLike.factors()).extracting(FactorReference::key).contains("GPU:A100-80GB", "SERVER_BASELINE");
		ImpactLine tpu = calculate(new Usage.AcceleratorHours(TimeSpan.ofHours(1), "TPU-v6e",
				org.greenledger.core.footprint.Power.ofWatts(200), null));
		// 692 kg per TPU v6e with its host share (Schneider et al. 2025) / (6 y x 8760 h
		// x 0.85)
		assertThat(tpu.embodied().kilograms()).isCloseTo(692 / (6 * 8760 * 0.85), within(1e-12));
		assertThat(tpu.embodiedRange().high().kilograms()).isCloseTo(766.75 / (6 * 8760 * 0.85), within(1e-12));
		assertThat(tpu.factors()).extracting(FactorReference::key)
			.contains("GPU+HOST:TPU-v6e")
			.doesNotContain("SERVER_BASELINE");
	}

	@Test
	void vcpuHoursOfNoKnownInstanceHaveNoEmbodiedAndMemoryNeverHas() {
		assertThat(calculate(new Usage.VcpuHours(TimeSpan.ofHours(10), "Skylake", null)).embodied().kilograms())
			.isZero();
		assertThat(
				calculate(new Usage.MemoryHours(DataSize.ofGigabytes(16), TimeSpan.ofHours(1))).embodied().kilograms())
			.isZero();
	}

	@Test
	void everyAiHardwareFigureHasALowAndHighAroundIt() {
		List<FactorValue> central = FactorLibraryTests.LIBRARY
			.search(FactorKind.EMBODIED, null, null, "ai-hardware-embodied")
			.toList();
		assertThat(central).extracting(FactorValue::key)
			.contains("GPU:H100-SXM", "GPU:H100-PCIe", "GPU:H200", "GPU:B200", "GPU:MI300X", "GPU:L4", "GPU:L40S",
					"GPU:A100-40GB", "GPU+HOST:TPU-v5p", "GPU+HOST:TPU-v6e", "SYSTEM:HGX-H100-8GPU");
		for (FactorValue value : central) {
			double low = FactorLibraryTests.LIBRARY.find(FactorKind.EMBODIED_LOW, value.key(), DAY)
				.orElseThrow()
				.value()
				.value();
			double high = FactorLibraryTests.LIBRARY.find(FactorKind.EMBODIED_HIGH, value.key(), DAY)
				.orElseThrow()
				.value()
				.value();
			assertThat(low).as(value.key()).isLessThanOrEqualTo(value.value());
			assertThat(high).as(value.key()).isGreaterThanOrEqualTo(value.value());
			assertThat(value.notes()).as(value.key()).containsAnyOf("PUBLISHED", "DERIVED", "PEER ESTIMATE");
		}
	}

	private ImpactLine calculate(Usage usage) {
		return this.engine.calculate(new ActivityRecord(usage, DAY, DAY, new Location.CloudRegion("aws", "us-east-1"),
				Scope.SCOPE_3_CATEGORY_1, Map.of(), null));
	}

	private static Usage.VcpuHours vcpu(CloudInstance instance, String cpu, double hours) {
		return new Usage.VcpuHours(TimeSpan.ofHours(hours * instance.vcpus()), cpu, null, instance);
	}

	private static CloudInstance instance(String provider, String type, int vcpus, int hostVcpus, double memory,
			int gpus) {
		return new CloudInstance(provider, type, vcpus, hostVcpus, memory, gpus);
	}

}
