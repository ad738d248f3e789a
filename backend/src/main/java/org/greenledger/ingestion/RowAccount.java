package org.greenledger.ingestion;

import java.util.List;
import java.util.Map;

import org.greenledger.core.table.RowError;

/**
 * How a file's rows were accounted for: every row read is accepted, cost-only or
 * rejected.
 *
 * @param errors the first rejected rows' errors
 * @param costs billed cost per provider and currency (billing files; empty otherwise)
 */
record RowAccount(long read, long accepted, long costOnly, long rejected, List<RowError> errors,
		List<Map<String, Object>> costs) {

	double rejectedShare() {
		return (this.read == 0) ? 0 : this.rejected / (double) this.read;
	}

}
