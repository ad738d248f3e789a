/**
 * Measured data: meters, GPU and node telemetry, CodeCarbon runs and hourly grid
 * intensity. Readers (sub-packages {@code meter}, {@code greenbutton}, {@code gpu},
 * {@code codecarbon}, {@code grid}) hand samples and intervals to a
 * {@link org.greenledger.ingestion.measured.MeasurementSink}; the tally checks every
 * series' order, integrates power, differences counters and sums everything into lines of
 * at most one hour (longer meter intervals and CodeCarbon runs are kept as they are).
 */
@NullMarked
package org.greenledger.ingestion.measured;

import org.jspecify.annotations.NullMarked;
