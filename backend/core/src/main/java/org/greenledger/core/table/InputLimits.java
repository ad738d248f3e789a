package org.greenledger.core.table;

import java.time.LocalDate;

/**
 * Bounds on an uploaded (untrusted) text file, each checked while the file streams,
 * before the memory or time it bounds is spent. A file beyond one is refused as a whole
 * with a message naming where (line, row, column) and the property that sets the bound;
 * nothing of it is stored. Parquet files have bounds of their own
 * ({@link ParquetLimits}).
 *
 * @param maxDecompressedSize bytes a gzip upload may expand to
 * @param maxCompressionRatio decompressed bytes per compressed byte, checked once more
 * than {@link #RATIO_ALLOWANCE} bytes have been decompressed (gzip bombs)
 * @param maxLineChars characters of one line, and of one CSV record (quoted line breaks
 * included)
 * @param maxColumns fields of one CSV record (the header included)
 * @param maxCellChars characters of one CSV field or JSON string
 * @param maxRows lines of a text file
 * @param maxNestingDepth nesting of JSON objects and arrays, and of XML elements
 * @param maxTextChars characters of one XML element's text or attribute
 * @param earliestDate the first day a timestamp in a file may fall on
 * @param latestDate the last day a timestamp in a file may fall on
 */
public record InputLimits(long maxDecompressedSize, int maxCompressionRatio, int maxLineChars, int maxColumns,
		int maxCellChars, long maxRows, int maxNestingDepth, int maxTextChars, LocalDate earliestDate,
		LocalDate latestDate) {

	/** Decompressed bytes allowed before the compression ratio is checked. */
	public static final long RATIO_ALLOWANCE = 8L * 1024 * 1024;

	/**
	 * Generous for real exports: FOCUS has about 60 columns, a legacy CUR with many tag
	 * columns a few hundred; billing CSV compresses 10 to 30 times with gzip.
	 */
	public static final InputLimits DEFAULTS = new InputLimits(16L * 1024 * 1024 * 1024, 200, 4 * 1024 * 1024, 5_000,
			1024 * 1024, 500_000_000L, 32, 16_384, LocalDate.of(1970, 1, 1), LocalDate.of(2199, 12, 31));

	private static final long MILLIS_PER_DAY = 86_400_000L;

	private static volatile InputLimits current = DEFAULTS;

	public InputLimits {
		if (maxDecompressedSize <= 0 || maxCompressionRatio <= 0 || maxLineChars <= 0 || maxColumns <= 0
				|| maxCellChars <= 0 || maxRows <= 0 || maxNestingDepth <= 0 || maxTextChars <= 0) {
			throw new IllegalArgumentException("input limits must be positive");
		}
		if (!earliestDate.isBefore(latestDate)) {
			throw new IllegalArgumentException("the earliest date must be before the latest date");
		}
	}

	/**
	 * The limits configured for this process ({@code greenledger.ingestion.limits.*});
	 * {@link #DEFAULTS} until the application installs its settings at start-up.
	 */
	public static InputLimits current() {
		return current;
	}

	/**
	 * Installs an application's limits when its configuration is read; closing the
	 * returned installation puts back the limits in force before (an application context
	 * started and closed beside another one in the same JVM, as tests do, leaves the
	 * other's limits in place).
	 */
	public static Installation install(InputLimits limits) {
		InputLimits previous = current;
		current = limits;
		return new Installation(limits, previous);
	}

	/** Limits in force until {@link #close()}, which restores the ones they replaced. */
	public record Installation(InputLimits limits, InputLimits previous) implements AutoCloseable {

		@Override
		public void close() {
			if (current == this.limits) {
				current = this.previous;
			}
		}

	}

	/**
	 * Whether a point in time (milliseconds since the epoch) is inside the date window.
	 */
	public boolean admits(long epochMillis) {
		return epochMillis >= this.earliestDate.toEpochDay() * MILLIS_PER_DAY
				&& epochMillis < (this.latestDate.toEpochDay() + 1) * MILLIS_PER_DAY;
	}

	/** "outside the accepted dates (1970-01-01 to 2199-12-31, ...)", for messages. */
	public String dateWindow() {
		return "outside the accepted dates (" + this.earliestDate + " to " + this.latestDate
				+ ", greenledger.ingestion.limits.earliest-date and latest-date)";
	}

}
