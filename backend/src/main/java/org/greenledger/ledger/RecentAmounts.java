package org.greenledger.ledger;

import java.math.BigDecimal;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.greenledger.database.BinaryCopyEncoder;

/**
 * The binary COPY encoding and the billionths ({@link RollupSums#billionths}) of the
 * amounts lately staged, by the amount's instance: readers hand out the same
 * {@code BigDecimal} for a repeated cell (an instance type's hourly price on most rows of
 * a bill), so a repeated amount is copied as encoded before instead of being encoded
 * again. A direct-mapped table: each instance has one slot, by its identity hash, taken
 * over by the next amount for that slot. One thread.
 */
final class RecentAmounts {

	private static final int SLOTS = 512;

	private final @Nullable BigDecimal[] amounts = new BigDecimal[SLOTS];

	private final byte[][] encoded = new byte[SLOTS][];

	private final long[] billionths = new long[SLOTS];

	/** Encodes the amount (null as SQL null). */
	void putNumeric(BinaryCopyEncoder out, @Nullable BigDecimal amount) {
		if (amount == null) {
			out.putNull();
			return;
		}
		int slot = slot(amount);
		if (this.amounts[slot] == amount) {
			byte[] bytes = this.encoded[slot];
			out.putEncoded(bytes, 0, bytes.length);
			return;
		}
		int from = out.length();
		out.putNumeric(amount);
		this.encoded[slot] = Arrays.copyOfRange(out.buffer(), from, out.length());
		this.billionths[slot] = RollupSums.billionths(amount);
		this.amounts[slot] = amount;
	}

	/** {@link RollupSums#billionths} of the amount. */
	long billionths(BigDecimal amount) {
		int slot = slot(amount);
		return (this.amounts[slot] == amount) ? this.billionths[slot] : RollupSums.billionths(amount);
	}

	private static int slot(BigDecimal amount) {
		int hash = System.identityHashCode(amount);
		return (hash ^ (hash >>> 16)) * 0x9E3779B9 >>> 16 & (SLOTS - 1);
	}

}
