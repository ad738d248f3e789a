package org.greenledger.core.footprint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class OperationalImpactTests {

	private static final org.assertj.core.data.Offset<Double> EXACT = within(1e-9);

	private final OperationalFactors withMarket = new OperationalFactors(PowerUsageEffectiveness.of(1.2),
			CarbonIntensity.ofGramsPerKilowattHour(400), CarbonIntensity.ofGramsPerKilowattHour(50),
			WaterIntensity.ofLitersPerKilowattHour(0.5), WaterIntensity.ofLitersPerKilowattHour(3.0));

	@Test
	void facilityEnergyIsItEnergyTimesPueAndDrivesCarbonAndOffSiteWater() {
		OperationalImpact impact = OperationalImpact.of(Energy.ofKilowattHours(100), this.withMarket);
		assertThat(impact.facilityEnergy().kilowattHours()).isCloseTo(120, EXACT);
		assertThat(impact.locationBased().kilograms()).isCloseTo(48, EXACT);
		assertThat(impact.marketBased().kilograms()).isCloseTo(6, EXACT);
		assertThat(impact.marketFallsBackToLocation()).isFalse();
		assertThat(impact.waterOnSite().liters()).isCloseTo(50, EXACT);
		assertThat(impact.waterOffSite().liters()).isCloseTo(360, EXACT);
		assertThat(impact.water().liters()).isCloseTo(410, EXACT);
	}

	@Test
	void withoutAMarketFactorTheMarketFigureIsTheLocationFigureAndSaysSo() {
		OperationalFactors noMarket = new OperationalFactors(PowerUsageEffectiveness.of(1.2),
				CarbonIntensity.ofGramsPerKilowattHour(400), null, WaterIntensity.ofLitersPerKilowattHour(0),
				WaterIntensity.ofLitersPerKilowattHour(0));
		OperationalImpact impact = OperationalImpact.of(Energy.ofKilowattHours(100), noMarket);
		assertThat(impact.marketBased()).isEqualTo(impact.locationBased());
		assertThat(impact.marketFallsBackToLocation()).isTrue();
	}

	@Test
	void energyMeteredAtFacilityLevelIsNotMultipliedByPueAgain() {
		OperationalImpact impact = OperationalImpact.ofFacilityEnergy(Energy.ofKilowattHours(120), this.withMarket);
		assertThat(impact.facilityEnergy().kilowattHours()).isCloseTo(120, EXACT);
		assertThat(impact.locationBased().kilograms()).isCloseTo(48, EXACT);
		assertThat(impact.waterOnSite().liters()).isZero();
	}

	@Test
	void embodiedEmissionsAreAmortizedOverUsableLifeAndShare() {
		EmbodiedHardware server = new EmbodiedHardware(CarbonMass.ofKilograms(1_000), TimeSpan.ofYears(4), 1.0);
		// A quarter of the host for one year: 1000 kg x (8760 / 35040) x 0.25
		assertThat(server.amortize(TimeSpan.ofYears(1), 0.25).kilograms()).isCloseTo(62.5, EXACT);
		assertThatIllegalArgumentException().isThrownBy(() -> server.amortize(TimeSpan.ofHours(1), 1.5));
	}

	@Test
	void acceleratorHoursCarryTheirShareOfTheHostServer() {
		EmbodiedHardware gpu = new EmbodiedHardware(CarbonMass.ofKilograms(150), TimeSpan.ofYears(6), 0.85);
		EmbodiedHardware host = new EmbodiedHardware(CarbonMass.ofKilograms(2_500), TimeSpan.ofYears(6), 0.85);
		TimeSpan hours = TimeSpan.ofHours(8_000);
		double usable = 6 * 8_760 * 0.85;
		double expected = 8_000 * 150 / usable + (8_000 / 8.0) * 2_500 / usable;
		assertThat(new AcceleratorEmbodied(gpu, host, 8).forAcceleratorHours(hours).kilograms()).isCloseTo(expected,
				EXACT);
	}

}
