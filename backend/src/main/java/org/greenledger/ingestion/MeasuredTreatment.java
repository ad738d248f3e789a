package org.greenledger.ingestion;

/**
 * What a measured series' energy counts as, which decides the impacts stored with it.
 * Workload measurements (GPU telemetry, CodeCarbon) attribute energy that a site's meter
 * or a cloud bill already reports; they are kept for workload footprints and are not
 * added to the inventory a second time.
 */
enum MeasuredTreatment {

	/** A facility-total meter: the site's purchased electricity (Scope 2). */
	FACILITY_ELECTRICITY,

	/**
	 * An IT-load or cooling sub-meter (input of PUE), a waste-heat or on-site renewable
	 * meter (inputs of ERF and REF): no impacts of its own.
	 */
	SUB_METER,

	/** Water or fuel of a site's meter: evaluated per month by the site. */
	SITE_RESOURCE,

	/** IT energy measured on a device (GPU telemetry, Kepler): a workload measurement. */
	WORKLOAD_IT,

	/**
	 * A CodeCarbon row: energy at facility level (the file's PUE applied) or IT level.
	 */
	CODECARBON

}
