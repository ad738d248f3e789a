package org.greenledger.core.footprint;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class QuantitiesTests {

	private static final org.assertj.core.data.Offset<Double> EXACT = within(1e-12);

	@Test
	void energyConvertsBetweenJoulesWattHoursKilowattHoursAndMegawattHours() {
		assertThat(Energy.ofJoules(3_600_000).kilowattHours()).isCloseTo(1.0, EXACT);
		assertThat(Energy.ofWattHours(1_500).kilowattHours()).isCloseTo(1.5, EXACT);
		assertThat(Energy.ofMegawattHours(2).kilowattHours()).isCloseTo(2_000, EXACT);
		assertThat(Energy.ofKilowattHours(2_500).megawattHours()).isCloseTo(2.5, EXACT);
	}

	@Test
	void powerOverTimeIsEnergy() {
		assertThat(Power.ofWatts(400).over(TimeSpan.ofHours(10)).kilowattHours()).isCloseTo(4.0, EXACT);
		assertThat(Power.ofKilowatts(1).over(TimeSpan.of(Duration.ofMinutes(30))).kilowattHours()).isCloseTo(0.5,
				EXACT);
	}

	@Test
	void theLinearPowerModelInterpolatesBetweenIdleAndMax() {
		assertThat(Power.interpolate(Power.ofWatts(50), Power.ofWatts(400), 0.5).watts()).isCloseTo(225, EXACT);
		assertThat(Power.interpolate(Power.ofWatts(50), Power.ofWatts(400), 0).watts()).isCloseTo(50, EXACT);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Power.interpolate(Power.ofWatts(50), Power.ofWatts(400), 1.2))
			.withMessageContaining("between 0 and 1");
	}

	@Test
	void carbonMassConvertsGramsTonnesAndPounds() {
		assertThat(CarbonMass.ofGrams(1_500).kilograms()).isCloseTo(1.5, EXACT);
		assertThat(CarbonMass.ofTonnes(2).kilograms()).isCloseTo(2_000, EXACT);
		assertThat(CarbonMass.ofPounds(1).kilograms()).isCloseTo(0.45359237, EXACT);
		assertThat(CarbonMass.ofKilograms(0.45359237).pounds()).isCloseTo(1, EXACT);
	}

	@Test
	void intensitiesApplyToEnergy() {
		assertThat(CarbonIntensity.ofGramsPerKilowattHour(400).of(Energy.ofKilowattHours(10)).kilograms())
			.isCloseTo(4.0, EXACT);
		assertThat(CarbonIntensity.ofKilogramsPerKilowattHour(0.5).gramsPerKilowattHour()).isCloseTo(500, EXACT);
		assertThat(WaterIntensity.ofLitersPerKilowattHour(1.8).of(Energy.ofKilowattHours(10)).liters()).isCloseTo(18,
				EXACT);
		assertThat(WaterVolume.ofCubicMeters(2).liters()).isCloseTo(2_000, EXACT);
	}

	@Test
	void quantitiesRefuseNegativeAndNonFiniteValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> Energy.ofKilowattHours(-1))
			.withMessageContaining("non-negative");
		assertThatIllegalArgumentException().isThrownBy(() -> CarbonMass.ofKilograms(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> TimeSpan.ofHours(Double.POSITIVE_INFINITY));
		assertThatIllegalArgumentException().isThrownBy(() -> PowerUsageEffectiveness.of(0.9))
			.withMessageContaining("at least 1.0");
	}

}
