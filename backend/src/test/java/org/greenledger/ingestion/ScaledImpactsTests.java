package org.greenledger.ingestion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.factors.TestFactorLibraries;
import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.footprint.Utilization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Scaled unit impacts against the engine's own calculation of each line. */
class ScaledImpactsTests {

	private final FootprintEngine engine = new FootprintEngine(new LibraryFactorLookup(TestFactorLibraries.shipped()));

	@Test
	void everyKindOfUsageScalesToWhatTheEngineCalculates() {
		ScaledImpacts scaled = new ScaledImpacts(this.engine);
		SplittableRandom random = new SplittableRandom(3);
		List<Location> locations = List.of(new Location.CloudRegion("aws", "us-east-1"),
				new Location.CloudRegion("gcp", "europe-west4"), new Location.CloudRegion("azure", "westeurope"));
		for (int i = 0; i < 5000; i++) {
			double quantity = random.nextDouble() * 100;
			Usage usage = switch (i % 7) {
				case 0 -> new Usage.VcpuHours(TimeSpan.ofHours(quantity), "Cascade Lake", null);
				case 1 -> new Usage.VcpuHours(TimeSpan.ofHours(quantity), "EPYC 2nd Gen", new Utilization(0.3));
				case 2 -> new Usage.MemoryHours(DataSize.ofGigabytes(quantity), TimeSpan.ofHours(random.nextInt(1, 5)));
				case 3 -> new Usage.StorageHours(DataSize.ofGigabytes(quantity), TimeSpan.ofHours(730),
						(i % 2 == 0) ? StorageType.SSD : StorageType.HDD, null);
				case 4 -> new Usage.NetworkTransfer(DataSize.ofGigabytes(quantity));
				case 5 -> new Usage.AcceleratorHours(TimeSpan.ofHours(quantity), "A100-40GB", null, null);
				default -> new Usage.MeasuredEnergy(Energy.ofKilowattHours(quantity), false);
			};
			LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(3) * 120);
			ActivityRecord activity = new ActivityRecord(usage, day, day, locations.get(random.nextInt(3)),
					Scope.SCOPE_3_CATEGORY_1, Map.of(), null);

			ImpactLine expected = this.engine.calculate(activity);
			ImpactLine actual = scaled.calculate(activity);

			assertThat(actual.factors()).isEqualTo(expected.factors());
			assertThat(actual.quality()).isEqualTo(expected.quality());
			assertThat(actual.marketFallsBackToLocation()).isEqualTo(expected.marketFallsBackToLocation());
			assertClose(actual.itEnergy().kilowattHours(), expected.itEnergy().kilowattHours());
			assertClose(actual.facilityEnergy().kilowattHours(), expected.facilityEnergy().kilowattHours());
			assertClose(actual.locationBased().kilograms(), expected.locationBased().kilograms());
			assertClose(actual.marketBased().kilograms(), expected.marketBased().kilograms());
			assertClose(actual.embodied().kilograms(), expected.embodied().kilograms());
			assertClose(actual.waterOnSite().liters(), expected.waterOnSite().liters());
			assertClose(actual.waterOffSite().liters(), expected.waterOffSite().liters());
		}
	}

	@Test
	void unitImpactsTimesTheirScaleAreCheckedAsTheScaledImpactsAre() {
		ScaledImpacts scaled = new ScaledImpacts(this.engine);
		LocalDate day = LocalDate.of(2024, 1, 1);
		Location location = new Location.CloudRegion("aws", "us-east-1");
		Usage usage = new Usage.VcpuHours(TimeSpan.ofHours(3), "Cascade Lake", null);
		ImpactLine unit = scaled.unitImpacts(usage, location, day, day, null);
		ImpactLine whole = scaled
			.calculate(new ActivityRecord(usage, day, day, location, Scope.SCOPE_3_CATEGORY_1, Map.of(), null));

		assertThat(ScaledImpacts.scale(usage)).isEqualTo(3.0);
		assertClose(unit.locationBased().kilograms() * 3, whole.locationBased().kilograms());
		assertThat(unit.factors()).isSameAs(whole.factors());
		scaled.checkScaled(unit, 3);
		scaled.checkScaled(unit, 0);
		scaled.checkScaled(unit, Double.MAX_VALUE);
		for (double scale : new double[] { Double.POSITIVE_INFINITY, Double.NaN, -1 }) {
			assertFailsAsScaled(scaled, unit, scale);
		}
		// a kWh measured at the IT equipment is more than a kWh at the facility: too many
		// of them overflow
		ImpactLine kilowattHour = scaled.unitImpacts(new Usage.MeasuredEnergy(Energy.ofKilowattHours(5), false),
				location, day, day, null);
		assertThat(kilowattHour.facilityEnergy().kilowattHours()).isGreaterThan(1);
		scaled.checkScaled(kilowattHour, 1e300);
		assertFailsAsScaled(scaled, kilowattHour, Double.MAX_VALUE);
	}

	private static void assertFailsAsScaled(ScaledImpacts scaled, ImpactLine unit, double scale) {
		assertThatThrownBy(() -> scaled.checkScaled(unit, scale)).as("scale %s", scale)
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage(messageOf(() -> ScaledImpacts.scaled(unit, scale)))
			.hasMessageContaining("must be a finite, non-negative number");
	}

	private static String messageOf(Runnable failing) {
		try {
			failing.run();
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("did not fail");
	}

	private static void assertClose(double actual, double expected) {
		assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-12 + 1e-15));
	}

}
