package org.greenledger.core.table;

/**
 * Values seen in one column of a CSV ({@link CsvTokenizer}), so that the same characters
 * become the same {@code String}: the value of the record before is compared first, then
 * an open-addressing table of short strings that starts small and doubles up to 8192
 * slots, after which new values are no longer remembered (so a file of many columns costs
 * memory only for the values it has).
 */
final class ColumnValues {

	private static final int MAX_SIZE = 8192;

	private static final int MAX_LENGTH = 64;

	private String[] values = new String[16];

	private char[][] characters = new char[16][];

	private int[] hashes = new int[16];

	private int count;

	/** Look-ups and hits since the table stopped growing. */
	private int lookups;

	private int hits;

	/**
	 * Whether the column's values rarely repeat (ids, amounts): once the table is full
	 * and fewer than one look-up in four finds a value, it is no longer searched.
	 */
	private boolean unshared;

	/** The column's value in the record before, and its characters. */
	private String last = "";

	private char[] lastCharacters = new char[0];

	String value(char[] chars, int offset, int length) {
		if (length == 0) {
			return "";
		}
		if (length > MAX_LENGTH || this.unshared) {
			return new String(chars, offset, length);
		}
		// columns often repeat the record before's value (a provider, a currency, a
		// unit): compared before anything is hashed
		char[] last = this.lastCharacters;
		if (last.length == length && java.util.Arrays.equals(last, 0, length, chars, offset, offset + length)) {
			return this.last;
		}
		String value = lookUp(chars, offset, length);
		this.last = value;
		this.lastCharacters = (last.length == length) ? last : new char[length];
		System.arraycopy(chars, offset, this.lastCharacters, 0, length);
		return value;
	}

	private String lookUp(char[] chars, int offset, int length) {
		if (this.count >= MAX_SIZE / 2 && ++this.lookups == MAX_SIZE) {
			this.unshared = this.hits < MAX_SIZE / 4;
			this.lookups = 0;
			this.hits = 0;
		}
		int hash = hash(chars, offset, length);
		int mask = this.values.length - 1;
		int slot = spread(hash) & mask;
		while (true) {
			char[] known = this.characters[slot];
			if (known == null) {
				String value = new String(chars, offset, length);
				if (this.count < MAX_SIZE / 2) {
					this.values[slot] = value;
					this.characters[slot] = java.util.Arrays.copyOfRange(chars, offset, offset + length);
					this.hashes[slot] = hash;
					this.count++;
					if (this.count >= this.values.length / 2 && this.values.length < MAX_SIZE) {
						grow();
					}
				}
				return value;
			}
			if (this.hashes[slot] == hash && known.length == length
					&& java.util.Arrays.equals(known, 0, length, chars, offset, offset + length)) {
				this.hits++;
				return this.values[slot];
			}
			slot = (slot + 1) & mask;
		}
	}

	/**
	 * A hash of the characters in four interleaved lanes: one multiplication chain per
	 * character made this the tokenizer's slowest step.
	 */
	private static int hash(char[] chars, int offset, int length) {
		int h0 = 0;
		int h1 = 0;
		int h2 = 0;
		int h3 = 0;
		int i = offset;
		int end = offset + length;
		for (; i + 3 < end; i += 4) {
			h0 = 31 * h0 + chars[i];
			h1 = 31 * h1 + chars[i + 1];
			h2 = 31 * h2 + chars[i + 2];
			h3 = 31 * h3 + chars[i + 3];
		}
		int hash = ((h0 * 31 + h1) * 31 + h2) * 31 + h3;
		for (; i < end; i++) {
			hash = 31 * hash + chars[i];
		}
		return hash;
	}

	/**
	 * The slot bits of a string hash: mixed (MurmurHash3's finalizer), since similar
	 * values (amounts, ids) have similar string hashes and would otherwise fill runs of
	 * neighbouring slots that every miss walks through.
	 */
	private static int spread(int hash) {
		int h = hash ^ (hash >>> 16);
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		return h ^ (h >>> 16);
	}

	private void grow() {
		String[] oldValues = this.values;
		char[][] oldCharacters = this.characters;
		int[] oldHashes = this.hashes;
		int size = oldValues.length * 2;
		this.values = new String[size];
		this.characters = new char[size][];
		this.hashes = new int[size];
		for (int i = 0; i < oldValues.length; i++) {
			if (oldCharacters[i] != null) {
				int slot = spread(oldHashes[i]) & (size - 1);
				while (this.characters[slot] != null) {
					slot = (slot + 1) & (size - 1);
				}
				this.values[slot] = oldValues[i];
				this.characters[slot] = oldCharacters[i];
				this.hashes[slot] = oldHashes[i];
			}
		}
	}

}
