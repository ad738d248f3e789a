package org.greenledger.core.footprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The engine reproduces published footprints. Inputs are the papers' own, given
 * explicitly; the tolerances cover the papers' rounding (see docs/methodology.md).
 */
class PublishedValidationCasesTests {

	private static final WaterIntensity NO_WATER = WaterIntensity.ofLitersPerKilowattHour(0);

	@Test
	@DisplayName("T5: Patterson et al. 2021, 'Carbon Emissions and Large Neural Network Training', Table 4")
	void t5() {
		Energy it = ItEnergy.atAveragePower(TimeSpan.ofDays(20).times(512), Power.ofWatts(310));
		OperationalImpact impact = OperationalImpact.of(it,
				factors(1.12, CarbonIntensity.ofKilogramsPerKilowattHour(0.545)));
		assertThat(impact.facilityEnergy().megawattHours()).isCloseTo(85.7, withinPercentage(1));
		assertThat(impact.locationBased().tonnes()).isCloseTo(46.7, withinPercentage(1.5));
	}

	@Test
	@DisplayName("Meena: Patterson et al. 2021, Table 4")
	void meena() {
		Energy it = ItEnergy.atAveragePower(TimeSpan.ofDays(30).times(1024), Power.ofWatts(289));
		OperationalImpact impact = OperationalImpact.of(it,
				factors(1.09, CarbonIntensity.ofKilogramsPerKilowattHour(0.415)));
		assertThat(impact.facilityEnergy().megawattHours()).isCloseTo(232, withinPercentage(1));
		assertThat(impact.locationBased().tonnes()).isCloseTo(96.4, withinPercentage(1.5));
	}

	@Test
	@DisplayName("Transformer (big): Strubell et al. 2019, 'Energy and Policy Considerations for Deep Learning in NLP', Table 3")
	void transformerBig() {
		Energy it = ItEnergy.atAveragePower(TimeSpan.ofHours(84), Power.ofWatts(1515.43));
		OperationalImpact impact = OperationalImpact.of(it,
				factors(1.58, CarbonIntensity.ofPoundsPerKilowattHour(0.954)));
		assertThat(impact.facilityEnergy().kilowattHours()).isCloseTo(201, withinPercentage(1));
		assertThat(impact.locationBased().pounds()).isCloseTo(192, withinPercentage(1));
		assertThat(impact.locationBased().kilograms()).isCloseTo(87.1, withinPercentage(1));
	}

	@Test
	@DisplayName("BLOOM dynamic energy: Luccioni et al. 2022, 'Estimating the Carbon Footprint of BLOOM'")
	void bloomDynamicEnergy() {
		Energy it = ItEnergy.atAveragePower(TimeSpan.ofHours(1_082_990), Power.ofWatts(400));
		OperationalImpact impact = OperationalImpact.of(it, factors(1.0, CarbonIntensity.ofGramsPerKilowattHour(57)));
		assertThat(impact.facilityEnergy().kilowattHours()).isCloseTo(433_196, withinPercentage(0.5));
		assertThat(impact.locationBased().tonnes()).isCloseTo(24.69, withinPercentage(0.5));
	}

	@Test
	@DisplayName("BLOOM GPU embodied: Luccioni et al. 2022 (150 kgCO2e per A100, 6-year life, U = 0.85)")
	void bloomGpuEmbodied() {
		EmbodiedHardware a100 = new EmbodiedHardware(CarbonMass.ofKilograms(150), TimeSpan.ofYears(6), 0.85);
		CarbonMass embodied = AcceleratorEmbodied.acceleratorOnly(a100)
			.forAcceleratorHours(TimeSpan.ofHours(1_082_990));
		assertThat(embodied.tonnes()).isCloseTo(3.64, withinPercentage(1));
	}

	@Test
	@DisplayName("GPT-3 water, U.S. average: Li, Yang, Islam, Ren, 'Making AI Less Thirsty', Table 1")
	void gpt3WaterUsAverage() {
		OperationalImpact impact = OperationalImpact.of(Energy.ofMegawattHours(1_287), water(1.17, 0.55, 3.142));
		assertThat(impact.waterOnSite().megaliters()).isCloseTo(0.708, withinPercentage(0.2));
		assertThat(impact.waterOffSite().megaliters()).isCloseTo(4.731, withinPercentage(0.2));
	}

	@Test
	@DisplayName("GPT-3 water, Arizona: Li, Yang, Islam, Ren, 'Making AI Less Thirsty', Table 1")
	void gpt3WaterArizona() {
		OperationalImpact impact = OperationalImpact.of(Energy.ofMegawattHours(1_287), water(1.18, 1.63, 4.959));
		assertThat(impact.waterOnSite().megaliters()).isCloseTo(2.098, withinPercentage(0.2));
		assertThat(impact.waterOffSite().megaliters()).isCloseTo(7.531, withinPercentage(0.2));
	}

	@Test
	@DisplayName("CodeCarbon 2.3.1 emissions.csv: energy_consumed is the sum of cpu, gpu and ram energy")
	void codeCarbonRowRecomputation() throws IOException {
		List<String> lines;
		try (InputStream in = Files
			.newInputStream(Path.of("../src/test/resources/fixtures/codecarbon/emissions-gpu-workstation.csv"))) {
			lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		List<String> header = Arrays.asList(lines.get(0).split(","));
		String[] row = lines.get(1).split(",");
		Energy cpu = Energy.ofKilowattHours(Double.parseDouble(row[header.indexOf("cpu_energy")]));
		Energy gpu = Energy.ofKilowattHours(Double.parseDouble(row[header.indexOf("gpu_energy")]));
		Energy ram = Energy.ofKilowattHours(Double.parseDouble(row[header.indexOf("ram_energy")]));
		double reported = Double.parseDouble(row[header.indexOf("energy_consumed")]);

		assertThat(cpu.plus(gpu).plus(ram).kilowattHours()).isCloseTo(reported, withinPercentage(0.1));
		assertThat(reported).isCloseTo(0.00697, within(0.00001));
	}

	private static OperationalFactors factors(double pue, CarbonIntensity grid) {
		return new OperationalFactors(PowerUsageEffectiveness.of(pue), grid, null, NO_WATER, NO_WATER);
	}

	private static OperationalFactors water(double pue, double wue, double ewif) {
		return new OperationalFactors(PowerUsageEffectiveness.of(pue), CarbonIntensity.ofGramsPerKilowattHour(0), null,
				WaterIntensity.ofLitersPerKilowattHour(wue), WaterIntensity.ofLitersPerKilowattHour(ewif));
	}

}
