package org.greenledger.ingestion;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.table.IngestionJson;
import org.greenledger.core.measured.CodeCarbonRun;
import org.greenledger.core.measured.MeasuredLine;
import org.greenledger.ledger.MeasuredLineWriter;

/**
 * Turns the tally's lines into ledger lines: each line's series is resolved (site, meter,
 * treatment), its impacts calculated (see {@link MeasuredImpacts}) and added to the
 * file's totals, and the line handed to the ledger's {@link MeasuredLineWriter}.
 */
final class MeasuredLineCalculator {

	private final MeasuredLineWriter writer;

	private final ResolvingSink series;

	private final MeasuredImpacts impacts;

	private final Map<Long, MeasuredLineWriter.Series> stored = new LinkedHashMap<>();

	private final MeasuredTotals totals = new MeasuredTotals();

	MeasuredLineCalculator(MeasuredLineWriter writer, ResolvingSink series, MeasuredImpacts impacts) {
		this.writer = writer;
		this.series = series;
		this.impacts = impacts;
	}

	MeasuredTotals totals() {
		return this.totals;
	}

	void accept(MeasuredLine line) {
		ResolvedSeries resolved = this.series.resolved(line.series());
		MeasuredLineWriter.Series stored = this.stored.computeIfAbsent(resolved.ids().id(), (id) -> stored(resolved));
		MeasuredImpacts.Result result = this.impacts.calculate(resolved, line);
		ImpactLine impact = result.impacts();
		CodeCarbonRun run = line.run();
		this.totals.add(resolved.series().quantity(), line.amount(), impact, run);
		if (result.hourly()) {
			this.totals.hourly();
		}
		MeasuredLineWriter.Run kept = (run != null)
				? new MeasuredLineWriter.Run(run.cpuKwh(), run.gpuKwh(), run.ramKwh(), run.reportedCo2eKg(),
						run.waterLitres(), run.durationSeconds(), IngestionJson.MAPPER.writeValueAsString(run))
				: null;
		this.writer.accept(stored,
				new MeasuredLineWriter.Line(line.startMillis(), line.endMillis(), line.amount(), line.samples(),
						line.firstRow(), line.lastRow(), impact, result.hourly(), result.acceleratorHours(), kept));
	}

	private static MeasuredLineWriter.Series stored(ResolvedSeries resolved) {
		return new MeasuredLineWriter.Series(resolved.ids(), resolved.series().source().name(),
				resolved.series().metric(), resolved.series().quantity().name(), resolved.series().labels(),
				(resolved.site() != null) ? resolved.site().id() : null,
				(resolved.meter() != null) ? resolved.meter().id() : null);
	}

	/**
	 * Sends the last lines and stores the series and lineages they reference (new ones
	 * only; an id collision fails the job).
	 */
	void finish() throws SQLException {
		this.writer.finish();
	}

}
