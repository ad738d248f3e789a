package org.greenledger.ingestion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The share of rejected rows a file of one kind may hold and still complete, and where
 * that limit comes from; shown on the job's validation report.
 *
 * @param kind the kind of data
 * @param maxShare the largest share (0..1) of rejected rows that still completes
 * @param setting the setting that decided it, or {@code default}
 */
record RejectionLimit(RowKind kind, double maxShare, String setting) {

	/** Whether a file with this account is refused as a whole. */
	boolean refuses(RowAccount account) {
		return account.rejectedShare() > this.maxShare;
	}

	/** The limit as the job's API and page show it. */
	Map<String, Object> describe() {
		Map<String, Object> limit = new LinkedHashMap<>();
		limit.put("kind", this.kind.key());
		limit.put("maxRejectedShare", this.maxShare);
		limit.put("setBy", this.setting);
		return limit;
	}

}
