package org.greenledger.procurement.pact;

import org.jspecify.annotations.Nullable;

/**
 * The geographic scope of a footprint: global, or one UN M49 region or subregion, one ISO
 * 3166-1 country, or one ISO 3166-2 country subdivision.
 *
 * @param scope the level of the scope
 * @param code the region name, country code or subdivision code; {@code null} when global
 */
public record Geography(Scope scope, @Nullable String code) {

	/** A footprint valid worldwide. */
	public static final Geography GLOBAL = new Geography(Scope.GLOBAL, null);

	/** The geographic granularity of a footprint. */
	public enum Scope {

		/** No geography property set. */
		GLOBAL,

		/** {@code geographyRegionOrSubregion}, e.g. {@code Western Europe}. */
		REGION,

		/** {@code geographyCountry}, e.g. {@code DE}. */
		COUNTRY,

		/** {@code geographyCountrySubdivision}, e.g. {@code US-NY}. */
		SUBDIVISION

	}

}
