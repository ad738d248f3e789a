package org.greenledger.sites;

import org.jspecify.annotations.Nullable;

/**
 * A meter registered at a site: the id its files use, its role, a description and, for a
 * waste-heat meter ({@code WASTE_HEAT_REUSED}), the temperature of the heat it measures
 * (degrees C).
 */
public record MeterInput(@Nullable String code, @Nullable String role, @Nullable String description,
		@Nullable Double temperatureC) {

}
