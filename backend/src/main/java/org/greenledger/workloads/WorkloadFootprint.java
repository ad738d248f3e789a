package org.greenledger.workloads;

import java.time.LocalDate;
import java.util.List;

/**
 * A workload's footprint over a period.
 *
 * @param months sums per month (UTC) and phase, oldest first
 * @param phases sums per phase over the whole period
 * @param sci SCI scores per recorded output within the period
 * @param measuredCo2eKg operational location-based plus embodied CO2e of the measured
 * lines (telemetry, Kepler, CodeCarbon: metered, data-quality tier 1)
 * @param billedCo2eKg the same of the cloud billing rows (estimated from the bill)
 */
public record WorkloadFootprint(Workload workload, LocalDate from, LocalDate to, List<Sums> months, List<Sums> phases,
		List<Sci> sci, double measuredCo2eKg, double billedCo2eKg) {

	/**
	 * Sums of a month (or the whole period) and phase.
	 *
	 * @param month {@code yyyy-MM}, or {@code all}
	 * @param itKwh IT energy
	 * @param facilityKwh facility energy (IT energy x PUE)
	 * @param measuredLines measured lines attributed (telemetry, CodeCarbon)
	 * @param billedRows cloud billing rows attributed by tag
	 */
	public record Sums(String month, Phase phase, double itKwh, double facilityKwh, double co2eLocationKg,
			double co2eMarketKg, double co2eEmbodiedKg, double waterOnSiteLitres, double waterOffSiteLitres,
			double acceleratorHours, long measuredLines, long billedRows) {

		Sums plus(Sums other) {
			return new Sums(this.month, this.phase, this.itKwh + other.itKwh, this.facilityKwh + other.facilityKwh,
					this.co2eLocationKg + other.co2eLocationKg, this.co2eMarketKg + other.co2eMarketKg,
					this.co2eEmbodiedKg + other.co2eEmbodiedKg, this.waterOnSiteLitres + other.waterOnSiteLitres,
					this.waterOffSiteLitres + other.waterOffSiteLitres, this.acceleratorHours + other.acceleratorHours,
					this.measuredLines + other.measuredLines, this.billedRows + other.billedRows);
		}

	}

	/**
	 * Software Carbon Intensity (ISO/IEC 21031) of one recorded output: (operational
	 * location-based CO2e + embodied CO2e) of the phase over the output's period, per
	 * functional unit.
	 *
	 * @param phase the phase the score covers (inference when the workload has inference
	 * activity in the period, else all phases)
	 * @param carbonGrams operational plus embodied CO2e of that phase in the period, g
	 * @param gramsPerUnit carbonGrams / quantity
	 * @param gramsPerThousand gramsPerUnit x 1,000, for example gCO2e per 1,000
	 * inferences
	 */
	public record Sci(Workload.Output output, String phase, double carbonGrams, double gramsPerUnit,
			double gramsPerThousand) {
	}

}
