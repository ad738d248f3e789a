package org.greenledger.reduction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.ingestion.GridHours;
import org.greenledger.ledger.SelectedSums;
import org.greenledger.workloads.Phase;
import org.greenledger.workloads.RuleSource;
import org.greenledger.workloads.Workload;
import org.greenledger.workloads.Workloads;
import org.springframework.stereotype.Component;

/**
 * {@code TIME_SHIFT}: a workload's measured hourly energy (the series its rules attribute
 * to it, inference left out) moved, day by day, to the cleanest imported hours of the
 * same day in the same grid zone, as a carbon-aware scheduler would (see
 * {@link TimeShiftPlan}).
 */
@Component
class TimeShifts implements OpportunityFinder {

	/** A shift saving less than this share of the emissions concerned is not proposed. */
	static final double MIN_SHARE = 0.02;

	/** The share of a day's energy that can move, central and cautious. */
	static final double FLEXIBLE = 1.0;

	static final double FLEXIBLE_LOW = 0.5;

	private static final Duration CHUNK = Duration.ofDays(60);

	private final Workloads workloads;

	private final SelectedSums ledger;

	private final GridHours grid;

	TimeShifts(Workloads workloads, SelectedSums ledger, GridHours grid) {
		this.workloads = workloads;
		this.ledger = ledger;
		this.grid = grid;
	}

	@Override
	public OpportunityKind kind() {
		return OpportunityKind.TIME_SHIFT;
	}

	/**
	 * The location-based emissions of the workload's measured series (inference left
	 * out).
	 */
	@Override
	public double emissions(Opportunity.Subject subject, OpportunityQuery period, boolean adopted) {
		Optional<Workload> workload = this.workloads
			.get(java.util.UUID.fromString(subject.attributes().get("workload")));
		if (workload.isEmpty()) {
			return 0;
		}
		return this.ledger.measured(selectors(workload.get()), start(period.from()), start(period.to().plusDays(1)))
			.stream()
			.mapToDouble(SelectedSums.Sums::co2eLocationKg)
			.sum();
	}

	private static List<SelectedSums.Selector> selectors(Workload workload) {
		return workload.rules()
			.stream()
			.filter(rule -> rule.source() == RuleSource.MEASURED && rule.phase() != Phase.INFERENCE)
			.map(rule -> new SelectedSums.Selector(rule.phase().name(), rule.match()))
			.toList();
	}

	@Override
	public List<Opportunity> find(OpportunityQuery query) {
		List<Opportunity> found = new ArrayList<>();
		for (Workload workload : this.workloads.all(query.scope())) {
			if (!query.orgUnits().isEmpty()
					&& (workload.orgUnit() == null || !query.orgUnits().contains(workload.orgUnit()))) {
				continue;
			}
			List<SelectedSums.Selector> selectors = selectors(workload);
			Map<String, List<SelectedSums.Hour>> byZone = new TreeMap<>();
			for (SelectedSums.Hour hour : this.ledger.hourly(selectors, start(query.from()),
					start(query.to().plusDays(1)))) {
				if (!hour.zone().isEmpty() && hour.facilityKwh() > 0) {
					byZone.computeIfAbsent(hour.zone(), zone -> new ArrayList<>()).add(hour);
				}
			}
			byZone.forEach((zone, hours) -> shift(query, workload, zone, hours).ifPresent(found::add));
		}
		return found;
	}

	private Optional<Opportunity> shift(OpportunityQuery query, Workload workload, String zone,
			List<SelectedSums.Hour> hours) {
		Map<Instant, Double> intensity = intensities(zone, query);
		Map<Instant, Double> energy = new HashMap<>();
		double ledgerKg = 0;
		for (SelectedSums.Hour hour : hours) {
			energy.merge(hour.hour(), hour.facilityKwh(), Double::sum);
			ledgerKg += hour.co2eLocationKg();
		}
		TimeShiftPlan central = TimeShiftPlan.of(energy, intensity, FLEXIBLE);
		if (central.days() == 0 || central.savingKg() < MIN_SHARE * central.currentKg()) {
			return Optional.empty();
		}
		TimeShiftPlan cautious = TimeShiftPlan.of(energy, intensity, FLEXIBLE_LOW);
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("facilityKwh", central.energyKwh());
		figures.put("shiftedKwh", central.shiftedKwh());
		figures.put("days", (double) central.days());
		figures.put("daysWithoutHourlyData", (double) central.daysSkipped());
		figures.put("currentGramsPerKwh", 1000 * central.currentKg() / central.energyKwh());
		figures.put("shiftedGramsPerKwh", 1000 * (central.currentKg() - central.savingKg()) / central.energyKwh());
		figures.put("currentKgCo2eAtHourlyIntensity", central.currentKg());
		String cleanest = central.cleanestHoursOfDay()
			.stream()
			.map(hour -> String.format(Locale.ROOT, "%02d:00", hour))
			.reduce((a, b) -> a + ", " + b)
			.orElse("");
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("workload", workload.id().toString());
		attributes.put("gridZone", zone);
		attributes.put("cleanestHoursUtc", cleanest);
		attributes.put("window", "the same UTC day");
		List<String> assumptions = List.of(
				"Each day's measured energy of the workload's training, fine-tuning and experimentation series ("
						+ round(central.energyKwh()) + " kWh on " + central.days()
						+ " days) may move to other hours of the same UTC day; inference is not moved.",
				"An hour takes at most the day's largest hourly energy (the workload's capacity); the energy is"
						+ " placed in the day's cleanest imported hours of zone " + zone + " first (most often "
						+ cleanest + " UTC).",
				"Intensities are the imported hourly life-cycle values of the zone; days without all 24 hours"
						+ " imported (" + central.daysSkipped() + ") are left out. PUE and total energy do not change.",
				"Range: low with half of each day's energy movable, high with all of it.");
		FactorReference hourly = new FactorReference("GRID_INTENSITY", zone, figures.get("shiftedGramsPerKwh"),
				"gCO2e/kWh", "hourly-grid-intensity", "imported", query.from() + ".." + query.to(),
				"Hourly life-cycle intensity imported for zone " + zone + ", " + central.days() * 24 + " hour(s)",
				DataQuality.METERED);
		String period = "from=" + query.from() + "&to=" + query.to();
		Opportunity.Subject subject = new Opportunity.Subject("workload", workload.name(), attributes, List.of(
				new Opportunity.Link("workload", "/workloads/" + workload.id()),
				new Opportunity.Link("footprint", "/api/v1/workloads/" + workload.id() + "/footprint?" + period)));
		return Optional.of(new Opportunity(OpportunityKind.TIME_SHIFT, subject, ledgerKg, central.savingKg(),
				new Opportunity.Range(cautious.savingKg(), central.savingKg()), null, Opportunity.Confidence.MEDIUM,
				assumptions, new Opportunity.Evidence(List.of(), List.of(hourly), figures)));
	}

	/** The zone's imported hours over the query's days. */
	private Map<Instant, Double> intensities(String zone, OpportunityQuery query) {
		Map<Instant, Double> values = new HashMap<>();
		Instant end = start(query.to().plusDays(1));
		for (Instant from = start(query.from()); from.isBefore(end); from = from.plus(CHUNK)) {
			Instant to = from.plus(CHUNK).isBefore(end) ? from.plus(CHUNK) : end;
			for (GridHours.Hour hour : this.grid.hours(zone, from, to)) {
				values.put(hour.start(), hour.gramsPerKwh());
			}
		}
		return values;
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static String round(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
