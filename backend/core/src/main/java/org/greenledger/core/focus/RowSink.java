package org.greenledger.core.focus;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.RowError;

/** Receives each row of a file as it is read: accepted, or rejected with its errors. */
public interface RowSink {

	void accept(FocusRecord record);

	/**
	 * A row that cannot be used, with everything wrong with it.
	 * @param billedCost the row's billed cost when it could be read, so that rejected
	 * amounts still reconcile with the file
	 */
	void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost);

}
