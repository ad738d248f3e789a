/**
 * The ledger: activity lines (one per billing row's usage or cost) and measured lines
 * (hourly or interval readings), with their attribute combinations, tag sets, factor
 * lineages and rollups; the replacement of overlapping uploads; and the queries on them:
 * the footprint (sums by grouping, with a {@link org.greenledger.ledger.LedgerFilter}),
 * pages of lines and a line's lineage, measured energy, monthly measured sums for sites,
 * data issues, and the workbook export. It is the only module whose SQL names the
 * ledger's tables; ingestion writes through
 * {@link org.greenledger.ledger.ActivityLineWriter} and
 * {@link org.greenledger.ledger.MeasuredLineWriter}, other modules read through the
 * services of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
@NullMarked
package org.greenledger.ledger;

import org.jspecify.annotations.NullMarked;
