package org.greenledger.core.table;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CellValuesTests {

	@Test
	void missingValuesInTheirUsualSpellings() {
		assertThat(CellValues.text("")).isNull();
		assertThat(CellValues.text(" null ")).isNull();
		assertThat(CellValues.text("NULL")).isNull();
		assertThat(CellValues.text(" x ")).isEqualTo("x");
	}

	@Test
	void amountsAsSpreadsheetsWriteThem() {
		assertThat(CellValues.money("$10,000.00 ")).isEqualByComparingTo("10000.00");
		assertThat(CellValues.money("(5.25)")).isEqualByComparingTo("-5.25");
		assertThat(CellValues.money("-0.0001")).isEqualByComparingTo("-0.0001");
		assertThat(CellValues.money("1E-7")).isEqualByComparingTo("0.0000001");
		assertThatIllegalArgumentException().isThrownBy(() -> CellValues.money("10,00"))
			.withMessage("'10,00' is not an amount");
	}

	@Test
	void timestampsInTheFormatsExportsUse() {
		Instant expected = Instant.parse("2024-03-01T10:00:00Z");
		assertThat(CellValues.instant("2024-03-01T10:00:00Z")).isEqualTo(expected);
		assertThat(CellValues.instant("2024-03-01T11:00:00+01:00")).isEqualTo(expected);
		assertThat(CellValues.instant("2024-03-01T10:00:00")).isEqualTo(expected);
		assertThat(CellValues.instant("2024-03-01 10:00:00")).isEqualTo(expected);
		assertThat(CellValues.instant("03/01/2024")).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
		assertThat(CellValues.instant("4/1/25")).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
		assertThatIllegalArgumentException().isThrownBy(() -> CellValues.instant("2023-02-01T30:00:00Z"))
			.withMessageStartingWith("'2023-02-01T30:00:00Z' is not a date or timestamp");
	}

}
