package org.greenledger.ingestion;

import org.greenledger.core.table.ParquetLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on uploaded Parquet files, which are untrusted (see {@link ParquetLimits}; the
 * defaults are {@link ParquetLimits#DEFAULTS}).
 *
 * @param maxFileSize largest Parquet file (after gzip, if the upload was compressed)
 * @param maxColumns most leaf columns (a map counts its key and value columns)
 * @param maxFooterSize largest footer (schema and row-group metadata)
 * @param maxRowGroupSize largest row group, decompressed, as declared in the footer
 * @param maxPageSize largest page, decompressed, as declared in its header
 * @param maxDecompressedSize most decompressed bytes of a whole file (compression bombs)
 * @param maxValuesPerRow most values in one row, nested ones included
 */
@ConfigurationProperties("greenledger.ingestion.parquet")
record ParquetProperties(@DefaultValue("1GB") DataSize maxFileSize, @DefaultValue("1000") int maxColumns,
		@DefaultValue("64MB") DataSize maxFooterSize, @DefaultValue("256MB") DataSize maxRowGroupSize,
		@DefaultValue("64MB") DataSize maxPageSize, @DefaultValue("16GB") DataSize maxDecompressedSize,
		@DefaultValue("100000") int maxValuesPerRow) {

	/** The limits to open a Parquet upload with. */
	ParquetLimits limits() {
		return new ParquetLimits(this.maxFileSize.toBytes(), this.maxColumns, this.maxFooterSize.toBytes(),
				this.maxRowGroupSize.toBytes(), Math.toIntExact(this.maxPageSize.toBytes()),
				this.maxDecompressedSize.toBytes(), this.maxValuesPerRow);
	}

}
