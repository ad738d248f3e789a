/**
 * Connectors: collect exports and telemetry from where they land (S3-compatible stores,
 * Azure Blob Storage, Prometheus) on a schedule, and hand each new or changed object to
 * ingestion's jobs as if it had been uploaded. One sub-package per connector type.
 */
@NullMarked
package org.greenledger.connectors;

import org.jspecify.annotations.NullMarked;
