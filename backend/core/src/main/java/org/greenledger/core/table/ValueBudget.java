package org.greenledger.core.table;

import java.io.UncheckedIOException;

/**
 * Counts the values of the row being assembled, so that a row cannot grow without bound
 * (a few bytes of run-length encoding can repeat a value millions of times).
 */
final class ValueBudget {

	private final int maxValuesPerRow;

	private int spent;

	ValueBudget(int maxValuesPerRow) {
		this.maxValuesPerRow = maxValuesPerRow;
	}

	void reset() {
		this.spent = 0;
	}

	void spend() {
		if (++this.spent > this.maxValuesPerRow) {
			throw new UncheckedIOException(new LimitExceededException("a row of the Parquet file has more than "
					+ this.maxValuesPerRow + " values (greenledger.ingestion.parquet.max-values-per-row)"));
		}
	}

}
