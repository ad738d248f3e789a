package org.greenledger.ingestion;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.footprint.Location;
import org.greenledger.core.measured.Series;
import org.greenledger.ledger.ContentIds;
import org.greenledger.sites.Meter;
import org.greenledger.sites.Site;

/**
 * A series with what GreenLedger knows about it: its content id, site, meter, location
 * and treatment, or why its rows cannot be used.
 *
 * @param problem why the series' rows are rejected (an unknown site, a meter registered
 * with another role), or null
 * @param problemColumn the column the problem is about
 */
record ResolvedSeries(Series series, ContentIds ids, @Nullable Site site, @Nullable Meter meter,
		@Nullable Location location, MeasuredTreatment treatment, @Nullable String problem, String problemColumn) {

}
