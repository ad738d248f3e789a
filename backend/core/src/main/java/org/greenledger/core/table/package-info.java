/**
 * Tables of cells from untrusted files: CSV (own tokenizer), JSON lines and Parquet,
 * behind input limits, with cell parsing and row errors in the user's words.
 */
@NullMarked
package org.greenledger.core.table;

import org.jspecify.annotations.NullMarked;
