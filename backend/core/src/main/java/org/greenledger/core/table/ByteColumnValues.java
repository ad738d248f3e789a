package org.greenledger.core.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link ColumnValues} for cells still in their UTF-8 bytes ({@link ByteCsvTokenizer}): a
 * value seen before in the column is found by its bytes and handed out as the same
 * {@code String}, so that neither a string nor its decoding is made again. The value of
 * the record before is compared first, then an open-addressing table that starts small
 * and doubles up to 8192 slots (16384 for a column whose values repeat, see
 * {@link #capacity}); a column whose values rarely repeat (ids) stops being looked up
 * once its table is full. Each remembered value has a number, by which a reader keeps
 * what it parsed it into ({@link ParsedCells}), so that it is parsed once.
 * <p>
 * A cell is read once as its length and its first 24 bytes in three words, which the hash
 * is made of and which are compared with the record before's and with a remembered
 * value's words: most cells are at most 24 bytes long, and the bytes after the 24th are
 * compared only when the rest matched. The table holds only each value's hash, length and
 * number, the words are kept densely by number (the values that come first, usually the
 * frequent ones, share cache lines), the bytes after the 24th one after the other in one
 * array.
 */
final class ByteColumnValues {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	/** The bytes of a value held in its three words. */
	private static final int INLINE = 24;

	/** The values a column remembers at first, and at most. */
	private static final int VALUES = 4096;

	static final int MAX_VALUES = ParsedCells.NUMBERS / 2;

	/** The look-ups over which a full table's hits are counted. */
	private static final int WINDOW = 8192;

	/**
	 * The longest value remembered, in bytes; twice that with doubled quotes (a JSON cell
	 * doubles every quote).
	 */
	private static final int MAX_LENGTH = 64;

	/**
	 * The table: per slot a value's hash in the high half, its length and number + 1 in
	 * the low half (0 empty).
	 */
	private long[] table = new long[16];

	/** The values by number, their first three words, and their bytes after those. */
	private String[] values = new String[8];

	private long[] words = new long[8 * 3];

	private int[] offsets = new int[9];

	private byte[] bytes = new byte[256];

	private int count;

	/** The number of the value last handed out, or -1 when it is not remembered. */
	private int number = -1;

	/**
	 * The values the column remembers: {@link #VALUES}, or {@link #MAX_VALUES} once at
	 * least three in four look-ups of its full table found their value (tags, for
	 * example, can have a few thousand values that all repeat).
	 */
	private int capacity = VALUES;

	/** Look-ups and hits since the table stopped growing. */
	private int lookups;

	private int hits;

	/** Whether the column's values rarely repeat: then it is no longer searched. */
	private boolean unshared;

	/** The column's value in the record before, its words, bytes and number. */
	private String last = "";

	private int lastLength = -1;

	private long last0;

	private long last1;

	private long last2;

	private byte[] lastBytes = new byte[0];

	private int lastNumber = -1;

	/** The cell being looked up: its length and first three words. */
	private int length;

	private long word0;

	private long word1;

	private long word2;

	/**
	 * Whether the cells are the bytes between a quoted field's quotes with each quote
	 * doubled, as in the file; their values are unescaped.
	 */
	private final boolean escaped;

	private final int maxLength;

	ByteColumnValues(boolean escaped) {
		this.escaped = escaped;
		this.maxLength = escaped ? MAX_LENGTH * 2 : MAX_LENGTH;
	}

	/** The number of the value last handed out, or -1 when it is not remembered. */
	int number() {
		return this.number;
	}

	String value(byte[] cell, int offset, int length) {
		this.number = -1;
		if (length == 0) {
			return "";
		}
		if (length > this.maxLength || this.unshared) {
			return string(cell, offset, length);
		}
		words(cell, offset, length);
		// columns often repeat the record before's value (a provider, a currency, a
		// unit): compared before anything is hashed
		if (length == this.lastLength && this.word0 == this.last0 && this.word1 == this.last1
				&& this.word2 == this.last2
				&& (length <= INLINE || same(this.lastBytes, INLINE, cell, offset + INLINE, length - INLINE))) {
			this.number = this.lastNumber;
			return this.last;
		}
		String value = lookUp(cell, offset, length);
		this.last = value;
		this.lastNumber = this.number;
		this.lastLength = length;
		this.last0 = this.word0;
		this.last1 = this.word1;
		this.last2 = this.word2;
		if (length > INLINE) {
			if (this.lastBytes.length < length) {
				this.lastBytes = new byte[this.maxLength];
			}
			System.arraycopy(cell, offset + INLINE, this.lastBytes, INLINE, length - INLINE);
		}
		return value;
	}

	/** Reads the cell's length and first three words (zero beyond its end). */
	private void words(byte[] cell, int offset, int length) {
		this.length = length;
		this.word0 = word(cell, offset, length);
		this.word1 = (length > 8) ? word(cell, offset + 8, length - 8) : 0;
		this.word2 = (length > 16) ? word(cell, offset + 16, length - 16) : 0;
	}

	/**
	 * The first {@code min(8, length)} bytes at the offset, little-endian, zero above.
	 */
	static long word(byte[] bytes, int offset, int length) {
		if (offset + 8 <= bytes.length) {
			long word = (long) LONGS.get(bytes, offset);
			return (length >= 8) ? word : word & ((1L << (length << 3)) - 1);
		}
		long word = 0;
		for (int i = Math.min(length, 8) - 1; i >= 0; i--) {
			word = (word << 8) | (bytes[offset + i] & 0xff);
		}
		return word;
	}

	private String lookUp(byte[] cell, int offset, int length) {
		if (this.count >= this.capacity && ++this.lookups == WINDOW) {
			this.unshared = this.hits < WINDOW / 4;
			if (this.hits >= WINDOW / 4 * 3) {
				this.capacity = MAX_VALUES;
			}
			this.lookups = 0;
			this.hits = 0;
		}
		int hash = hash(cell, offset, length);
		long key = ((long) hash << 32) | ((long) length << 24);
		long[] table = this.table;
		int mask = table.length - 1;
		int slot = hash & mask;
		for (long entry = table[slot]; entry != 0; entry = table[slot]) {
			if ((entry & 0xFFFFFFFFFF000000L) == key) {
				int number = (int) (entry & 0xFFFFFF) - 1;
				long[] words = this.words;
				int at = number * 3;
				if (words[at] == this.word0 && words[at + 1] == this.word1 && words[at + 2] == this.word2
						&& (length <= INLINE
								|| same(this.bytes, this.offsets[number], cell, offset + INLINE, length - INLINE))) {
					this.hits++;
					this.number = number;
					return this.values[number];
				}
			}
			slot = (slot + 1) & mask;
		}
		String value = string(cell, offset, length);
		if (this.count < this.capacity) {
			table[slot] = key | (this.count + 1);
			add(value, cell, offset, length);
			if (this.count >= table.length / 2 && table.length < this.capacity * 2) {
				grow();
			}
		}
		return value;
	}

	/**
	 * The value of a cell's bytes, without its doubled quotes' second quote if escaped.
	 */
	private String string(byte[] cell, int offset, int length) {
		if (!this.escaped) {
			return new String(cell, offset, length, StandardCharsets.UTF_8);
		}
		byte[] value = new byte[length];
		int size = 0;
		for (int i = offset; i < offset + length; i++) {
			value[size++] = cell[i];
			if (cell[i] == '"') {
				i++;
			}
		}
		return new String(value, 0, size, StandardCharsets.UTF_8);
	}

	/** Keeps a new value under the next number. */
	private void add(String value, byte[] cell, int offset, int length) {
		int number = this.count;
		if (number == this.values.length) {
			this.values = Arrays.copyOf(this.values, number * 2);
			this.offsets = Arrays.copyOf(this.offsets, number * 2 + 1);
			this.words = Arrays.copyOf(this.words, number * 2 * 3);
		}
		this.words[number * 3] = this.word0;
		this.words[number * 3 + 1] = this.word1;
		this.words[number * 3 + 2] = this.word2;
		int from = this.offsets[number];
		int rest = Math.max(0, length - INLINE);
		if (from + rest > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, from + rest));
		}
		if (rest > 0) {
			System.arraycopy(cell, offset + INLINE, this.bytes, from, rest);
		}
		this.offsets[number + 1] = from + rest;
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
	 * A well-mixed hash of the cell's words ({@link #words} read them): similar values
	 * (amounts, ids) must not land in neighbouring slots. Never 0.
	 */
	private int hash(byte[] cell, int offset, int length) {
		long h = (this.word0 * 0x9E3779B97F4A7C15L) ^ Long.rotateLeft(this.word1 * 0xC2B2AE3D27D4EB4FL, 21)
				^ Long.rotateLeft(this.word2 * 0x165667B19E3779F9L, 42) ^ length;
		for (int i = INLINE; i < length; i += 8) {
			h = Long.rotateLeft((h ^ word(cell, offset + i, length - i)) * 0x9E3779B97F4A7C15L, 29);
		}
		h = (h ^ (h >>> 32)) * 0xBF58476D1CE4E5B9L;
		h ^= h >>> 29;
		int hash = (int) (h ^ (h >>> 32));
		return (hash != 0) ? hash : 1;
	}

	private void grow() {
		long[] old = this.table;
		int size = old.length * 2;
		long[] table = new long[size];
		for (long entry : old) {
			if (entry != 0) {
				int slot = (int) (entry >>> 32) & (size - 1);
				while (table[slot] != 0) {
					slot = (slot + 1) & (size - 1);
				}
				table[slot] = entry;
			}
		}
		this.table = table;
	}

}
