package org.greenledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One input row made ready for {@link ActivityLineWriter#write(StagedRow)} by
 * {@link ActivityLineWriter#stage}: its binary COPY tuple (in a chunk of encoded rows
 * shared with the rows staged before and after it) and what its sums need, in one small
 * object, so that the thread that writes it reads a few cache lines instead of the row's
 * lines and impacts.
 */
public final class StagedRow {

	final byte[] tuples;

	final int from;

	final int to;

	/**
	 * The UTC day of the period start, offset as in {@link FileRollups}; -1 when out of
	 * range.
	 */
	final long day;

	final Instant periodStart;

	final int dimension;

	final int quality;

	final int tagSet;

	final Map<String, String> tags;

	final @Nullable String currency;

	final double[] impacts;

	/**
	 * The billed cost in billionths, or {@code Long.MIN_VALUE} to use
	 * {@link #billedCost}.
	 */
	final long cost;

	final BigDecimal billedCost;

	StagedRow(byte[] tuples, int from, int to, long day, Instant periodStart, int dimension, int quality, int tagSet,
			Map<String, String> tags, @Nullable String currency, double[] impacts, long cost, BigDecimal billedCost) {
		this.tuples = tuples;
		this.from = from;
		this.to = to;
		this.day = day;
		this.periodStart = periodStart;
		this.dimension = dimension;
		this.quality = quality;
		this.tagSet = tagSet;
		this.tags = tags;
		this.currency = currency;
		this.impacts = impacts;
		this.cost = cost;
		this.billedCost = billedCost;
	}

}
