package org.greenledger.ledger;

import java.math.BigDecimal;
import java.util.Arrays;
import org.greenledger.database.BinaryCopyEncoder;

/**
 * Sums of rows per key, kept while a file streams by: row count, the seven impact sums
 * and billed cost. Keys are packed into a {@code long} by the caller; the table is open
 * addressing over primitive arrays, so adding a row allocates nothing. Costs are summed
 * exactly: in billionths as a {@code long} while they fit, as {@link BigDecimal}
 * otherwise.
 */
final class RollupSums {

	/**
	 * Number of impact sums: it, facility, location, market, embodied, on-site, off-site.
	 */
	static final int IMPACTS = 7;

	private static final int COST_SCALE = 9;

	private static final long EMPTY = Long.MIN_VALUE;

	private long[] keys;

	private int[] slots;

	private int size;

	private long[] rows = new long[64];

	private double[] impacts = new double[64 * IMPACTS];

	private long[] billionths = new long[64];

	private BigDecimal[] exact = new BigDecimal[64];

	RollupSums() {
		this.keys = new long[1024];
		Arrays.fill(this.keys, EMPTY);
		this.slots = new int[1024];
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
		int index = index(key);
		this.rows[index]++;
		int base = index * IMPACTS;
		for (int i = 0; i < IMPACTS; i++) {
			this.impacts[base + i] += rowImpacts[i];
		}
		addCost(index, cost, exactCost);
	}

	/** Adds the sums another table keeps at {@code otherIndex}. */
	void add(long key, RollupSums other, int otherIndex) {
		int index = index(key);
		this.rows[index] += other.rows[otherIndex];
		int base = index * IMPACTS;
		int otherBase = otherIndex * IMPACTS;
		for (int i = 0; i < IMPACTS; i++) {
			this.impacts[base + i] += other.impacts[otherBase + i];
		}
		addBillionths(index, other.billionths[otherIndex]);
		if (other.exact[otherIndex] != null) {
			addExact(index, other.exact[otherIndex]);
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
		long sum = this.billionths[index] + cost;
		if (((this.billionths[index] ^ sum) & (cost ^ sum)) < 0) {
			addExact(index, BigDecimal.valueOf(cost, COST_SCALE));
		}
		else {
			this.billionths[index] = sum;
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
		for (int slot = 0; slot < this.keys.length; slot++) {
			if (this.keys[slot] != EMPTY) {
				visitor.visit(this.keys[slot], this.slots[slot]);
			}
		}
	}

	void clear() {
		Arrays.fill(this.keys, EMPTY);
		Arrays.fill(this.rows, 0, this.size, 0);
		Arrays.fill(this.impacts, 0, this.size * IMPACTS, 0);
		Arrays.fill(this.billionths, 0, this.size, 0);
		Arrays.fill(this.exact, 0, this.size, null);
		this.size = 0;
	}

	/**
	 * Encodes one tuple per key: the key's fields (written by {@code key}), then row
	 * count, impacts and billed cost.
	 */
	BinaryCopyEncoder encode(int keyFields, KeyEncoder key) {
		BinaryCopyEncoder out = new BinaryCopyEncoder(64 + this.size * 200);
		forEach((packed, index) -> {
			out.startTuple(keyFields + 2 + IMPACTS);
			key.encode(packed, out);
			out.putInt8(this.rows[index]);
			for (int i = 0; i < IMPACTS; i++) {
				out.putFloat8(this.impacts[index * IMPACTS + i]);
			}
			out.putNumeric(costOf(index));
		});
		return out;
	}

	long rowsOf(int index) {
		return this.rows[index];
	}

	double impactOf(int index, int impact) {
		return this.impacts[index * IMPACTS + impact];
	}

	BigDecimal costOf(int index) {
		BigDecimal cost = BigDecimal.valueOf(this.billionths[index], COST_SCALE);
		return (this.exact[index] != null) ? cost.add(this.exact[index]) : cost;
	}

	private int index(long key) {
		int mask = this.keys.length - 1;
		int slot = (int) (mix(key) & mask);
		while (true) {
			long known = this.keys[slot];
			if (known == key) {
				return this.slots[slot];
			}
			if (known == EMPTY) {
				return insert(slot, key);
			}
			slot = (slot + 1) & mask;
		}
	}

	private int insert(int slot, long key) {
		int index = this.size++;
		if (index == this.rows.length) {
			int capacity = index * 2;
			this.rows = Arrays.copyOf(this.rows, capacity);
			this.impacts = Arrays.copyOf(this.impacts, capacity * IMPACTS);
			this.billionths = Arrays.copyOf(this.billionths, capacity);
			this.exact = Arrays.copyOf(this.exact, capacity);
		}
		this.keys[slot] = key;
		this.slots[slot] = index;
		if (this.size * 2 > this.keys.length) {
			rehash();
		}
		return index;
	}

	private void rehash() {
		long[] oldKeys = this.keys;
		int[] oldSlots = this.slots;
		this.keys = new long[oldKeys.length * 2];
		Arrays.fill(this.keys, EMPTY);
		this.slots = new int[oldKeys.length * 2];
		int mask = this.keys.length - 1;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != EMPTY) {
				int slot = (int) (mix(oldKeys[i]) & mask);
				while (this.keys[slot] != EMPTY) {
					slot = (slot + 1) & mask;
				}
				this.keys[slot] = oldKeys[i];
				this.slots[slot] = oldSlots[i];
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
