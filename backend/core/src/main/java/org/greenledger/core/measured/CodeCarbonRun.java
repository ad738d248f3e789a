package org.greenledger.core.measured;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of a CodeCarbon {@code emissions.csv}, in the file's own units: energy kWh (the
 * file's {@code energy_consumed} already includes the file's {@code pue}), emissions kg
 * CO2e, power W, RAM GB, water L. Columns the file's version lacks are null.
 *
 * @param end the row's {@code timestamp} (CodeCarbon writes it when the measurement ends)
 * @param durationSeconds {@code duration}
 * @param energyKwh {@code energy_consumed}
 * @param reportedCo2eKg {@code emissions}, the tool's own figure
 * @param countryIso3 {@code country_iso_code} (ISO 3166-1 alpha-3)
 */
public record CodeCarbonRun(Instant end, double durationSeconds, double cpuKwh, double gpuKwh, double ramKwh,
		double energyKwh, double reportedCo2eKg, @Nullable Double reportedRateKgPerSecond, @Nullable Double cpuWatts,
		@Nullable Double gpuWatts, @Nullable Double ramWatts, @Nullable Double pue, @Nullable Double waterLitres,
		@Nullable Double wue, @Nullable String countryName, @Nullable String countryIso3, @Nullable String region,
		@Nullable String cloudProvider, @Nullable String cloudRegion, @Nullable String os,
		@Nullable String pythonVersion, @Nullable String codecarbonVersion, @Nullable Integer cpuCount,
		@Nullable String cpuModel, @Nullable Integer gpuCount, @Nullable String gpuModel, @Nullable Double longitude,
		@Nullable Double latitude, @Nullable Double ramTotalGb, @Nullable String trackingMode,
		@Nullable Boolean onCloud, @Nullable Double cpuUtilizationPercent, @Nullable Double gpuUtilizationPercent,
		@Nullable Double ramUtilizationPercent, @Nullable Double ramUsedGb) {

	/** When the measurement started: the end minus the duration. */
	public Instant start() {
		return this.end.minusNanos(Math.round(this.durationSeconds * 1e9));
	}

}
