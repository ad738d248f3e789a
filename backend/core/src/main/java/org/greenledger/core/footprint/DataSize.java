package org.greenledger.core.footprint;

/**
 * An amount of data; canonical unit GB (10^9 bytes).
 *
 * @param gigabytes the size in GB
 */
public record DataSize(double gigabytes) {

	public static final DataSize ZERO = new DataSize(0);

	public DataSize {
		Quantities.finiteNonNegative(gigabytes, "Data size");
	}

	public static DataSize ofGigabytes(double gigabytes) {
		return new DataSize(gigabytes);
	}

	public static DataSize ofTerabytes(double terabytes) {
		return new DataSize(terabytes * 1_000);
	}

	public static DataSize ofBytes(double bytes) {
		return new DataSize(bytes / 1e9);
	}

	/** Binary gibibytes (2^30 bytes), as some providers bill. */
	public static DataSize ofGibibytes(double gibibytes) {
		return new DataSize(gibibytes * 1.073741824);
	}

	public double terabytes() {
		return this.gigabytes / 1_000;
	}

	public DataSize plus(DataSize other) {
		return new DataSize(this.gigabytes + other.gigabytes);
	}

}
