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

import org.greenledger.core.factors.CloudRegion;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.CarbonIntensity;
import org.greenledger.core.footprint.Factor;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.MissingFactorException;
import org.greenledger.core.footprint.PowerUsageEffectiveness;
import org.greenledger.ledger.FootprintQuery;
import org.springframework.stereotype.Component;

/**
 * {@code REGION_SHIFT}: the ledger's usage of each provider region, run in the provider's
 * region with the lowest expected emissions (grid intensity x PUE, from the factor
 * library, as the engine chooses them), within the same partition of the provider.
 */
@Component
class RegionShifts implements OpportunityFinder {

	/** A shift saving less than this share of the region's emissions is not proposed. */
	static final double MIN_SHARE = 0.05;

	private final FootprintQuery footprint;

	private final FactorLibrary library;

	private final LibraryFactorLookup factors;

	private final LedgerEvidence evidence;

	RegionShifts(FootprintQuery footprint, FactorLibrary library, LibraryFactorLookup factors,
			LedgerEvidence evidence) {
		this.footprint = footprint;
		this.library = library;
		this.factors = factors;
		this.evidence = evidence;
	}

	@Override
	public OpportunityKind kind() {
		return OpportunityKind.REGION_SHIFT;
	}

	/** The location-based emissions of the region and the recommended region together. */
	@Override
	public double emissions(Opportunity.Subject subject, OpportunityQuery period, boolean adopted) {
		String provider = subject.attributes().get("provider");
		double kg = 0;
		for (String region : List.of(subject.attributes().get("region"),
				subject.attributes().get("recommendedRegion"))) {
			kg += this.footprint.query(period.from(), period.to(), Optional.empty(), period.lines(provider, region))
				.stream()
				.mapToDouble(FootprintQuery.Group::locationKg)
				.sum();
		}
		return kg;
	}

	@Override
	public List<Opportunity> find(OpportunityQuery query) {
		List<Opportunity> found = new ArrayList<>();
		for (String provider : this.footprint.values(query.from(), query.to(), "provider")) {
			List<FootprintQuery.Group> regions = this.footprint.query(query.from(), query.to(), Optional.of("region"),
					query.lines(provider, null));
			for (FootprintQuery.Group region : regions) {
				if (region.facilityKwh() > 0 && region.locationKg() > 0) {
					shift(query, provider, region).ifPresent(found::add);
				}
			}
		}
		return found;
	}

	private Optional<Opportunity> shift(OpportunityQuery query, String provider, FootprintQuery.Group usage) {
		Optional<CloudRegion> current = this.library.region(provider, usage.key());
		if (current.isEmpty()) {
			return Optional.empty();
		}
		Candidate here = candidate(current.get(), query).orElse(null);
		if (here == null) {
			return Optional.empty();
		}
		String partition = partition(current.get());
		List<Candidate> candidates = this.library.regions()
			.stream()
			.filter(region -> region.provider().equalsIgnoreCase(current.get().provider()))
			.filter(region -> !region.region().equals(current.get().region()))
			.filter(region -> partition(region).equals(partition))
			.map(region -> candidate(region, query))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparingDouble(Candidate::kgPerItKwh))
			.toList();
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		// the IT energy the ledger's facility energy stands for, at the current region's
		// PUE
		double itKwh = usage.facilityKwh() / here.pue().value().ratio();
		Candidate best = candidates.getFirst();
		Candidate cautious = candidates.get(Math.min(2, candidates.size() - 1));
		double saving = usage.locationKg() - itKwh * best.kgPerItKwh();
		if (saving < MIN_SHARE * usage.locationKg()) {
			return Optional.empty();
		}
		double low = Math.max(0, usage.locationKg() - itKwh * cautious.kgPerItKwh());
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("facilityKwh", usage.facilityKwh());
		figures.put("itKwh", itKwh);
		figures.put("currentGramsPerKwh", here.grid().value().gramsPerKilowattHour());
		figures.put("currentPue", here.pue().value().ratio());
		figures.put("targetGramsPerKwh", best.grid().value().gramsPerKilowattHour());
		figures.put("targetPue", best.pue().value().ratio());
		figures.put("targetKgCo2e", itKwh * best.kgPerItKwh());
		String name = provider + ":" + usage.key();
		Map<String, String> attributes = Map.of("provider", provider, "region", usage.key(), "regionName",
				current.get().name(), "recommendedRegion", best.region().region(), "recommendedRegionName",
				best.region().name(), "gridZone", current.get().gridZone(), "recommendedGridZone",
				best.region().gridZone());
		List<String> assumptions = List.of(
				"The same IT energy (" + round(itKwh) + " kWh) runs in " + best.region().region()
						+ " with that region's yearly grid intensity and PUE from the factor library; the current"
						+ " figure is the ledger's (hourly intensity where it was imported).",
				"Candidate regions are the provider's regions of the same partition in the factor library ("
						+ candidates.size() + "); the instance catalog lists no regional availability, so check"
						+ " that the instance family is offered in " + best.region().region() + ".",
				"Embodied emissions and data transfer between regions are not changed by the shift; latency,"
						+ " data residency and quotas are not assessed.",
				"Range: low assumes the third-cleanest candidate (" + cautious.region().region()
						+ "), high the cleanest.");
		List<org.greenledger.core.footprint.FactorReference> references = List.of(here.grid().reference(),
				here.pue().reference(), best.grid().reference(), best.pue().reference());
		return Optional.of(new Opportunity(OpportunityKind.REGION_SHIFT,
				new Opportunity.Subject("region", name, attributes,
						this.evidence.regionLinks(query, provider, usage.key())),
				usage.locationKg(), saving, new Opportunity.Range(low, saving),
				costImpact(query, provider, usage, best), Opportunity.Confidence.MEDIUM, assumptions,
				new Opportunity.Evidence(this.evidence.lines(query, query.lines(provider, usage.key())), references,
						figures)));
	}

	/**
	 * The cost difference when the bill holds usage of the recommended region in the
	 * period: the same facility energy at that region's cost per kWh; null otherwise.
	 */
	private Opportunity.@Nullable CostImpact costImpact(OpportunityQuery query, String provider,
			FootprintQuery.Group usage, Candidate best) {
		List<FootprintQuery.Group> there = this.footprint.query(query.from(), query.to(), Optional.empty(),
				query.lines(provider, best.region().region()));
		if (there.isEmpty() || there.getFirst().facilityKwh() <= 0 || usage.cost().size() != 1) {
			return null;
		}
		Map.Entry<String, BigDecimal> cost = usage.cost().entrySet().iterator().next();
		BigDecimal thereCost = there.getFirst().cost().get(cost.getKey());
		if (thereCost == null) {
			return null;
		}
		double perKwhThere = thereCost.doubleValue() / there.getFirst().facilityKwh();
		double perKwhHere = cost.getValue().doubleValue() / usage.facilityKwh();
		BigDecimal amount = BigDecimal.valueOf((perKwhThere - perKwhHere) * usage.facilityKwh())
			.setScale(2, RoundingMode.HALF_EVEN);
		return new Opportunity.CostImpact(amount, cost.getKey(),
				"billed cost per facility kWh of the same provider's usage in " + best.region().region()
						+ " in the period, applied to this region's energy");
	}

	private Optional<Candidate> candidate(CloudRegion region, OpportunityQuery query) {
		Location location = new Location.CloudRegion(region.provider(), region.region());
		try {
			return Optional.of(new Candidate(region, this.factors.gridIntensity(location, query.factorDate()),
					this.factors.pue(location, query.factorDate())));
		}
		catch (MissingFactorException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The provider's partition of a region (isolated clouds with their own accounts: AWS
	 * GovCloud, China, European Sovereign Cloud), which a workload does not leave.
	 */
	static String partition(CloudRegion region) {
		String code = region.region().toLowerCase(Locale.ROOT);
		for (String isolated : List.of("us-gov-", "cn-", "eusc-", "usgov", "china")) {
			if (code.startsWith(isolated)) {
				return isolated;
			}
		}
		return "commercial";
	}

	private static String round(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** A region with the factors the engine would use there. */
	private record Candidate(CloudRegion region, Factor<CarbonIntensity> grid, Factor<PowerUsageEffectiveness> pue) {

		/** Location-based kg CO2e per kWh of IT energy. */
		double kgPerItKwh() {
			return this.grid.value().gramsPerKilowattHour() / 1000 * this.pue.value().ratio();
		}

	}

}
