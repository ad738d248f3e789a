package org.greenledger.reduction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.Factor;
import org.greenledger.core.footprint.MissingFactorException;
import org.greenledger.core.footprint.Power;
import org.greenledger.ingestion.GpuModels;
import org.greenledger.ledger.MeasuredEnergyQuery;
import org.springframework.stereotype.Component;

/**
 * {@code IDLE_ACCELERATORS}: GPUs whose measured energy shows them powered but mostly
 * idle. The average power per GPU-hour is placed on the model's power curve (idle to
 * maximum, from the factor library) to estimate the utilization; the same work on fewer
 * GPUs kept busy at {@link #TARGET_UTILIZATION} would need fewer GPU-hours, and the idle
 * power of the released ones is the saving.
 */
@Component
class IdleAccelerators implements OpportunityFinder {

	/** Below this estimated utilization a GPU group is proposed for consolidation. */
	static final double LOW_UTILIZATION = 0.3;

	/** The utilization consolidated GPUs are assumed to reach. */
	static final double TARGET_UTILIZATION = 0.7;

	/** The cautious and favourable utilizations of the range. */
	static final double LOW_CASE = 0.5;

	static final double HIGH_CASE = 0.9;

	private final MeasuredEnergyQuery measured;

	private final LibraryFactorLookup factors;

	IdleAccelerators(MeasuredEnergyQuery measured, LibraryFactorLookup factors) {
		this.measured = measured;
		this.factors = factors;
	}

	@Override
	public OpportunityKind kind() {
		return OpportunityKind.IDLE_ACCELERATORS;
	}

	/** The location-based emissions of the GPU model's measured series. */
	@Override
	public double emissions(Opportunity.Subject subject, OpportunityQuery period, boolean adopted) {
		return this.measured.energy(period.from(), period.to(), "model", null)
			.stream()
			.filter(group -> group.value().equals(subject.name()))
			.mapToDouble(MeasuredEnergyQuery.Group::co2eLocationKg)
			.sum();
	}

	@Override
	public List<Opportunity> find(OpportunityQuery query) {
		List<Opportunity> found = new ArrayList<>();
		// measured series belong to sites and hosts, not to org units: shown to callers
		// who see the whole organisation only
		if (!query.orgUnits().isEmpty() || !query.scope().unrestricted()) {
			return found;
		}
		for (MeasuredEnergyQuery.Group group : this.measured.energy(query.from(), query.to(), "model", null)) {
			if (group.acceleratorHours() > 0 && group.energyKwh() > 0) {
				consolidate(query, group).ifPresent(found::add);
			}
		}
		return found;
	}

	private java.util.Optional<Opportunity> consolidate(OpportunityQuery query, MeasuredEnergyQuery.Group group) {
		String model = GpuModels.libraryKey(group.value());
		Factor<Power> idle;
		Factor<Power> max;
		try {
			idle = this.factors.acceleratorIdlePower(model);
			max = this.factors.acceleratorMaxPower(model);
		}
		catch (MissingFactorException ex) {
			return java.util.Optional.empty();
		}
		double hours = group.acceleratorHours();
		double idleKw = idle.value().watts() / 1000;
		double maxKw = max.value().watts() / 1000;
		double averageKw = group.energyKwh() / hours;
		double utilization = Math.clamp((averageKw - idleKw) / (maxKw - idleKw), 0, 1);
		if (utilization >= LOW_UTILIZATION || maxKw <= idleKw) {
			return java.util.Optional.empty();
		}
		double kgPerKwh = group.co2eLocationKg() / group.energyKwh();
		double saving = savedKwh(group.energyKwh(), hours, utilization, idleKw, maxKw, TARGET_UTILIZATION) * kgPerKwh;
		double low = savedKwh(group.energyKwh(), hours, utilization, idleKw, maxKw, LOW_CASE) * kgPerKwh;
		double high = savedKwh(group.energyKwh(), hours, utilization, idleKw, maxKw, HIGH_CASE) * kgPerKwh;
		if (saving <= 0) {
			return java.util.Optional.empty();
		}
		double neededHours = hours * utilization / TARGET_UTILIZATION;
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("gpuHours", hours);
		figures.put("energyKwh", group.energyKwh());
		figures.put("averagePowerW", averageKw * 1000);
		figures.put("idlePowerW", idleKw * 1000);
		figures.put("maxPowerW", maxKw * 1000);
		figures.put("estimatedUtilization", utilization);
		figures.put("idleEnergyKwh", hours * idleKw);
		figures.put("gpuHoursNeeded", neededHours);
		figures.put("kgCo2ePerKwh", kgPerKwh);
		List<String> assumptions = List.of(
				"Utilization is estimated from the measured average power per GPU-hour ("
						+ String.format(Locale.ROOT, "%.0f W", averageKw * 1000) + ") between the model's idle ("
						+ String.format(Locale.ROOT, "%.0f W", idleKw * 1000) + ") and maximum ("
						+ String.format(Locale.ROOT, "%.0f W", maxKw * 1000) + ") power, linearly.",
				"The same work on fewer GPUs kept at " + (int) (TARGET_UTILIZATION * 100)
						+ "% utilization; the released GPUs are switched off or returned (range: "
						+ (int) (LOW_CASE * 100) + "% to " + (int) (HIGH_CASE * 100) + "%).",
				"The saving carries the measured series' own location-based intensity (facility energy and"
						+ " grid, as the ledger calculated them); embodied emissions of released GPUs are not counted.");
		String period = "from=" + query.from() + "&to=" + query.to();
		return java.util.Optional.of(new Opportunity(OpportunityKind.IDLE_ACCELERATORS,
				new Opportunity.Subject("resource", group.value(), Map.of("model", model, "metric", "gpu"),
						List.of(new Opportunity.Link("measured-energy",
								"/api/v1/measured-energy?" + period + "&groupBy=gpu_uuid"))),
				group.co2eLocationKg(), saving, new Opportunity.Range(low, high), null, Opportunity.Confidence.MEDIUM,
				assumptions, new Opportunity.Evidence(List.of(), List.of(idle.reference(), max.reference()), figures)));
	}

	/**
	 * The measured energy less the energy of the same work on fewer GPUs at a
	 * utilization: {@code hours x u / target} GPU-hours at the power of that utilization.
	 */
	static double savedKwh(double energyKwh, double hours, double utilization, double idleKw, double maxKw,
			double target) {
		double neededHours = hours * utilization / target;
		return energyKwh - neededHours * (idleKw + target * (maxKw - idleKw));
	}

}
