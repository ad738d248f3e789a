package org.greenledger.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows added a batch at a time give the sums rows added one by one give: the same entries
 * in the same order, bit for bit, and the tag-set sums emptied after the same rows.
 */
class PendingRowsTests {

	private static final int LIMIT = 700;

	@Test
	void batchesSumAsRowByRow() {
		SplittableRandom random = new SplittableRandom(17);
		RollupSums days = new RollupSums();
		RollupSums tagSets = new RollupSums();
		RollupSums expectedDays = new RollupSums();
		RollupSums expectedTagSets = new RollupSums();
		List<String> expanded = new ArrayList<>();
		List<String> expectedExpanded = new ArrayList<>();
		RollupSums attributes = new RollupSums();
		RollupSums expectedAttributes = new RollupSums();
		PendingRows pending = new PendingRows();
		int rows = 50_000;
		for (int row = 0; row < rows; row++) {
			long dayKey = (long) random.nextInt(31) << 42 | (long) random.nextInt(300) << 3 | random.nextInt(3);
			long tagSetKey = (random.nextInt(4) == 0) ? PendingRows.NO_TAG_SET
					: (long) random.nextInt(31) << 42 | (long) random.nextInt(200) << 8 | random.nextInt(3);
			double[] impacts = { random.nextDouble(), random.nextDouble() * 1e-7, random.nextDouble() * 1e9, 0, 1,
					random.nextDouble(), -random.nextDouble() };
			BigDecimal cost = (row % 97 == 0) ? new BigDecimal("1e-12").multiply(BigDecimal.valueOf(row))
					: BigDecimal.valueOf(random.nextLong(-1_000_000, 1_000_000), 3);
			long billionths = RollupSums.billionths(cost);
			expectedDays.add(dayKey, impacts, billionths, cost);
			if (tagSetKey != PendingRows.NO_TAG_SET) {
				expectedTagSets.add(tagSetKey, impacts, billionths, cost);
				if (expectedTagSets.size() >= LIMIT) {
					expectedExpanded.add(row + ":" + expectedTagSets.size());
					expectedTagSets.forEach((key, index) -> expectedAttributes.add(key % 50, expectedTagSets, index));
					expectedTagSets.clear();
				}
			}
			if (pending.add(dayKey, tagSetKey, impacts, billionths, cost) || row == rows - 1) {
				pending.addTo(days, tagSets, LIMIT, () -> {
					expanded.add(tagSets.size() + "");
					long[] keys = new long[tagSets.size()];
					int[] indexes = new int[tagSets.size()];
					int[] count = { 0 };
					tagSets.forEach((key, index) -> {
						keys[count[0]] = key % 50;
						indexes[count[0]++] = index;
					});
					attributes.addAll(keys, tagSets, indexes, count[0]);
					tagSets.clear();
				});
			}
		}
		assertThat(expanded).hasSize(expectedExpanded.size()).isNotEmpty();
		assertThat(expanded).containsExactlyElementsOf(expectedExpanded.stream().map(e -> e.split(":")[1]).toList());
		assertSame(days, expectedDays);
		assertSame(tagSets, expectedTagSets);
		assertSame(attributes, expectedAttributes);
	}

	private static void assertSame(RollupSums actual, RollupSums expected) {
		assertThat(actual.size()).isEqualTo(expected.size());
		List<String> actualEntries = new ArrayList<>();
		List<String> expectedEntries = new ArrayList<>();
		actual.forEach((key, index) -> actualEntries.add(entry(actual, key, index)));
		expected.forEach((key, index) -> expectedEntries.add(entry(expected, key, index)));
		// the same keys in the same slots with the same numbers and bit-identical sums
		assertThat(actualEntries).containsExactlyElementsOf(expectedEntries);
	}

	private static String entry(RollupSums sums, long key, int index) {
		StringBuilder entry = new StringBuilder().append(key)
			.append('#')
			.append(index)
			.append(' ')
			.append(sums.rowsOf(index))
			.append(' ')
			.append(sums.costOf(index).toPlainString());
		for (int impact = 0; impact < RollupSums.IMPACTS; impact++) {
			entry.append(' ').append(Double.doubleToRawLongBits(sums.impactOf(index, impact)));
		}
		return entry.toString();
	}

}
