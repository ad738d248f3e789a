/**
 * The PROMETHEUS connector type: pulls GPU and node energy metrics (NVIDIA DCGM exporter,
 * Kepler) from a Prometheus-compatible HTTP API ({@code /api/v1/query_range}) and renders
 * them as a Prometheus text dump that ingestion's DCGM/Kepler reader ingests like an
 * uploaded one ({@link org.greenledger.connectors.prometheus.PrometheusPuller}).
 */
@NullMarked
package org.greenledger.connectors.prometheus;

import org.jspecify.annotations.NullMarked;
