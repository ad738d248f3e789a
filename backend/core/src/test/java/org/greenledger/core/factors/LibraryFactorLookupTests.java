package org.greenledger.core.factors;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.MissingFactorException;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.footprint.Utilization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The engine with the shipped library: every figure follows from the factors it reports.
 */
class LibraryFactorLookupTests {

	private static final LocalDate DAY = LocalDate.of(2024, 1, 1);

	private final FootprintEngine engine = new FootprintEngine(new LibraryFactorLookup(FactorLibraryTests.LIBRARY));

	@Test
	void gpuHoursInACloudRegionFollowFromTheReportedFactors() {
		ImpactLine line = this.engine.calculate(
				activity(new Usage.AcceleratorHours(TimeSpan.ofHours(1000), "A100-40GB", null, Utilization.of(0.5)),
						new Location.CloudRegion("aws", "us-east-1")));

		double idle = factor(line, "ACCELERATOR_POWER_IDLE").value();
		double max = factor(line, "ACCELERATOR_POWER_MAX").value();
		double pue = factor(line, "PUE").value();
		double grid = factor(line, "GRID_INTENSITY").value();
		double wue = factor(line, "WUE").value();
		double ewif = factor(line, "EWIF").value();
		double it = 1000 * (idle + 0.5 * (max - idle)) / 1000;
		assertThat(line.itEnergy().kilowattHours()).isCloseTo(it, within(1e-9));
		assertThat(line.facilityEnergy().kilowattHours()).isCloseTo(it * pue, within(1e-9));
		assertThat(line.locationBased().kilograms()).isCloseTo(it * pue * grid / 1000, within(1e-9));
		assertThat(line.waterOnSite().liters()).isCloseTo(it * wue, within(1e-9));
		assertThat(line.waterOffSite().liters()).isCloseTo(it * pue * ewif, within(1e-9));
		assertThat(line.embodied().kilograms()).isPositive();
		assertThat(factor(line, "GRID_INTENSITY").key()).isEqualTo("US-MIDA-PJM");
		assertThat(factor(line, "GRID_INTENSITY").dataset()).isEqualTo("electricitymaps-zone-yearly");
		assertThat(factor(line, "PUE").key()).isEqualTo("aws:us-east-1");
		assertThat(line.marketFallsBackToLocation()).isTrue();
		assertThat(line.scope()).isEqualTo(Scope.SCOPE_3_CATEGORY_1);
		assertThat(line.methodVersion()).isEqualTo(FootprintEngine.METHOD_VERSION);
	}

	@Test
	void theSameActivityWithTheSameFactorsGivesTheSameLine() {
		ActivityRecord activity = activity(new Usage.VcpuHours(TimeSpan.ofHours(730), "Skylake", null),
				new Location.CloudRegion("gcp", "europe-west1"));
		assertThat(this.engine.calculate(activity)).isEqualTo(this.engine.calculate(activity));
	}

	@Test
	void anUnknownUtilizationUsesTheSourcedDefaultAndSaysSo() {
		ImpactLine line = this.engine.calculate(
				activity(new Usage.VcpuHours(TimeSpan.ofHours(10), "Skylake", null), new Location.Country("FR")));
		assertThat(factor(line, "DEFAULT_UTILIZATION").value()).isEqualTo(0.5);
		assertThat(factor(line, "PUE").key()).isEqualTo("DEFAULT");
		assertThat(line.quality()).isEqualTo(DataQuality.USAGE_ESTIMATE);
	}

	@Test
	void aGridZoneWithoutZoneDataFallsBackToItsCountry() {
		ImpactLine line = this.engine.calculate(
				activity(new Usage.VcpuHours(TimeSpan.ofHours(10), "Skylake", null), new Location.GridZone("PT-XX")));
		assertThat(factor(line, "GRID_INTENSITY").key()).isEqualTo("PT");
	}

	@Test
	void unknownModelsAndRegionsAreNamed() {
		assertThatThrownBy(() -> this.engine.calculate(activity(
				new Usage.AcceleratorHours(TimeSpan.ofHours(1), "Z9000", null, null), new Location.Country("DE"))))
			.isInstanceOf(MissingFactorException.class)
			.hasMessageContaining("'Z9000'");
		assertThatThrownBy(
				() -> this.engine.calculate(activity(new Usage.VcpuHours(TimeSpan.ofHours(1), "Skylake", null),
						new Location.CloudRegion("aws", "mars-1"))))
			.isInstanceOf(MissingFactorException.class)
			.hasMessage("Unknown aws region 'mars-1'");
	}

	private static ActivityRecord activity(Usage usage, Location location) {
		Scope scope = (location instanceof Location.CloudRegion) ? Scope.SCOPE_3_CATEGORY_1 : Scope.SCOPE_2;
		return new ActivityRecord(usage, DAY, DAY.plusDays(30), location, scope, Map.of("team", "ml"), null);
	}

	private static FactorReference factor(ImpactLine line, String kind) {
		return line.factors()
			.stream()
			.filter(f -> f.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + kind + " among " + line.factors()));
	}

}
