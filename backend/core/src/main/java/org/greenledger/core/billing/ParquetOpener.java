package org.greenledger.core.billing;

import java.io.IOException;
import java.io.InputStream;

import org.greenledger.core.table.Table;

/**
 * Opens decompressed Parquet content as a {@link Table} (with the configured working
 * directory and limits).
 */
@FunctionalInterface
public interface ParquetOpener {

	Table open(InputStream content) throws IOException;

}
