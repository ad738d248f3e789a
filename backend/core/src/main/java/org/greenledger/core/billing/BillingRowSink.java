package org.greenledger.core.billing;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.RowError;

/**
 * Receives each row of a bill as a reader reads it: accepted as a {@link BillingRow}, or
 * rejected with its errors.
 */
public interface BillingRowSink {

	void accept(BillingRow record);

	/**
	 * A row that cannot be used, with everything wrong with it.
	 * @param billedCost the row's billed cost when it could be read, so that rejected
	 * amounts still reconcile with the file
	 */
	void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost);

}
