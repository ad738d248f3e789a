package org.greenledger.core.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.greenledger.core.table.RowError;

/** A sink that keeps every row it is handed, for reader tests. */
public final class CollectedRows implements BillingRowSink {

	public final List<BillingRow> accepted = new ArrayList<>();

	public final List<RowError> errors = new ArrayList<>();

	public final List<Long> rejectedRows = new ArrayList<>();

	public BigDecimal rejectedBilled = BigDecimal.ZERO;

	@Override
	public void accept(BillingRow record) {
		this.accepted.add(record);
	}

	@Override
	public void reject(long row, List<RowError> rowErrors, BigDecimal billedCost) {
		this.rejectedRows.add(row);
		this.errors.addAll(rowErrors);
		if (billedCost != null) {
			this.rejectedBilled = this.rejectedBilled.add(billedCost);
		}
	}

	/** Rows handed over, accepted or rejected. */
	public int rows() {
		return this.accepted.size() + this.rejectedRows.size();
	}

	/** Billed cost of the accepted rows per currency. */
	public Map<String, BigDecimal> billedByCurrency() {
		Map<String, BigDecimal> totals = new TreeMap<>();
		for (BillingRow record : this.accepted) {
			totals.merge(String.valueOf(record.currency()), record.billedCost(), BigDecimal::add);
		}
		return totals;
	}

	/** The accepted record of a row. */
	public BillingRow row(long row) {
		return this.accepted.stream()
			.filter(record -> record.row() == row)
			.findFirst()
			.orElseThrow(() -> new AssertionError("row " + row + " was not accepted"));
	}

}
