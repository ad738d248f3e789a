package org.greenledger.ingestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.greenledger.core.footprint.Location;
import org.greenledger.core.table.IngestionJson;
import org.greenledger.core.table.RowError;
import org.greenledger.core.measured.CodeCarbonRun;
import org.greenledger.core.measured.MeasuredSource;
import org.greenledger.core.measured.MeasurementNote;
import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.measured.MeasurementTally;
import org.greenledger.core.measured.Series;
import org.greenledger.core.measured.SeriesLabels;
import org.greenledger.ledger.ContentIds;
import org.greenledger.sites.Meter;
import org.greenledger.core.measured.MeterRole;
import org.greenledger.sites.MeterRoleConflictException;
import org.greenledger.sites.Site;
import org.greenledger.sites.Sites;

/**
 * Sits between a reader and the tally: resolves each new series (its site, its meter,
 * registered on first sight) and turns every row of a series that cannot be resolved into
 * a rejected row naming the reason, so that readings of unknown sites are accounted for
 * and never stored.
 */
final class ResolvingSink implements MeasurementSink {

	private final MeasurementSink tally;

	private final Sites sites;

	private final String user;

	private final MeasuredImpacts impacts;

	private final List<ResolvedSeries> resolved = new ArrayList<>();

	/** The latest row of each CodeCarbon run, by project and run id. */
	private final java.util.Map<List<String>, LatestRun> runs = new java.util.LinkedHashMap<>();

	private final List<MeasurementNote> notes = new ArrayList<>();

	private long supersededRuns;

	ResolvingSink(MeasurementSink tally, Sites sites, String user, MeasuredImpacts impacts) {
		this.tally = tally;
		this.sites = sites;
		this.user = user;
		this.impacts = impacts;
	}

	/**
	 * Hands each CodeCarbon run's latest row to the tally: CodeCarbon writes a run's
	 * cumulative totals again at every flush, so only the row with the longest duration
	 * is the run; the earlier rows are accepted as superseded (a note names them). A run
	 * is its project and run id: rows of one run id written under two experiment ids are
	 * the same run, counted once.
	 */
	void finishRuns() {
		this.runs.values().forEach(latest -> this.tally.run(latest.row(), latest.series(), latest.run()));
		this.runs.clear();
	}

	/** Rows accepted here without reaching the tally (superseded CodeCarbon rows). */
	long supersededRows() {
		return this.supersededRuns;
	}

	List<MeasurementNote> notes() {
		return this.notes;
	}

	/** The resolved series of a handle the tally gave out. */
	ResolvedSeries resolved(int handle) {
		return this.resolved.get(handle);
	}

	@Override
	public int series(Series series) {
		int handle = this.tally.series(series);
		while (this.resolved.size() <= handle) {
			this.resolved.add(null);
		}
		if (this.resolved.get(handle) == null) {
			this.resolved.set(handle, resolve(series));
		}
		return handle;
	}

	private ResolvedSeries resolve(Series series) {
		ContentIds ids = ContentIds.of(series.source() + "|" + series.metric() + "|" + series.quantity() + "|"
				+ IngestionJson.MAPPER.writeValueAsString(series.labels()));
		String siteCode = series.label(SeriesLabels.SITE);
		Site site = null;
		if (siteCode != null) {
			Optional<Site> found = this.sites.byCode(siteCode);
			if (found.isEmpty()) {
				return problem(series, ids,
						"unknown site '" + siteCode
								+ "': register the site (Sites page or POST /api/v1/sites) before sending its readings",
						SeriesLabels.SITE);
			}
			site = found.get();
		}
		Location location = (site != null) ? site.location() : null;
		boolean meter = series.source() == MeasuredSource.METER_CSV || series.source() == MeasuredSource.GREEN_BUTTON;
		if (meter) {
			if (site == null) {
				return problem(series, ids, "a meter reading needs its site", SeriesLabels.SITE);
			}
			MeterRole role = MeterRole.parse(String.valueOf(series.label(SeriesLabels.ROLE))).orElse(null);
			if (role == null) {
				return problem(series, ids, "unknown meter role '" + series.label(SeriesLabels.ROLE) + "'",
						SeriesLabels.ROLE);
			}
			try {
				Meter registered = this.sites.meterForReadings(site, series.label(SeriesLabels.METER), role, this.user);
				MeasuredTreatment treatment = switch (role) {
					case FACILITY_TOTAL -> MeasuredTreatment.FACILITY_ELECTRICITY;
					case IT_LOAD, COOLING, WASTE_HEAT_REUSED, ON_SITE_RENEWABLE -> MeasuredTreatment.SUB_METER;
					case WATER_INTAKE, GENERATOR_FUEL -> MeasuredTreatment.SITE_RESOURCE;
				};
				return new ResolvedSeries(series, ids, site, registered, location, treatment, null, "*");
			}
			catch (MeterRoleConflictException ex) {
				return problem(series, ids, ex.getMessage(), SeriesLabels.ROLE);
			}
		}
		if (series.source() == MeasuredSource.CODECARBON) {
			return new ResolvedSeries(series, ids, site, null, location, MeasuredTreatment.CODECARBON, null, "*");
		}
		if (site == null) {
			return problem(series, ids, "telemetry needs the site its hosts run at: upload with site=<code>",
					SeriesLabels.SITE);
		}
		return new ResolvedSeries(series, ids, site, null, location, MeasuredTreatment.WORKLOAD_IT, null, "*");
	}

	private static ResolvedSeries problem(Series series, ContentIds ids, String problem, String column) {
		return new ResolvedSeries(series, ids, null, null, null, MeasuredTreatment.SUB_METER, problem, column);
	}

	private boolean refused(long row, int series) {
		ResolvedSeries resolved = this.resolved.get(series);
		if (resolved.problem() == null) {
			return false;
		}
		this.tally.rejected(row, List.of(new RowError(row, resolved.problemColumn(), resolved.problem())));
		return true;
	}

	@Override
	public void power(long row, int series, long epochMillis, double watts) {
		if (!refused(row, series)) {
			this.tally.power(row, series, epochMillis, watts);
		}
	}

	@Override
	public void counter(long row, int series, long epochMillis, double joules) {
		if (!refused(row, series)) {
			this.tally.counter(row, series, epochMillis, joules);
		}
	}

	@Override
	public void interval(long row, int series, long startMillis, long endMillis, double amount) {
		if (!refused(row, series)) {
			this.tally.interval(row, series, startMillis, endMillis, amount);
		}
	}

	@Override
	public void run(long row, int series, CodeCarbonRun run) {
		if (refused(row, series)) {
			return;
		}
		if (this.resolved.get(series).site() == null && this.impacts.location(run) == null) {
			this.tally.rejected(row,
					List.of(new RowError(row, "country_iso_code",
							"the run's location is unknown:" + " country_iso_code '" + run.countryIso3()
									+ "' is not an ISO 3166-1 alpha-3 code and no known"
									+ " cloud region is given; send the file with site=<code> to name where it ran")));
			return;
		}
		Series labelled = this.resolved.get(series).series();
		List<String> key = List.of(String.valueOf(labelled.label(SeriesLabels.PROJECT)),
				String.valueOf(labelled.label(SeriesLabels.RUN)));
		LatestRun latest = this.runs.get(key);
		if (latest == null) {
			this.runs.put(key, new LatestRun(row, series, run));
			return;
		}
		if (latest.run().end().equals(run.end()) && latest.run().energyKwh() == run.energyKwh()) {
			this.tally.rejected(row, List
				.of(new RowError(row, "*", "duplicate of row " + latest.row() + " (same run, same time and energy)")));
			return;
		}
		boolean later = run.durationSeconds() >= latest.run().durationSeconds();
		long superseded = later ? latest.row() : row;
		this.runs.put(key, later ? new LatestRun(row, series, run) : latest);
		this.supersededRuns++;
		if (this.notes.size() < MeasurementTally.STORED) {
			boolean otherExperiment = latest.series() != series;
			this.notes.add(new MeasurementNote(superseded, labelled.labels().toString(),
					"superseded by row " + (later ? row : latest.row())
							+ ": CodeCarbon writes a run's cumulative totals again at each flush;"
							+ " the row with the longest duration is the run"
							+ (otherExperiment
									? " (the two rows have the same run_id under different experiment_ids: one run)"
									: "")));
		}
	}

	private record LatestRun(long row, int series, CodeCarbonRun run) {
	}

	@Override
	public void ignored(long row, String column, String reason) {
		this.tally.ignored(row, column, reason);
	}

	@Override
	public void flagged(long row, String column, String message) {
		this.tally.flagged(row, column, message);
	}

	@Override
	public void rejected(long row, List<RowError> errors) {
		this.tally.rejected(row, errors);
	}

}
