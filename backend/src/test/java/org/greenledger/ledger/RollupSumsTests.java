package org.greenledger.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollupSumsTests {

	private static final double[] ONE = { 1, 2, 3, 4, 5, 6, 7 };

	@Test
	void costsAreSummedExactlyWhateverTheirScale() {
		RollupSums sums = new RollupSums();
		Map<Long, BigDecimal> expected = new HashMap<>();
		SplittableRandom random = new SplittableRandom(7);
		for (int row = 0; row < 200_000; row++) {
			long key = random.nextInt(5000) + 1;
			BigDecimal cost = switch (row % 4) {
				case 0 -> BigDecimal.valueOf(random.nextLong(-1_000_000, 1_000_000), 2);
				case 1 -> BigDecimal.valueOf(random.nextLong(1_000_000_000_000L), 10);
				case 2 -> new BigDecimal("92233720368.5477"); // near the long's range in
																// billionths
				default -> BigDecimal.valueOf(random.nextLong(), 0).movePointLeft(3);
			};
			sums.add(key, ONE, RollupSums.billionths(cost), cost);
			expected.merge(key, cost, BigDecimal::add);
		}
		assertThat(sums.size()).isEqualTo(expected.size());
		Map<Long, BigDecimal> actual = new HashMap<>();
		Map<Long, Long> rows = new HashMap<>();
		sums.encode(1, (key, out) -> out.putInt8(key));
		RollupSums merged = new RollupSums();
		sums.forEach((key, index) -> merged.add(key % 10, sums, index));
		assertThat(merged.size()).isEqualTo(10);
		sums.forEach((key, index) -> actual.put(key, sums.costOf(index)));
		sums.forEach((key, index) -> rows.put(key, sums.rowsOf(index)));
		expected.forEach((key, cost) -> assertThat(actual.get(key)).isEqualByComparingTo(cost));
		assertThat(rows.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(200_000);
		BigDecimal total = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal[] mergedTotal = { BigDecimal.ZERO };
		merged.forEach((key, index) -> mergedTotal[0] = mergedTotal[0].add(merged.costOf(index)));
		assertThat(mergedTotal[0]).isEqualByComparingTo(total);
		double[] impact = { 0 };
		merged.forEach((key, index) -> impact[0] += merged.impactOf(index, 6));
		assertThat(impact[0]).isCloseTo(7.0 * 200_000, within(1e-6));
	}

	@Test
	void tuplesAreEncodedInTheUnsignedOrderOfTheirKeys() {
		RollupSums sums = new RollupSums();
		List<Long> keys = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(11);
		for (int i = 0; i < 5000; i++) {
			long day = random.nextLong(1L << 22); // days after 1970 set the key's top bit
			long key = day << 42 | random.nextLong(1L << 39) << 3 | random.nextInt(8);
			if (!keys.contains(key)) {
				keys.add(key);
				sums.add(key, ONE, RollupSums.billionths(BigDecimal.ONE), BigDecimal.ONE);
			}
		}
		List<Long> encoded = new ArrayList<>();
		sums.encode(1, (key, out) -> {
			encoded.add(key);
			out.putInt8(key);
		});
		keys.sort(Long::compareUnsigned);
		assertThat(encoded).isEqualTo(keys);
	}

	@Test
	void clearingStartsAfresh() {
		RollupSums sums = new RollupSums();
		sums.add(1, ONE, RollupSums.billionths(BigDecimal.TEN), BigDecimal.TEN);
		sums.clear();
		sums.add(2, ONE, RollupSums.billionths(BigDecimal.ONE), BigDecimal.ONE);
		assertThat(sums.size()).isOne();
		sums.forEach((key, index) -> assertThat(sums.costOf(index)).isEqualByComparingTo("1"));
	}

}
