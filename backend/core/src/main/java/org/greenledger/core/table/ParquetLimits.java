package org.greenledger.core.table;

/**
 * Bounds on an untrusted Parquet file, checked before the work they bound is done. A file
 * beyond one is refused with an {@link java.io.IOException} naming the limit; nothing of
 * it is used.
 *
 * @param maxFileSize bytes spooled to disk (the decompressed upload)
 * @param maxColumns leaf columns in the schema (a map or list counts its key, value or
 * element columns)
 * @param maxFooterSize bytes of the footer (schema and row-group metadata)
 * @param maxRowGroupSize decompressed bytes a row group declares; its compressed bytes
 * are held in memory while its rows are read, so they are bounded too
 * @param maxPageSize decompressed bytes of one page (checked against the page header
 * before decompressing)
 * @param maxDecompressedSize decompressed bytes of all pages of the file together
 * (declared in the footer and counted while reading): the bound on compression bombs
 * @param maxValuesPerRow values in one row, nested ones included (a map with 10 entries
 * is 20 values)
 */
public record ParquetLimits(long maxFileSize, int maxColumns, long maxFooterSize, long maxRowGroupSize, int maxPageSize,
		long maxDecompressedSize, int maxValuesPerRow) {

	private static final long MB = 1024 * 1024;

	private static final long GB = 1024 * MB;

	/**
	 * Generous for real exports (writers default to 128 MB row groups and 1 MB pages;
	 * FOCUS has about 60 columns, CUR 2.0 about 130 plus two maps).
	 */
	public static final ParquetLimits DEFAULTS = new ParquetLimits(GB, 1000, 64 * MB, 256 * MB, (int) (64 * MB),
			16 * GB, 100_000);

	public ParquetLimits {
		if (maxFileSize <= 0 || maxColumns <= 0 || maxFooterSize <= 0 || maxRowGroupSize <= 0 || maxPageSize <= 0
				|| maxDecompressedSize <= 0 || maxValuesPerRow <= 0) {
			throw new IllegalArgumentException("Parquet limits must be positive");
		}
	}

	/** A byte count as the limits are configured: {@code 64MB}, {@code 1GB}. */
	static String size(long bytes) {
		if (bytes >= GB && bytes % GB == 0) {
			return (bytes / GB) + "GB";
		}
		if (bytes >= MB && bytes % MB == 0) {
			return (bytes / MB) + "MB";
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return (bytes / 1024) + "KB";
		}
		return bytes + "B";
	}

}
