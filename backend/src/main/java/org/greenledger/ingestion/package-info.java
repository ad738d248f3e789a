/**
 * Ingestion of source files as jobs: opening them safely (gzip, BOM, size), running each
 * through the {@code Pipeline} that recognises it (billing, measured or delegated), and
 * accounting for every row (file, row, column, reason). The formats themselves are
 * greenledger-core's, one package each, registered in
 * {@code org.greenledger.core.formats.SourceFormats}; nothing format-specific lives here.
 * A job's state changes are {@code JobStore}'s.
 */
@NullMarked
package org.greenledger.ingestion;

import org.jspecify.annotations.NullMarked;
