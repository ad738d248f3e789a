package org.greenledger.ingestion;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Sums of rows per key, kept while a file streams by: row count, the seven impact sums
 * and billed cost. The rollup tables store one row per key.
 *
 * @param <K> the rollup key
 */
final class RollupSums<K> {

	/**
	 * Number of impact sums: it, facility, location, market, embodied, on-site, off-site.
	 */
	static final int IMPACTS = 7;

	private final Map<K, Sums> sums = new HashMap<>();

	void add(K key, double[] impacts, BigDecimal billedCost) {
		Sums sums = this.sums.computeIfAbsent(key, k -> new Sums());
		sums.rows++;
		sums.billedCost = sums.billedCost.add(billedCost);
		for (int i = 0; i < IMPACTS; i++) {
			sums.impacts[i] += impacts[i];
		}
	}

	/** Adds sums kept under another key. */
	void add(K key, Sums other) {
		Sums sums = this.sums.computeIfAbsent(key, k -> new Sums());
		sums.rows += other.rows;
		sums.billedCost = sums.billedCost.add(other.billedCost);
		for (int i = 0; i < IMPACTS; i++) {
			sums.impacts[i] += other.impacts[i];
		}
	}

	void forEach(BiConsumer<K, Sums> action) {
		this.sums.forEach(action);
	}

	void clear() {
		this.sums.clear();
	}

	int size() {
		return this.sums.size();
	}

	/**
	 * Encodes one tuple per key: the key's fields (written by {@code key}), then row
	 * count, impacts and billed cost.
	 */
	BinaryCopyEncoder encode(int keyFields, BiConsumer<K, BinaryCopyEncoder> key) {
		BinaryCopyEncoder out = new BinaryCopyEncoder(64 + this.sums.size() * 200);
		this.sums.forEach((k, sums) -> {
			out.startTuple(keyFields + 2 + IMPACTS);
			key.accept(k, out);
			out.putInt8(sums.rows);
			for (double sum : sums.impacts) {
				out.putFloat8(sum);
			}
			out.putNumeric(sums.billedCost);
		});
		return out;
	}

	static final class Sums {

		long rows;

		final double[] impacts = new double[IMPACTS];

		BigDecimal billedCost = BigDecimal.ZERO;

	}

}
