/**
 * GPU and node energy telemetry: {@code nvidia-smi} CSV logs
 * ({@link org.greenledger.ingestion.gpu.NvidiaSmiReader}) and Prometheus or OpenMetrics
 * text dumps of the NVIDIA DCGM exporter and of Kepler
 * ({@link org.greenledger.ingestion.gpu.PrometheusTextReader}). Both hand power and
 * counter samples to a {@link org.greenledger.ingestion.measured.MeasurementSink}; they
 * parse numbers and timestamps by hand because telemetry files have millions of rows.
 */
@NullMarked
package org.greenledger.ingestion.gpu;

import org.jspecify.annotations.NullMarked;
