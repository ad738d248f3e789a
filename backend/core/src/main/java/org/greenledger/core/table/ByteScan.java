package org.greenledger.core.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the CSV tokenizer's next delimiter or quote eight bytes at a time (a byte at a
 * time with three comparisons each was most of the tokenizer's own time).
 */
final class ByteScan {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private static final long COMMAS = ',' * ONES;

	private static final long LINE_FEEDS = '\n' * ONES;

	private static final long CARRIAGE_RETURNS = '\r' * ONES;

	private static final long QUOTES = '"' * ONES;

	private ByteScan() {
	}

	/** The position of the first comma, LF or CR in {@code [from, to)}, or {@code to}. */
	static int delimiter(byte[] bytes, int from, int to) {
		int i = from;
		for (; i + 8 <= to; i += 8) {
			long word = (long) LONGS.get(bytes, i);
			long found = zeroBytes(word ^ COMMAS) | zeroBytes(word ^ LINE_FEEDS) | zeroBytes(word ^ CARRIAGE_RETURNS);
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < to; i++) {
			byte c = bytes[i];
			if (c == ',' || c == '\n' || c == '\r') {
				return i;
			}
		}
		return to;
	}

	/** The position of the first double quote in {@code [from, to)}, or {@code to}. */
	static int quote(byte[] bytes, int from, int to) {
		int i = from;
		for (; i + 8 <= to; i += 8) {
			long found = zeroBytes((long) LONGS.get(bytes, i) ^ QUOTES);
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		while (i < to && bytes[i] != '"') {
			i++;
		}
		return i;
	}

	/**
	 * The high bit of each zero byte of the word; exact for the lowest zero byte (a
	 * borrow can only mark bytes above it), which is the one the callers take.
	 */
	private static long zeroBytes(long word) {
		return (word - ONES) & ~word & HIGH_BITS;
	}

}
