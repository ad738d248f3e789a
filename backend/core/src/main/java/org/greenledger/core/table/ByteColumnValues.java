package org.greenledger.core.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * {@link ColumnValues} for cells still in their UTF-8 bytes ({@link ByteCsvTokenizer}): a
 * value seen before in the column is found by its bytes and handed out as the same
 * {@code String}, so that neither a string nor its decoding is made again. The value of
 * the record before is compared first, then an open-addressing table that starts small
 * and doubles up to 8192 slots; a column whose values rarely repeat (ids, amounts) stops
 * being looked up once its table is full. Each remembered value has a number and a place
 * for what a reader parsed it into ({@link ParsedCells}), so that it is parsed once.
 * <p>
 * The values are kept densely by number (their bytes one after the other in one array)
 * and the table holds only each value's hash and number: a look-up touches a few cache
 * lines, and the values that come first, usually the frequent ones, share them.
 */
final class ByteColumnValues {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final int MAX_SIZE = 8192;

	private static final int MAX_LENGTH = 64;

	/** The table: a value's hash in the high half, its number + 1 in the low; 0 empty. */
	private long[] table = new long[16];

	/** The values by number, their bytes ({@code bytes[offsets[n], offsets[n + 1])}). */
	private String[] values = new String[8];

	private int[] offsets = new int[9];

	private byte[] bytes = new byte[256];

	/** What a reader parsed each value into, or null. */
	private @Nullable Object[] parsed = new Object[8];

	private int count;

	/** The number of the value last handed out, or -1 when it is not remembered. */
	private int number = -1;

	/** Look-ups and hits since the table stopped growing. */
	private int lookups;

	private int hits;

	/** Whether the column's values rarely repeat: then it is no longer searched. */
	private boolean unshared;

	/** The column's value in the record before, its bytes and number. */
	private String last = "";

	private byte[] lastBytes = new byte[0];

	private int lastNumber = -1;

	/** The number of the value last handed out, or -1 when it is not remembered. */
	int number() {
		return this.number;
	}

	@Nullable Object parsed(int number) {
		return this.parsed[number];
	}

	void parsed(int number, Object value) {
		this.parsed[number] = value;
	}

	String value(byte[] cell, int offset, int length) {
		this.number = -1;
		if (length == 0) {
			return "";
		}
		if (length > MAX_LENGTH || this.unshared) {
			return new String(cell, offset, length, StandardCharsets.UTF_8);
		}
		// columns often repeat the record before's value (a provider, a currency, a
		// unit): compared before anything is hashed, with its bytes in the table when it
		// is remembered there
		int lastNumber = this.lastNumber;
		if (lastNumber >= 0) {
			int from = this.offsets[lastNumber];
			int to = this.offsets[lastNumber + 1];
			if (to - from == length && same(this.bytes, from, cell, offset, length)) {
				this.number = lastNumber;
				return this.last;
			}
		}
		else if (this.lastBytes.length == length && same(this.lastBytes, 0, cell, offset, length)) {
			return this.last;
		}
		String value = lookUp(cell, offset, length);
		this.last = value;
		this.lastNumber = this.number;
		if (this.number < 0) {
			if (this.lastBytes.length != length) {
				this.lastBytes = new byte[length];
			}
			System.arraycopy(cell, offset, this.lastBytes, 0, length);
		}
		return value;
	}

	private String lookUp(byte[] cell, int offset, int length) {
		if (this.count >= MAX_SIZE / 2 && ++this.lookups == MAX_SIZE) {
			this.unshared = this.hits < MAX_SIZE / 4;
			this.lookups = 0;
			this.hits = 0;
		}
		int hash = hash(cell, offset, length);
		int mask = this.table.length - 1;
		int slot = hash & mask;
		for (long entry = this.table[slot]; entry != 0; entry = this.table[slot]) {
			if ((int) (entry >>> 32) == hash) {
				int number = (int) entry - 1;
				int from = this.offsets[number];
				int to = this.offsets[number + 1];
				if (to - from == length && same(this.bytes, from, cell, offset, length)) {
					this.hits++;
					this.number = number;
					return this.values[number];
				}
			}
			slot = (slot + 1) & mask;
		}
		String value = new String(cell, offset, length, StandardCharsets.UTF_8);
		if (this.count < MAX_SIZE / 2) {
			this.table[slot] = ((long) hash << 32) | (this.count + 1);
			add(value, cell, offset, length);
			if (this.count >= this.table.length / 2 && this.table.length < MAX_SIZE) {
				grow();
			}
		}
		return value;
	}

	/** Keeps a new value under the next number. */
	private void add(String value, byte[] cell, int offset, int length) {
		int number = this.count;
		if (number == this.values.length) {
			this.values = Arrays.copyOf(this.values, number * 2);
			this.parsed = Arrays.copyOf(this.parsed, number * 2);
			this.offsets = Arrays.copyOf(this.offsets, number * 2 + 1);
		}
		int from = this.offsets[number];
		if (from + length > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, from + length));
		}
		System.arraycopy(cell, offset, this.bytes, from, length);
		this.offsets[number + 1] = from + length;
		this.values[number] = value;
		this.number = number;
		this.count++;
	}

	/**
	 * Whether two ranges of the same length hold the same bytes, compared eight at a time
	 * (the last eight overlapping those before): cells are short, and the general
	 * comparison's set-up cost more than the comparing.
	 */
	static boolean same(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
		if (length < 8) {
			for (int i = 0; i < length; i++) {
				if (a[aFrom + i] != b[bFrom + i]) {
					return false;
				}
			}
			return true;
		}
		int last = length - 8;
		for (int i = 0; i < last; i += 8) {
			if ((long) LONGS.get(a, aFrom + i) != (long) LONGS.get(b, bFrom + i)) {
				return false;
			}
		}
		return (long) LONGS.get(a, aFrom + last) == (long) LONGS.get(b, bFrom + last);
	}

	/**
	 * A well-mixed hash of the bytes, eight at a time: similar values (amounts, ids) must
	 * not land in neighbouring slots, and a character-at-a-time hash was the slowest step
	 * of the char tokenizer. Never 0.
	 */
	static int hash(byte[] cell, int offset, int length) {
		long h = length * 0x9E3779B97F4A7C15L;
		int i = offset;
		int end = offset + length;
		for (; i + 8 <= end; i += 8) {
			h = Long.rotateLeft((h ^ (long) LONGS.get(cell, i)) * 0x9E3779B97F4A7C15L, 29);
		}
		long tail = 0;
		for (; i < end; i++) {
			tail = (tail << 8) | (cell[i] & 0xff);
		}
		h = (h ^ tail) * 0xBF58476D1CE4E5B9L;
		h ^= h >>> 31;
		h *= 0x94D049BB133111EBL;
		int hash = (int) (h ^ (h >>> 32));
		return (hash != 0) ? hash : 1;
	}

	private void grow() {
		long[] old = this.table;
		int size = old.length * 2;
		this.table = new long[size];
		for (long entry : old) {
			if (entry != 0) {
				int slot = (int) (entry >>> 32) & (size - 1);
				while (this.table[slot] != 0) {
					slot = (slot + 1) & (size - 1);
				}
				this.table[slot] = entry;
			}
		}
	}

}
