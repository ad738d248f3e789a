package org.greenledger.ledger;

import java.math.BigDecimal;
import java.util.Arrays;
import org.greenledger.database.BinaryCopyEncoder;

/**
 * Sums of rows per key, kept while a file streams by: row count, the seven impact sums
 * and billed cost. Keys are packed into a {@code long} by the caller; the table is open
 * addressing over primitive arrays, so adding a row allocates nothing. Each slot holds
 * its key beside its entry's number, and each entry its count, cost and impacts side by
 * side (impacts as the bits of their {@code double}s), so that adding a row touches two
 * or three cache lines of tables that outgrow the caches. Costs are summed exactly: in
 * billionths as a {@code long} while they fit, as {@link BigDecimal} otherwise.
 */
final class RollupSums {

	/**
	 * Number of impact sums: it, facility, location, market, embodied, on-site, off-site.
	 */
	static final int IMPACTS = 7;

	private static final int COST_SCALE = 9;

	private static final long EMPTY = Long.MIN_VALUE;

	/** An entry: row count, cost in billionths, then the impacts. */
	private static final int STRIDE = 2 + IMPACTS;

	/** Per slot: the key ({@link #EMPTY} when free), then its entry's number. */
	private long[] slots;

	private int size;

	private long[] entries = new long[64 * STRIDE];

	private BigDecimal[] exact = new BigDecimal[64];

	/** The entries of a batch ({@link #addAll}). */
	private int[] batchIndexes = new int[0];

	RollupSums() {
		this.slots = emptySlots(1024);
	}

	private static long[] emptySlots(int count) {
		long[] slots = new long[2 * count];
		for (int i = 0; i < slots.length; i += 2) {
			slots[i] = EMPTY;
		}
		return slots;
	}

	/** A row's cost in billionths, or {@code Long.MIN_VALUE} when it does not fit. */
	static long billionths(BigDecimal cost) {
		if (cost.scale() > COST_SCALE) {
			return EMPTY;
		}
		try {
			return cost.movePointRight(COST_SCALE).longValueExact();
		}
		catch (ArithmeticException ex) {
			return EMPTY;
		}
	}

	/**
	 * @param key packed key (never {@code Long.MIN_VALUE})
	 * @param cost the row's cost in billionths ({@link #billionths}), or
	 * {@code Long.MIN_VALUE} to use {@code exactCost}
	 */
	void add(long key, double[] rowImpacts, long cost, BigDecimal exactCost) {
		addAt(index(key), rowImpacts, cost, exactCost);
	}

	/**
	 * Adds a row to the entry {@link #index(long)} gave its key (entry numbers stay while
	 * the table grows; {@link #clear()} ends them).
	 */
	void addAt(int index, double[] rowImpacts, long cost, BigDecimal exactCost) {
		long[] entries = this.entries;
		int base = index * STRIDE;
		entries[base]++;
		for (int i = 0; i < IMPACTS; i++) {
			entries[base + 2 + i] = Double
				.doubleToRawLongBits(Double.longBitsToDouble(entries[base + 2 + i]) + rowImpacts[i]);
		}
		addCost(index, cost, exactCost);
	}

	/** Adds the sums another table keeps at {@code otherIndex}. */
	void add(long key, RollupSums other, int otherIndex) {
		addFrom(index(key), other, otherIndex);
	}

	private void addFrom(int index, RollupSums other, int otherIndex) {
		long[] entries = this.entries;
		int base = index * STRIDE;
		int otherBase = otherIndex * STRIDE;
		entries[base] += other.entries[otherBase];
		for (int i = 0; i < IMPACTS; i++) {
			entries[base + 2 + i] = Double.doubleToRawLongBits(Double.longBitsToDouble(entries[base + 2 + i])
					+ Double.longBitsToDouble(other.entries[otherBase + 2 + i]));
		}
		addBillionths(index, other.entries[otherBase + 1]);
		if (other.exact[otherIndex] != null) {
			addExact(index, other.exact[otherIndex]);
		}
	}

	/**
	 * Adds, in their order, the sums another table keeps at {@code otherIndexes} to those
	 * of {@code keys}: the same as {@link #add(long, RollupSums, int)} one after the
	 * other, with all the entries found first, so that their cache misses overlap.
	 */
	void addAll(long[] keys, RollupSums other, int[] otherIndexes, int count) {
		int[] indexes = (this.batchIndexes.length >= count) ? this.batchIndexes : (this.batchIndexes = new int[count]);
		for (int i = 0; i < count; i++) {
			indexes[i] = index(keys[i]);
		}
		for (int i = 0; i < count; i++) {
			addFrom(indexes[i], other, otherIndexes[i]);
		}
	}

	private void addCost(int index, long cost, BigDecimal exactCost) {
		if (cost == EMPTY) {
			addExact(index, exactCost);
		}
		else {
			addBillionths(index, cost);
		}
	}

	private void addBillionths(int index, long cost) {
		int at = index * STRIDE + 1;
		long billionths = this.entries[at];
		long sum = billionths + cost;
		if (((billionths ^ sum) & (cost ^ sum)) < 0) {
			addExact(index, BigDecimal.valueOf(cost, COST_SCALE));
		}
		else {
			this.entries[at] = sum;
		}
	}

	private void addExact(int index, BigDecimal value) {
		this.exact[index] = (this.exact[index] == null) ? value : this.exact[index].add(value);
	}

	int size() {
		return this.size;
	}

	/** Visits every key with its index (for {@link #add(long, RollupSums, int)}). */
	void forEach(KeyVisitor visitor) {
		long[] slots = this.slots;
		for (int slot = 0; slot < slots.length; slot += 2) {
			if (slots[slot] != EMPTY) {
				visitor.visit(slots[slot], (int) slots[slot + 1]);
			}
		}
	}

	void clear() {
		for (int slot = 0; slot < this.slots.length; slot += 2) {
			this.slots[slot] = EMPTY;
		}
		Arrays.fill(this.entries, 0, this.size * STRIDE, 0);
		Arrays.fill(this.exact, 0, this.size, null);
		this.size = 0;
	}

	/**
	 * Encodes one tuple per key, in the order of the packed keys: the key's fields
	 * (written by {@code key}), then row count, impacts and billed cost. The packed keys
	 * start with the day, as the sum tables' primary keys do: rows copied in that order
	 * add to a few neighbouring index pages at a time instead of every page of the index.
	 */
	BinaryCopyEncoder encode(int keyFields, KeyEncoder key) {
		long[] keys = new long[this.size];
		int count = 0;
		for (int slot = 0; slot < this.slots.length; slot += 2) {
			if (this.slots[slot] != EMPTY) {
				keys[count++] = this.slots[slot] ^ Long.MIN_VALUE;
			}
		}
		// flipped: a signed sort then gives their unsigned order (days set the sign bit)
		Arrays.sort(keys);
		BinaryCopyEncoder out = new BinaryCopyEncoder(64 + this.size * 200);
		for (long flipped : keys) {
			long packed = flipped ^ Long.MIN_VALUE;
			int index = index(packed);
			out.startTuple(keyFields + 2 + IMPACTS);
			key.encode(packed, out);
			out.putInt8(rowsOf(index));
			for (int i = 0; i < IMPACTS; i++) {
				out.putFloat8(impactOf(index, i));
			}
			out.putNumeric(costOf(index));
		}
		return out;
	}

	long rowsOf(int index) {
		return this.entries[index * STRIDE];
	}

	double impactOf(int index, int impact) {
		return Double.longBitsToDouble(this.entries[index * STRIDE + 2 + impact]);
	}

	BigDecimal costOf(int index) {
		BigDecimal cost = BigDecimal.valueOf(this.entries[index * STRIDE + 1], COST_SCALE);
		return (this.exact[index] != null) ? cost.add(this.exact[index]) : cost;
	}

	/**
	 * The number of the key's entry, a new one for a new key. Finding the entries of
	 * several rows first and adding them afterwards lets their cache misses overlap.
	 */
	int index(long key) {
		long[] slots = this.slots;
		int mask = (slots.length >> 1) - 1;
		int slot = (int) (mix(key) & mask);
		while (true) {
			long known = slots[2 * slot];
			if (known == key) {
				return (int) slots[2 * slot + 1];
			}
			if (known == EMPTY) {
				return insert(slot, key);
			}
			slot = (slot + 1) & mask;
		}
	}

	private int insert(int slot, long key) {
		int index = this.size++;
		if (index == this.exact.length) {
			int capacity = index * 2;
			this.entries = Arrays.copyOf(this.entries, capacity * STRIDE);
			this.exact = Arrays.copyOf(this.exact, capacity);
		}
		this.slots[2 * slot] = key;
		this.slots[2 * slot + 1] = index;
		if (this.size * 4 > this.slots.length) {
			rehash();
		}
		return index;
	}

	private void rehash() {
		long[] old = this.slots;
		this.slots = emptySlots(old.length);
		int mask = (this.slots.length >> 1) - 1;
		for (int i = 0; i < old.length; i += 2) {
			if (old[i] != EMPTY) {
				int slot = (int) (mix(old[i]) & mask);
				while (this.slots[2 * slot] != EMPTY) {
					slot = (slot + 1) & mask;
				}
				this.slots[2 * slot] = old[i];
				this.slots[2 * slot + 1] = old[i + 1];
			}
		}
	}

	/**
	 * MurmurHash3's 64-bit finalizer: every bit of the key reaches the low (slot) bits.
	 * Packed keys hold the day in their top bits, which a single multiplication leaves
	 * out of small tables' slots, so that the days of one attribute combination filled
	 * runs of neighbouring slots.
	 */
	private static long mix(long key) {
		long h = key ^ (key >>> 33);
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		return h ^ (h >>> 33);
	}

	@FunctionalInterface
	interface KeyVisitor {

		void visit(long key, int index);

	}

	@FunctionalInterface
	interface KeyEncoder {

		void encode(long key, BinaryCopyEncoder out);

	}

}
