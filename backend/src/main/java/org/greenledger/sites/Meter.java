package org.greenledger.sites;

import java.util.UUID;

import org.greenledger.core.measured.MeterRole;

/** A meter of a site, identified at its site by the id its files use. */
public record Meter(UUID id, UUID siteId, String code, MeterRole role, String description) {

}
