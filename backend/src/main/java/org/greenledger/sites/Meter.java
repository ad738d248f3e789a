package org.greenledger.sites;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.measured.MeterRole;

/**
 * A meter of a site, identified at its site by the id its files use.
 *
 * @param temperatureC for a waste-heat meter, the temperature of the heat it measures
 * (degrees C, as registered), if known
 */
public record Meter(UUID id, UUID siteId, String code, MeterRole role, String description,
		@Nullable Double temperatureC) {

}
