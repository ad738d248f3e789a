package org.greenledger.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sums of one file's rows per day (UTC, of the period start), attribute combination and
 * data-quality tier, kept while the rows stream by and stored with the file.
 */
final class DayRollup {

	/**
	 * Number of impact sums: it, facility, location, market, embodied, on-site, off-site.
	 */
	static final int IMPACTS = 7;

	private final Map<Key, Sums> sums = new HashMap<>();

	/**
	 * @param impacts it, facility kWh; location, market, embodied kg CO2e; on-site,
	 * off-site liters (zeros for a cost-only row)
	 */
	void add(Instant periodStart, long dimensionId, int quality, double[] impacts, BigDecimal billedCost) {
		long epochDay = Math.floorDiv(periodStart.getEpochSecond(), 86_400L);
		Sums sums = this.sums.computeIfAbsent(new Key(epochDay, dimensionId, quality), key -> new Sums());
		sums.rows++;
		sums.billedCost = sums.billedCost.add(billedCost);
		for (int i = 0; i < impacts.length; i++) {
			sums.impacts[i] += impacts[i];
		}
	}

	int size() {
		return this.sums.size();
	}

	/** The rollup rows in binary COPY format for {@code footprint_rollup_day}. */
	BinaryCopyEncoder encode(UUID jobId) {
		BinaryCopyEncoder out = new BinaryCopyEncoder(64 + this.sums.size() * 160);
		this.sums.forEach((key, sums) -> {
			out.startTuple(13);
			out.putUuid(jobId);
			out.putDate(key.epochDay);
			out.putInt8(key.dimensionId);
			out.putInt2(key.quality);
			out.putInt8(sums.rows);
			for (double sum : sums.impacts) {
				out.putFloat8(sum);
			}
			out.putNumeric(sums.billedCost);
		});
		out.finish();
		return out;
	}

	private record Key(long epochDay, long dimensionId, int quality) {
	}

	private static final class Sums {

		long rows;

		final double[] impacts = new double[IMPACTS];

		BigDecimal billedCost = BigDecimal.ZERO;

	}

}
