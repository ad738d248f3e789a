package org.greenledger.core.measured;

/**
 * What the tally makes of a series' samples: an amount over a period of at most one hour
 * (samples and short intervals summed per clock hour, UTC), or one longer meter interval
 * or CodeCarbon run as it was.
 *
 * @param series the series handle
 * @param startMillis the period's start
 * @param endMillis the period's end
 * @param amount in the series' quantity's unit
 * @param samples how many rows contributed (a sample spanning two hours counts in both)
 * @param firstRow the first contributing row
 * @param lastRow the last contributing row
 * @param run the CodeCarbon row, for lines made of one
 */
public record MeasuredLine(int series, long startMillis, long endMillis, double amount, int samples, long firstRow,
		long lastRow, @org.jspecify.annotations.Nullable CodeCarbonRun run) {

}
