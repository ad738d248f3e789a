/**
 * Ingestion of source files: opening them safely (gzip, BOM, size), reading each format's
 * rows with row-level errors (file, row, column, reason), and accounting for every row.
 * One sub-package per format (FinOps FOCUS, AWS CUR, Google Cloud billing export, Azure
 * cost details); {@code billing.BillingReaders} picks the reader from the content. A
 * job's state changes are {@code JobStore}'s; the worker runs each file through the
 * {@code Pipeline} that recognises it (billing, measured or delegated).
 */
@NullMarked
package org.greenledger.ingestion;

import org.jspecify.annotations.NullMarked;
