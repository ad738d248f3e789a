package org.greenledger.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.greenledger.ledger.BillingPeriodOverlaps.Overlapping;

import static org.assertj.core.api.Assertions.assertThat;

class OverlapCombinationsTests {

	private static final UUID JOB = UUID.randomUUID();

	private static final LocalDate MARCH = LocalDate.of(2024, 3, 1);

	private static final LocalDate APRIL = LocalDate.of(2024, 4, 1);

	@Test
	void combinationsOverlappingInTheSameMonthsShareOneTerm() {
		OverlapCombinations combinations = new OverlapCombinations();
		Overlapping aMarch = overlap("a", MARCH);
		Overlapping aApril = overlap("a", APRIL);
		Overlapping bMarch = overlap("b", MARCH);
		combinations.add(11, aMarch);
		combinations.add(12, aMarch);
		combinations.add(11, aApril);
		combinations.add(12, aApril);
		combinations.add(-9_000_000_000_000L, bMarch);

		assertThat(combinations.condition("d", "m"))
			.isEqualTo("((d = any('{11,12}'::bigint[]) and m = any('{2024-03-01,2024-04-01}'::date[]))"
					+ " or (d = any('{-9000000000000}'::bigint[]) and m = any('{2024-03-01}'::date[])))");
		assertThat(combinations.overlapping(12, APRIL)).isSameAs(aApril);
		assertThat(combinations.overlapping(-9_000_000_000_000L, MARCH)).isSameAs(bMarch);
		assertThat(combinations.overlapping(-9_000_000_000_000L, APRIL)).isNull();
	}

	private static Overlapping overlap(String account, LocalDate month) {
		return new Overlapping(JOB, "AWS", account, month, 1, BigDecimal.ONE);
	}

}
