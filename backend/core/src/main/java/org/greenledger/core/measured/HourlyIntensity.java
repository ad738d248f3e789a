package org.greenledger.core.measured;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One hour of a grid zone's carbon intensity (Electricity Maps export layout).
 *
 * @param hour the hour's start (UTC)
 * @param zone the zone id, for example {@code DE} or {@code US-CAL-CISO}
 * @param directGramsPerKwh direct (combustion) intensity, gCO2e/kWh
 * @param lifecycleGramsPerKwh life-cycle intensity, gCO2e/kWh
 * @param carbonFreePercent carbon-free energy share, 0 to 100
 * @param renewablePercent renewable energy share, 0 to 100
 */
public record HourlyIntensity(long row, Instant hour, String zone, @Nullable String country, @Nullable String zoneName,
		@Nullable Double directGramsPerKwh, double lifecycleGramsPerKwh, @Nullable Double carbonFreePercent,
		@Nullable Double renewablePercent, @Nullable String dataSource, boolean estimated,
		@Nullable String estimationMethod) {

}
