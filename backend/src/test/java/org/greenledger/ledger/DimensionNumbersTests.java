package org.greenledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.greenledger.core.billing.SourceLine;

import static org.assertj.core.api.Assertions.assertThat;

class DimensionNumbersTests {

	private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

	@Test
	void combinationsAreNumberedInTheOrderFirstSeenWhateverTheirCellsInstances() {
		Numbered<Dimension> numbered = new Numbered<>(Dimension::canonical, false);
		DimensionNumbers numbers = new DimensionNumbers(numbered, "unit-1");
		Map<Dimension, Integer> expected = new HashMap<>();
		List<Dimension> inOrder = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(5);
		for (int row = 0; row < 50_000; row++) {
			// copies of equal texts (new instances) and nulls in every part but the
			// charge category; about 3,000 combinations, so the table grows several times
			String account = (random.nextInt(10) == 0) ? null : new String("acct-" + random.nextInt(40));
			String region = (random.nextInt(10) == 0) ? null : "region-" + random.nextInt(6);
			String service = new String("service-" + random.nextInt(3));
			String reason = (random.nextInt(4) == 0) ? new String("Tax charge") : null;
			String scope = (reason != null) ? null : "SCOPE_3_CATEGORY_1";
			SourceLine line = new SourceLine(row, 0, null, null, null, reason, START, START.plusSeconds(3600),
					(random.nextBoolean()) ? "aws" : null, account, region, service, null,
					(reason != null) ? "Tax" : "Usage", BigDecimal.ONE, null, "USD", Map.of());
			Dimension dimension = Dimension.of(line, "unit-1", scope);
			if (!expected.containsKey(dimension)) {
				expected.put(dimension, inOrder.size());
				inOrder.add(dimension);
			}

			int number = numbers.number(line, scope);

			assertThat(number).as("row %d", row).isEqualTo(expected.get(dimension));
			assertThat(numbered.value(number)).isEqualTo(dimension);
		}
		assertThat(numbered.values()).containsExactlyElementsOf(inOrder);
		assertThat(inOrder).hasSizeGreaterThan(1000);
	}

}
