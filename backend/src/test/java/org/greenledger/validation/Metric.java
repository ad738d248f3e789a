package org.greenledger.validation;

import org.greenledger.core.footprint.ImpactLine;

/** The figures compared with the peers, in the unit the reference file uses. */
enum Metric {

	/** Facility energy (IT energy x PUE), kWh: what CCF reports as kilowattHours. */
	FACILITY_KWH,

	/** IT energy without facility overhead, kWh: what Boavizta's avg_power gives. */
	IT_KWH,

	/** Location-based CO2e, kg. */
	CO2E_KG,

	/** Embodied CO2e, kg. */
	EMBODIED_KG;

	double of(ImpactLine line) {
		return switch (this) {
			case FACILITY_KWH -> line.facilityEnergy().kilowattHours();
			case IT_KWH -> line.itEnergy().kilowattHours();
			case CO2E_KG -> line.locationBased().kilograms();
			case EMBODIED_KG -> line.embodied().kilograms();
		};
	}

}
