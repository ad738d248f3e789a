package org.greenledger.sites;

import java.time.Instant;

/**
 * The values entered for a site and calendar year for the EU data-centre report, with who
 * entered them last and when.
 */
public record EuIndicators(String site, int year, EuIndicatorValues values, Instant updatedAt, String updatedBy) {

}
