package org.greenledger.core.factors;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The shipped library holds the Scope 1 diesel factor with its source. */
class DieselFactorTests {

	private static final double LITRES_PER_US_GALLON = 3.785411784;

	@Test
	void theLibraryLoadsTheDieselFactorWithItsSourceAndLicence() {
		FactorLibrary library = TestFactorLibraries.shipped();

		FactorMatch match = library.find(FactorKind.FUEL_COMBUSTION, "DIESEL", LocalDate.of(2025, 6, 1)).orElseThrow();

		assertThat(match.value().value()).isEqualTo(2.7058);
		assertThat(match.value().unit()).isEqualTo("kgCO2e/L");
		assertThat(match.value().source()).contains("GHG Emission Factors Hub (2024)", "Distillate Fuel Oil No. 2");
		FactorDataset dataset = match.value().dataset();
		assertThat(dataset.id()).isEqualTo("fuel-combustion");
		assertThat(dataset.publisher()).contains("Environmental Protection Agency");
		assertThat(dataset.url()).isEqualTo("https://www.epa.gov/climateleadership/ghg-emission-factors-hub");
		assertThat(dataset.licence()).contains("public domain");
		assertThat(dataset.conversion()).contains("3.785411784", "AR5");
	}

	@Test
	void theValueIsThePublishedPerGallonFactorsConvertedToLitresWithAr5Gwps() {
		double kgCo2ePerGallon = 10.21 + 0.41 * 28 / 1000 + 0.08 * 265 / 1000;
		double value = TestFactorLibraries.shipped()
			.find(FactorKind.FUEL_COMBUSTION, "DIESEL", LocalDate.of(2024, 1, 1))
			.orElseThrow()
			.value()
			.value();

		assertThat(value).isCloseTo(kgCo2ePerGallon / LITRES_PER_US_GALLON, within(0.00005));
	}

}
