package org.greenledger.ledger;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Rows of a file on their way into its day and tag-set sums ({@link FileRollups}), added
 * a batch at a time: the entries of all the batch's keys are found first, then the rows
 * are added to them in their order. The sums' tables outgrow the caches, so each look-up
 * is a cache miss; found one after the other, without the additions between them, the
 * misses of a batch's rows overlap instead of following each other. The result is the
 * same as adding row by row: the same entries in the same order, the same additions in
 * the same order, and the tag-set sums expanded after the same row.
 */
final class PendingRows {

	/** The tag-set key of a row without tags. */
	static final long NO_TAG_SET = Long.MIN_VALUE;

	private static final int BATCH = 64;

	private final long[] dayKeys = new long[BATCH];

	private final long[] tagSetKeys = new long[BATCH];

	private final double[][] impacts = new double[BATCH][];

	private final long[] costs = new long[BATCH];

	private final BigDecimal[] exactCosts = new BigDecimal[BATCH];

	private final int[] dayEntries = new int[BATCH];

	private final int[] tagSetEntries = new int[BATCH];

	private int size;

	/**
	 * Keeps a row for the next batch.
	 * @return whether the batch is full ({@link #addTo} it)
	 */
	boolean add(long dayKey, long tagSetKey, double[] rowImpacts, long cost, BigDecimal exactCost) {
		int at = this.size++;
		this.dayKeys[at] = dayKey;
		this.tagSetKeys[at] = tagSetKey;
		this.impacts[at] = rowImpacts;
		this.costs[at] = cost;
		this.exactCosts[at] = exactCost;
		return this.size == BATCH;
	}

	/**
	 * Adds the kept rows to the sums, in their order.
	 * @param full run once the tag-set sums hold {@code limit} keys or more, after the
	 * row that made them so (it empties them)
	 */
	void addTo(RollupSums days, RollupSums tagSets, int limit, Runnable full) {
		int from = 0;
		while (from < this.size) {
			int to = this.size;
			boolean reached = false;
			for (int row = from; row < to; row++) {
				int day = days.index(this.dayKeys[row]);
				this.dayEntries[row] = day;
				if (this.tagSetKeys[row] != NO_TAG_SET) {
					int tagSet = tagSets.index(this.tagSetKeys[row]);
					this.tagSetEntries[row] = tagSet;
					if (tagSets.size() >= limit) {
						to = row + 1;
						reached = true;
					}
				}
			}
			for (int row = from; row < to; row++) {
				days.addAt(this.dayEntries[row], this.impacts[row], this.costs[row], this.exactCosts[row]);
				if (this.tagSetKeys[row] != NO_TAG_SET) {
					tagSets.addAt(this.tagSetEntries[row], this.impacts[row], this.costs[row], this.exactCosts[row]);
				}
			}
			if (reached) {
				full.run();
			}
			from = to;
		}
		Arrays.fill(this.impacts, 0, this.size, null);
		Arrays.fill(this.exactCosts, 0, this.size, null);
		this.size = 0;
	}

}
