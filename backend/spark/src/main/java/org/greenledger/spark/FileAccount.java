package org.greenledger.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How one file's rows (or one split's) were accounted for, as the application's billing
 * tally counts them: every row read is accepted (usage), cost-only or rejected, and the
 * billed cost is summed per provider and currency over usage, cost-only and rejected
 * rows, so that the manifest reconciles with the file. The splits of a file are
 * {@linkplain #add added} up on the driver.
 */
final class FileAccount implements Serializable {

	private final LinkedHashMap<List<String>, BigDecimal[]> costs = new LinkedHashMap<>();

	private @Nullable String format;

	private @Nullable String error;

	private long read;

	private long accepted;

	private long costOnly;

	private long rejected;

	private long lastRow;

	private long lines;

	/** A row that was read, numbered {@code row} in the file. */
	void row(long row, RowCalculation calculation, BigDecimal billedCost, @Nullable String currency) {
		this.read++;
		this.lastRow = Math.max(this.lastRow, row);
		this.lines += calculation.lines().size();
		BigDecimal[] sums = costs(calculation.lines().get(0).provider(), currency);
		int slot = calculation.costOnly() ? 1 : 0;
		if (calculation.costOnly()) {
			this.costOnly++;
		}
		else {
			this.accepted++;
		}
		sums[slot] = sums[slot].add(billedCost);
	}

	void rejected(long row, @Nullable BigDecimal billedCost) {
		this.read++;
		this.rejected++;
		this.lastRow = Math.max(this.lastRow, row);
		if (billedCost != null) {
			BigDecimal[] sums = costs("(rejected rows)", null);
			sums[2] = sums[2].add(billedCost);
		}
	}

	void read(String format) {
		this.format = format;
	}

	/** The file as a whole is not read: nothing of it counts. */
	void refused(String reason) {
		this.error = reason;
	}

	boolean isRefused() {
		return this.error != null;
	}

	/** Adds a later split's accounting of the same file to this one. */
	void add(FileAccount split) {
		if (this.format == null) {
			this.format = split.format;
		}
		if (this.error == null) {
			this.error = split.error;
		}
		this.read += split.read;
		this.accepted += split.accepted;
		this.costOnly += split.costOnly;
		this.rejected += split.rejected;
		this.lastRow = Math.max(this.lastRow, split.lastRow);
		this.lines += split.lines;
		split.costs.forEach((key, sums) -> {
			BigDecimal[] mine = this.costs.computeIfAbsent(key,
					any -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			for (int i = 0; i < mine.length; i++) {
				mine[i] = mine[i].add(sums[i]);
			}
		});
	}

	private BigDecimal[] costs(@Nullable String provider, @Nullable String currency) {
		return this.costs.computeIfAbsent(
				new ArrayList<>(
						List.of(provider != null ? provider : "(none)", currency != null ? currency : "(none)")),
				key -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
	}

	/** The accounting as the manifest lists it. */
	Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		boolean read = this.error == null;
		summary.put("status", read ? "READ" : "REFUSED");
		summary.put("format", this.format);
		summary.put("error", this.error);
		summary.put("rowsRead", read ? this.read : 0);
		summary.put("rowsAccepted", read ? this.accepted : 0);
		summary.put("rowsCostOnly", read ? this.costOnly : 0);
		summary.put("rowsRejected", read ? this.rejected : 0);
		summary.put("lastRow", read ? this.lastRow : 0);
		summary.put("lines", read ? this.lines : 0);
		summary.put("costs", read ? this.costs.entrySet().stream().map(FileAccount::cost).toList() : List.of());
		return summary;
	}

	private static Map<String, Object> cost(Map.Entry<List<String>, BigDecimal[]> entry) {
		BigDecimal[] sums = entry.getValue();
		Map<String, Object> cost = new LinkedHashMap<>();
		cost.put("provider", entry.getKey().get(0));
		cost.put("currency", entry.getKey().get(1));
		cost.put("billedTotal", sums[0].add(sums[1]).add(sums[2]).toPlainString());
		cost.put("billedInUsageRows", sums[0].toPlainString());
		cost.put("billedInCostOnlyRows", sums[1].toPlainString());
		cost.put("billedInRejectedRows", sums[2].toPlainString());
		return cost;
	}

}
