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
 * being looked up once its table is full. Each remembered value has a place for what a
 * reader parsed it into ({@link ParsedCells}), so that the value is parsed once.
 */
final class ByteColumnValues {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final int MAX_SIZE = 8192;

	private static final int MAX_LENGTH = 64;

	private String[] values = new String[16];

	private byte[][] bytes = new byte[16][];

	private int[] hashes = new int[16];

	/** What a reader parsed each value into, or null. */
	private @Nullable Object[] parsed = new Object[16];

	/** The slot of the value last handed out, or -1 when it has none. */
	private int slot = -1;

	private int count;

	/** Look-ups and hits since the table stopped growing. */
	private int lookups;

	private int hits;

	/** Whether the column's values rarely repeat: then it is no longer searched. */
	private boolean unshared;

	/** The column's value in the record before, and its bytes. */
	private String last = "";

	private byte[] lastBytes = new byte[0];

	private int lastSlot = -1;

	/** The slot of the value last handed out, or -1 when it is not remembered. */
	int slot() {
		return this.slot;
	}

	@Nullable Object parsed(int slot) {
		return this.parsed[slot];
	}

	void parsed(int slot, Object value) {
		this.parsed[slot] = value;
	}

	String value(byte[] cell, int offset, int length) {
		this.slot = -1;
		if (length == 0) {
			return "";
		}
		if (length > MAX_LENGTH || this.unshared) {
			return new String(cell, offset, length, StandardCharsets.UTF_8);
		}
		// columns often repeat the record before's value (a provider, a currency, a
		// unit): compared before anything is hashed
		byte[] last = this.lastBytes;
		if (last.length == length && Arrays.equals(last, 0, length, cell, offset, offset + length)) {
			this.slot = this.lastSlot;
			return this.last;
		}
		String value = lookUp(cell, offset, length);
		this.last = value;
		this.lastSlot = this.slot;
		this.lastBytes = (last.length == length) ? last : new byte[length];
		System.arraycopy(cell, offset, this.lastBytes, 0, length);
		return value;
	}

	private String lookUp(byte[] cell, int offset, int length) {
		if (this.count >= MAX_SIZE / 2 && ++this.lookups == MAX_SIZE) {
			this.unshared = this.hits < MAX_SIZE / 4;
			this.lookups = 0;
			this.hits = 0;
		}
		int hash = hash(cell, offset, length);
		int mask = this.values.length - 1;
		int slot = hash & mask;
		// the probe reads the hashes alone (a small array that stays in the cache); a
		// value's bytes only when its hash matches
		for (int known = this.hashes[slot]; known != 0; known = this.hashes[slot]) {
			if (known == hash) {
				byte[] bytes = this.bytes[slot];
				if (bytes.length == length && Arrays.equals(bytes, 0, length, cell, offset, offset + length)) {
					this.hits++;
					this.slot = slot;
					return this.values[slot];
				}
			}
			slot = (slot + 1) & mask;
		}
		String value = new String(cell, offset, length, StandardCharsets.UTF_8);
		if (this.count < MAX_SIZE / 2) {
			this.values[slot] = value;
			this.bytes[slot] = Arrays.copyOfRange(cell, offset, offset + length);
			this.hashes[slot] = hash;
			this.slot = slot;
			this.count++;
			if (this.count >= this.values.length / 2 && this.values.length < MAX_SIZE) {
				grow();
			}
		}
		return value;
	}

	/**
	 * A well-mixed hash of the bytes, eight at a time: similar values (amounts, ids) must
	 * not land in neighbouring slots, and a character-at-a-time hash was the slowest step
	 * of the char tokenizer.
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
		// 0 marks an empty slot
		return (hash != 0) ? hash : 1;
	}

	private void grow() {
		String[] oldValues = this.values;
		byte[][] oldBytes = this.bytes;
		int[] oldHashes = this.hashes;
		Object[] oldParsed = this.parsed;
		int size = oldValues.length * 2;
		this.values = new String[size];
		this.bytes = new byte[size][];
		this.hashes = new int[size];
		this.parsed = new Object[size];
		int moved = this.slot;
		for (int i = 0; i < oldValues.length; i++) {
			if (oldHashes[i] != 0) {
				int slot = oldHashes[i] & (size - 1);
				while (this.hashes[slot] != 0) {
					slot = (slot + 1) & (size - 1);
				}
				this.values[slot] = oldValues[i];
				this.bytes[slot] = oldBytes[i];
				this.hashes[slot] = oldHashes[i];
				this.parsed[slot] = oldParsed[i];
				if (i == moved) {
					this.slot = slot;
				}
			}
		}
	}

}
