/**
 * Prometheus: text or OpenMetrics dumps of the NVIDIA DCGM exporter and of Kepler
 * ({@link org.greenledger.core.prometheus.PrometheusTextReader}), handed as power and
 * counter samples to a {@link org.greenledger.core.measured.MeasurementSink}.
 */
@NullMarked
package org.greenledger.core.prometheus;

import org.jspecify.annotations.NullMarked;
