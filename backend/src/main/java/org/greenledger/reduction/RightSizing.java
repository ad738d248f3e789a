package org.greenledger.reduction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceType;
import org.greenledger.ledger.CpuUtilizationQuery;
import org.greenledger.ledger.InstanceUsage;
import org.springframework.stereotype.Component;

/**
 * {@code RIGHT_SIZING}: cloud instances whose CPU utilization telemetry shows them mostly
 * idle (95th percentile below {@link #LOW_P95} percent), moved to the smallest size of
 * the same family (same CPU, no fewer accelerators) whose vCPUs hold the observed 95th
 * percentile at no more than {@link #TARGET_P95} percent and the observed peak at no more
 * than 100 percent. The saving is the difference of the engine's figures for the
 * instance's hours at both sizes ({@link InstanceFootprints}); the instance is found in
 * the ledger by type, account and region ({@link InstanceUsage}).
 */
@Component
class RightSizing implements OpportunityFinder {

	/** Instances whose 95th percentile CPU utilization is below this are proposed. */
	static final double LOW_P95 = 40.0;

	/** The 95th percentile the smaller size may reach (30 points of headroom). */
	static final double TARGET_P95 = 70.0;

	private final CpuUtilizationQuery utilization;

	private final InstanceUsage usage;

	private final InstanceCatalog catalog;

	private final InstanceFootprints footprints;

	RightSizing(CpuUtilizationQuery utilization, InstanceUsage usage, InstanceCatalog catalog,
			InstanceFootprints footprints) {
		this.utilization = utilization;
		this.usage = usage;
		this.catalog = catalog;
		this.footprints = footprints;
	}

	@Override
	public OpportunityKind kind() {
		return OpportunityKind.RIGHT_SIZING;
	}

	/** The ledger's emissions (location-based and embodied) of the instance's type. */
	@Override
	public double emissions(Opportunity.Subject subject, OpportunityQuery period, boolean adopted) {
		Map<String, String> attributes = subject.attributes();
		double kg = 0;
		for (String type : List.of(attributes.get("instanceType"), attributes.get("recommendedInstanceType"))) {
			kg += this.usage
				.of(period.from(), period.to(), attributes.get("provider"), attributes.get("region"),
						attributes.get("accountId"), type)
				.stream()
				.mapToDouble(billed -> billed.locationKg() + billed.embodiedKg())
				.sum();
		}
		return kg;
	}

	@Override
	public List<Opportunity> find(OpportunityQuery query) {
		List<Opportunity> found = new ArrayList<>();
		// utilization series belong to instances, not to org units: shown to callers who
		// see the whole organisation only
		if (!query.orgUnits().isEmpty() || !query.scope().unrestricted()) {
			return found;
		}
		for (CpuUtilizationQuery.InstanceUtilization instance : this.utilization.instances(query.from(), query.to())) {
			if (instance.p95Percent() < LOW_P95 && instance.hours() > 0) {
				rightSize(query, instance).ifPresent(found::add);
			}
		}
		return found;
	}

	private Optional<Opportunity> rightSize(OpportunityQuery query, CpuUtilizationQuery.InstanceUtilization instance) {
		InstanceType current = this.catalog.find(instance.provider(), instance.instanceType()).orElse(null);
		if (current == null) {
			return Optional.empty();
		}
		List<InstanceType> sizes = smallerSizes(current, instance);
		if (sizes.isEmpty()) {
			return Optional.empty();
		}
		List<InstanceUsage.Billed> billed = this.usage.of(query.from(), query.to(), instance.provider(),
				instance.region(), instance.accountId(), instance.instanceType());
		double billedVcpuHours = billed.stream().mapToDouble(InstanceUsage.Billed::vcpuHours).sum();
		if (billedVcpuHours <= 0) {
			return Optional.empty();
		}
		double billedHours = billedVcpuHours / current.vcpus();
		double hours = Math.min(instance.hours(), billedHours);
		double share = hours / billedHours;
		double mean = instance.meanPercent() / 100;
		InstanceType target = sizes.getFirst();
		InstanceType cautious = sizes.get(Math.min(1, sizes.size() - 1));
		InstanceFootprints.Figures now = this.footprints.of(current, instance.region(), hours, mean, query);
		InstanceFootprints.Figures after = this.footprints.of(target, instance.region(), hours,
				Math.min(1, mean * current.vcpus() / target.vcpus()), query);
		InstanceFootprints.Figures afterCautious = this.footprints.of(cautious, instance.region(), hours,
				Math.min(1, mean * current.vcpus() / cautious.vcpus()), query);
		if (now == null || after == null || afterCautious == null) {
			return Optional.empty();
		}
		double saving = now.kg() - after.kg();
		if (saving <= 0) {
			return Optional.empty();
		}
		double low = Math.max(0, now.kg() - afterCautious.kg());
		double ledgerKg = share * billed.stream().mapToDouble(each -> each.locationKg() + each.embodiedKg()).sum();
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("p95CpuPercent", instance.p95Percent());
		figures.put("meanCpuPercent", instance.meanPercent());
		figures.put("peakCpuPercent", instance.peakPercent());
		figures.put("utilizationDatapoints", (double) instance.datapoints());
		figures.put("instanceHours", hours);
		figures.put("billedInstanceHours", billedHours);
		figures.put("currentVcpus", (double) current.vcpus());
		figures.put("recommendedVcpus", (double) target.vcpus());
		figures.put("currentItKwh", now.itKwh());
		figures.put("recommendedItKwh", after.itKwh());
		figures.put("currentLocationKgCo2e", now.locationKg());
		figures.put("recommendedLocationKgCo2e", after.locationKg());
		figures.put("currentMarketKgCo2e", now.marketKg());
		figures.put("recommendedMarketKgCo2e", after.marketKg());
		figures.put("marketSavingKgCo2e", now.marketKg() + now.embodiedKg() - after.marketKg() - after.embodiedKg());
		figures.put("currentEmbodiedKgCo2e", now.embodiedKg());
		figures.put("recommendedEmbodiedKgCo2e", after.embodiedKg());
		figures.put("ledgerKgCo2e", ledgerKg);
		List<String> assumptions = new ArrayList<>(List.of(String.format(Locale.ROOT,
				"CPU utilization of %s (%d CloudWatch datapoints, %s): 95th percentile %.1f%%, mean %.1f%%, peak"
						+ " %.1f%%; below %.0f%% at the 95th percentile an instance is proposed for a smaller size.",
				instance.instanceId(), instance.datapoints(), String.join("/", instance.statistics()),
				instance.p95Percent(), instance.meanPercent(), instance.peakPercent(), LOW_P95),
				String.format(Locale.ROOT,
						"%s (%d vCPUs) is the smallest %s size whose vCPUs keep the 95th percentile at or below"
								+ " %.0f%% and the peak at or below 100%% (the same work on fewer vCPUs); memory use is"
								+ " not measured, check that %.0f GB are enough.",
						target.name(), target.vcpus(), family(current.name()), TARGET_P95, target.memoryGb()),
				String.format(Locale.ROOT,
						"Both sizes are calculated by the ledger's engine for the same %.1f hours in %s (vCPU power at"
								+ " the measured mean utilization, scaled to the smaller size's vCPUs; memory; the"
								+ " host's embodied share); the saving is location-based plus embodied CO2e.",
						hours, instance.region()),
				"The instance is matched to the bill by type, account and region (the ledger keeps no resource ids):"
						+ String.format(Locale.ROOT, " %.1f of the %.1f billed %s hours.", hours, billedHours,
								current.name()),
				"Range: low moves to " + cautious.name() + ", high to " + target.name() + "."));
		Opportunity.CostImpact cost = costImpact(query, instance, billed, billedHours, hours, target, assumptions);
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("provider", instance.provider());
		attributes.put("region", instance.region());
		if (instance.accountId() != null) {
			attributes.put("accountId", instance.accountId());
		}
		attributes.put("instanceId", instance.instanceId());
		attributes.put("instanceType", current.name());
		attributes.put("recommendedInstanceType", target.name());
		String period = "from=" + query.from() + "&to=" + query.to();
		List<Opportunity.Link> links = List.of(new Opportunity.Link("explorer",
				"/explorer?" + period + "&provider=" + instance.provider() + "&region=" + instance.region()));
		List<Opportunity.LineRef> lines = billed.stream()
			.flatMap(each -> each.firstLines().stream())
			.limit(LedgerEvidence.LINES)
			.map(line -> new Opportunity.LineRef(line.jobId(), line.row(),
					"/explorer/lines/" + line.jobId() + "/" + line.row()))
			.toList();
		List<Opportunity.LineRef> telemetry = instance.evidence()
			.stream()
			.map(point -> new Opportunity.LineRef(point.jobId(), point.row(), "/api/v1/ingestions/" + point.jobId()))
			.toList();
		return Optional.of(new Opportunity(OpportunityKind.RIGHT_SIZING,
				new Opportunity.Subject("resource", instance.instanceId(), attributes, links), ledgerKg, saving,
				new Opportunity.Range(low, saving), cost,
				(instance.hours() >= 24 * 7) ? Opportunity.Confidence.MEDIUM : Opportunity.Confidence.LOW, assumptions,
				new Opportunity.Evidence(lines, now.factors(), figures, telemetry)));
	}

	/**
	 * The sizes of the instance's family smaller than it that hold its observed load,
	 * smallest first: same CPU microarchitecture and accelerators, enough vCPUs for the
	 * 95th percentile at {@link #TARGET_P95} and the peak at 100 percent.
	 */
	List<InstanceType> smallerSizes(InstanceType current, CpuUtilizationQuery.InstanceUtilization instance) {
		String family = family(current.name());
		double needed = Math.max(current.vcpus() * instance.p95Percent() / TARGET_P95,
				current.vcpus() * instance.peakPercent() / 100);
		return this.catalog.names(current.provider())
			.stream()
			.filter(name -> family(name).equals(family))
			.map(name -> this.catalog.find(current.provider(), name).orElseThrow())
			.filter(size -> size.vcpus() < current.vcpus() && size.vcpus() >= needed)
			.filter(size -> size.gpuCount() == current.gpuCount()
					&& java.util.Objects.equals(size.microarchitecture(), current.microarchitecture()))
			.sorted(Comparator.comparingInt(InstanceType::vcpus).thenComparingDouble(InstanceType::memoryGb))
			.toList();
	}

	/**
	 * The cost difference when the bill prices both sizes: the instance's billed cost per
	 * hour against the smaller size's billed cost per hour in the same region (any
	 * account) and currency; null otherwise, with the reason added to the assumptions.
	 */
	private Opportunity.@Nullable CostImpact costImpact(OpportunityQuery query,
			CpuUtilizationQuery.InstanceUtilization instance, List<InstanceUsage.Billed> billed, double billedHours,
			double hours, InstanceType target, List<String> assumptions) {
		if (billed.stream().map(InstanceUsage.Billed::currency).distinct().count() != 1
				|| billed.getFirst().currency() == null) {
			assumptions.add("Cost change not estimated: the instance's bill is in more than one currency or none.");
			return null;
		}
		String currency = billed.getFirst().currency();
		BigDecimal cost = billed.stream()
			.map(InstanceUsage.Billed::billedCost)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		List<InstanceUsage.Billed> there = this.usage
			.of(query.from(), query.to(), instance.provider(), instance.region(), null, target.name())
			.stream()
			.filter(each -> currency.equals(each.currency()) && each.vcpuHours() > 0)
			.toList();
		if (there.isEmpty() || cost.signum() <= 0) {
			assumptions.add("Cost change not estimated: the bill of the period has no " + target.name() + " usage in "
					+ instance.region() + " to take its price from (the instance catalog holds no prices).");
			return null;
		}
		double targetHours = there.stream().mapToDouble(each -> each.vcpuHours() / target.vcpus()).sum();
		double targetCost = there.stream().mapToDouble(each -> each.billedCost().doubleValue()).sum();
		double perHourNow = cost.doubleValue() / billedHours;
		double perHourThere = targetCost / targetHours;
		BigDecimal amount = BigDecimal.valueOf((perHourThere - perHourNow) * hours).setScale(2, RoundingMode.HALF_EVEN);
		return new Opportunity.CostImpact(amount, currency, "billed cost per instance-hour of " + target.name() + " in "
				+ instance.region() + " in the period against this instance type's, for the instance's hours");
	}

	/**
	 * The family of an instance type: the part before the size ({@code m5} of
	 * m5.4xlarge).
	 */
	static String family(String type) {
		int dot = type.indexOf('.');
		return (dot > 0) ? type.substring(0, dot) : type;
	}

}
