/**
 * GreenLedger's own meter CSV: one row per meter interval (site, meter, role, period,
 * quantity, unit), read into a {@link org.greenledger.core.measured.MeasurementSink} as
 * intervals in kWh or litres. See {@code docs/formats/meter-csv.md}.
 */
@NullMarked
package org.greenledger.core.metercsv;

import org.jspecify.annotations.NullMarked;
