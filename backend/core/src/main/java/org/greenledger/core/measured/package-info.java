/**
 * Measured data: meters, GPU and node telemetry, CodeCarbon runs and hourly grid
 * intensity. The readers of the measured formats (packages {@code metercsv},
 * {@code greenbutton}, {@code nvidiasmi}, {@code prometheus}, {@code codecarbon}) hand
 * samples and intervals to a {@link org.greenledger.core.measured.MeasurementSink}; the
 * tally checks every series' order, integrates power, differences counters and sums
 * everything into lines of at most one hour (longer meter intervals and CodeCarbon runs
 * are kept as they are); {@code gridintensity} hands hours to a
 * {@link org.greenledger.core.measured.GridIntensitySink}. Meter roles and quantities are
 * the plain values the sites module keeps with its meters.
 */
@NullMarked
package org.greenledger.core.measured;

import org.jspecify.annotations.NullMarked;
