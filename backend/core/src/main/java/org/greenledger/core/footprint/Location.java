package org.greenledger.core.footprint;

/** Where electricity was used, which decides grid, PUE and water factors. */
public sealed interface Location {

	/** A public cloud region, e.g. {@code aws}/{@code us-east-1}. */
	record CloudRegion(String provider, String region) implements Location {
	}

	/** An Electricity Maps grid zone, e.g. {@code US-MIDA-PJM}. */
	record GridZone(String zone) implements Location {
	}

	/** A country by ISO 3166-1 alpha-2 code. */
	record Country(String code) implements Location {
	}

	/**
	 * Not given: every location-dependent factor must come from elsewhere (an override).
	 */
	record Unspecified() implements Location {
	}

}
