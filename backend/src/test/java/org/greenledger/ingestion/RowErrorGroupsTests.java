package org.greenledger.ingestion;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.greenledger.core.table.RowError;

import static org.assertj.core.api.Assertions.assertThat;

/** Identical row errors are one line, with how many rows and which. */
class RowErrorGroupsTests {

	@Test
	void consecutiveRowsAreARangeAndScatteredOnesTheFirstTen() {
		List<RowError> errors = new ArrayList<>();
		for (long row = 2; row <= 1001; row++) {
			errors.add(new RowError(row, "ChargePeriodStart", "is not a date or timestamp"));
		}
		for (long row = 3; row <= 60; row += 3) {
			errors.add(new RowError(row, "BilledCost", "is not a number"));
		}
		errors.add(new RowError(7, "RegionId", "is empty"));

		List<RowErrorGroups.Group> groups = RowErrorGroups.of(errors);

		assertThat(groups).hasSize(3);
		assertThat(groups.get(0).rows()).isEqualTo(1000);
		assertThat(groups.get(0).rowsText()).isEqualTo("rows 2-1001");
		assertThat(groups.get(1).rows()).isEqualTo(20);
		assertThat(groups.get(1).shown()).hasSize(10);
		assertThat(groups.get(1).rowsText())
			.isEqualTo("rows 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, ... (first 10 shown)");
		assertThat(groups.get(2).rowsText()).isEqualTo("row 7");
	}

}
