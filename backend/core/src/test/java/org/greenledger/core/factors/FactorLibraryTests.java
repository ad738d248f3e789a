package org.greenledger.core.factors;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.greenledger.core.footprint.Location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped factor datasets load, are complete where the methodology needs them, and
 * resolve.
 */
class FactorLibraryTests {

	static final FactorLibrary LIBRARY = TestFactorLibraries.shipped();

	private static final LocalDate DAY_2024 = LocalDate.of(2024, 6, 1);

	@Test
	void everyShippedDatasetLoadsWithItsSourceAndLicence() {
		assertThat(LIBRARY.datasets()).extracting(FactorDataset::id)
			.contains("ember-country-yearly", "electricitymaps-zone-yearly", "ewif", "cloud-regions", "cloud-pue-wue",
					"ccf-coefficients", "accelerator-power", "embodied-hardware", "greenledger-defaults",
					"ccf-embodied-instances", "ai-hardware-embodied");
		assertThat(LIBRARY.datasets()).allSatisfy(dataset -> {
			assertThat(dataset.licence()).isNotBlank();
			assertThat(dataset.attribution()).isNotBlank();
			assertThat(dataset.url()).isNotBlank();
		});
		assertThat(LIBRARY.values()).allSatisfy(value -> assertThat(value.source()).isNotBlank());
	}

	@Test
	void gridDataCoversCountriesAndSubNationalZonesForFiveYears() {
		assertThat(LIBRARY.search(FactorKind.GRID_INTENSITY, null, null, "ember-country-yearly").count())
			.isGreaterThan(200);
		for (String zone : List.of("US-MIDA-PJM", "US-CAL-CISO", "US-TEX-ERCO", "CA-ON", "AU-NSW", "DE", "FR")) {
			for (int year = 2021; year <= 2025; year++) {
				assertThat(LIBRARY.find(FactorKind.GRID_INTENSITY, zone, LocalDate.of(year, 7, 1)))
					.as("%s %s", zone, year)
					.hasValueSatisfying(match -> assertThat(match.covering()).isTrue());
			}
		}
	}

	@Test
	void everyCloudRegionResolvesToAGridIntensity() {
		LibraryFactorLookup lookup = new LibraryFactorLookup(LIBRARY);
		assertThat(LIBRARY.regions()).hasSizeGreaterThan(140);
		assertThat(LIBRARY.regions().stream().map(CloudRegion::provider).distinct()).containsExactlyInAnyOrder("aws",
				"gcp", "azure");
		assertThat(LIBRARY.regions()).allSatisfy(region -> assertThat(
				lookup.gridIntensity(new Location.CloudRegion(region.provider(), region.region()), DAY_2024)
					.value()
					.gramsPerKilowattHour())
			.as(region.provider() + ":" + region.region())
			.isPositive());
	}

	@Test
	void theCurrentAcceleratorsHavePowerFigures() {
		for (String model : List.of("T4", "A10G", "L4", "L40S", "V100-SXM2", "V100-PCIe", "A100-40GB", "A100-80GB",
				"H100-SXM", "H100-PCIe", "H200", "B200", "MI300X", "TPU-v4")) {
			assertThat(LIBRARY.find(FactorKind.ACCELERATOR_POWER_MAX, model, DAY_2024)).as(model).isPresent();
			assertThat(LIBRARY.find(FactorKind.ACCELERATOR_POWER_IDLE, model, DAY_2024)).as(model).isPresent();
		}
	}

	@Test
	void theMethodologysCoefficientsArePresent() {
		assertThat(value(FactorKind.MEMORY_ENERGY, "DRAM")).isEqualTo(0.000392);
		assertThat(value(FactorKind.STORAGE_ENERGY, "HDD")).isEqualTo(0.65);
		assertThat(value(FactorKind.STORAGE_ENERGY, "SSD")).isEqualTo(1.2);
		assertThat(value(FactorKind.NETWORK_ENERGY, "INTER_REGION")).isEqualTo(0.001);
		assertThat(value(FactorKind.CPU_POWER_MIN, "Cascade Lake")).isEqualTo(0.64);
		assertThat(value(FactorKind.CPU_POWER_MAX, "Cascade Lake")).isEqualTo(3.97);
		assertThat(value(FactorKind.CPU_POWER_MIN, "EPYC 2nd Gen")).isEqualTo(0.47);
		assertThat(value(FactorKind.CPU_POWER_MAX, "EPYC 3rd Gen")).isEqualTo(2.02);
	}

	@Test
	void aBoundedValueCoveringTheDateWinsOverAnOpenOne() {
		FactorLibrary library = library("""
				PUE,x,GLOBAL,1.5,ratio,,,open source,
				PUE,x,GLOBAL,1.2,ratio,2024-01-01,2024-12-31,dated source,
				""", 0);
		assertThat(library.find(FactorKind.PUE, "X", DAY_2024).orElseThrow().value().value()).isEqualTo(1.2);
		assertThat(library.find(FactorKind.PUE, "x", LocalDate.of(2030, 1, 1)).orElseThrow().value().value())
			.isEqualTo(1.5);
	}

	@Test
	void withoutACoveringValueTheLatestEarlierOneIsUsedAndMarked() {
		FactorLibrary library = library("""
				PUE,x,GLOBAL,1.3,ratio,2022-01-01,2022-12-31,s,
				PUE,x,GLOBAL,1.2,ratio,2023-01-01,2023-12-31,s,
				""", 0);
		FactorMatch match = library.find(FactorKind.PUE, "x", LocalDate.of(2026, 3, 1)).orElseThrow();
		assertThat(match.value().value()).isEqualTo(1.2);
		assertThat(match.covering()).isFalse();
	}

	@Test
	void aMalformedRowStopsLoadingNamingFileRowAndColumn() {
		assertThatThrownBy(() -> library("PUE,x,GLOBAL,1.2,L/kWh,,,s,\n", 0)).isInstanceOf(FactorDataException.class)
			.hasMessage("test.csv row 2, column unit: unit 'L/kWh' is not PUE's unit 'ratio'");
		assertThatThrownBy(() -> library("PUE,x,GLOBAL,abc,ratio,,,s,\n", 0)).hasMessageContaining("column value");
		assertThatThrownBy(() -> library("NOPE,x,GLOBAL,1,ratio,,,s,\n", 0))
			.hasMessageContaining("unknown kind 'NOPE'");
		assertThatThrownBy(() -> library("PUE,x,GLOBAL,1,ratio,2024-13-01,,s,\n", 0))
			.hasMessageContaining("column valid_from");
	}

	private static double value(FactorKind kind, String key) {
		return LIBRARY.find(kind, key, DAY_2024).orElseThrow().value().value();
	}

	static FactorLibrary library(String rows, int priority) {
		FactorDataset dataset = new FactorDataset("test", "1", "t", "p", "u", "l", "a", "2026-11-22", null, priority);
		String csv = String.join(",", FactorDatasetReader.FACTOR_COLUMNS) + "\n" + rows;
		try {
			return new FactorLibrary(List.of(dataset), FactorDatasetReader.factors("test.csv",
					new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), dataset), List.of());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
