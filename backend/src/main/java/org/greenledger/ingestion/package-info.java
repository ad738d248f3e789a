/**
 * Ingestion of source files: opening them safely (gzip, BOM, size), reading each format's
 * rows with row-level errors (file, row, column, reason), and accounting for every row.
 * One sub-package per format; this version reads FinOps FOCUS.
 */
@NullMarked
package org.greenledger.ingestion;

import org.jspecify.annotations.NullMarked;
