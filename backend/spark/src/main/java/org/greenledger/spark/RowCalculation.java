package org.greenledger.spark;

import java.util.ArrayList;
import java.util.List;

import org.greenledger.core.billing.BillingMapper;
import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.SourceLine;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.MissingFactorException;

/**
 * One billing row mapped to its lines and calculated, as the application's billing
 * pipeline does it: the mapper's lines, each usage line's impacts from the engine, and a
 * row whose factors are missing turned into one cost-only line that says which.
 *
 * @param lines the row's lines (one cost-only line, or one line per usage)
 * @param impacts the usage lines' impacts, in the same order; empty for a cost-only row
 */
record RowCalculation(List<SourceLine> lines, List<ImpactLine> impacts) {

	static RowCalculation of(BillingRow record, BillingMapper mapper, FootprintEngine engine) {
		List<SourceLine> lines = mapper.map(record);
		SourceLine first = lines.get(0);
		if (first.costOnly()) {
			return new RowCalculation(lines, List.of());
		}
		List<ImpactLine> impacts = new ArrayList<>(lines.size());
		try {
			for (SourceLine line : lines) {
				impacts.add(engine.calculate(line.activity("-")));
			}
			return new RowCalculation(lines, impacts);
		}
		catch (MissingFactorException ex) {
			return new RowCalculation(List.of(new SourceLine(first.row(), 0, null, null, null, ex.getMessage(),
					first.periodStart(), first.periodEnd(), first.provider(), first.accountId(), first.region(),
					first.service(), first.serviceCategory(), first.chargeCategory(), record.billedCost(),
					record.effectiveCost(), record.currency(), first.tags())), List.of());
		}
	}

	boolean costOnly() {
		return this.impacts.isEmpty();
	}

}
