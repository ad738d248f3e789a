package org.greenledger.reduction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.AcceleratorEmbodied;
import org.greenledger.core.footprint.EmbodiedHardware;
import org.greenledger.core.footprint.FactorLookup.EmbodiedFactors;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.ingestion.GpuModels;
import org.greenledger.ledger.MeasuredEnergyQuery;
import org.greenledger.sites.Site;
import org.greenledger.sites.SiteKind;
import org.greenledger.sites.Sites;
import org.springframework.stereotype.Component;

/**
 * {@code HARDWARE_LIFETIME}: the amortized embodied emissions of the GPU servers measured
 * at own and colocated sites, were the hardware kept {@link #EXTENSION_YEARS} years
 * longer than the lifespan the engine amortizes it over. The amortized share is
 * {@code TE x hours / (lifespan x U)} (SCI), so a longer life lowers each hour's share by
 * {@code lifespan / (lifespan + extension)}.
 */
@Component
class HardwareLifetimes implements OpportunityFinder {

	/**
	 * The extension proposed (central), and the range. Two years: the useful life
	 * Microsoft (annual report FY2022) and Alphabet (annual report 2022, from 2023)
	 * extended their servers by, from four to six years.
	 */
	static final double EXTENSION_YEARS = 2;

	static final double EXTENSION_LOW = 1;

	static final double EXTENSION_HIGH = 3;

	private final Sites sites;

	private final MeasuredEnergyQuery measured;

	private final LibraryFactorLookup factors;

	HardwareLifetimes(Sites sites, MeasuredEnergyQuery measured, LibraryFactorLookup factors) {
		this.sites = sites;
		this.measured = measured;
		this.factors = factors;
	}

	@Override
	public OpportunityKind kind() {
		return OpportunityKind.HARDWARE_LIFETIME;
	}

	/** The amortized embodied emissions of the site's GPUs of the model. */
	@Override
	public double emissions(Opportunity.Subject subject, OpportunityQuery period, boolean adopted) {
		return this.measured
			.energy(period.from(), period.to(), "model", null, Map.of("site", subject.attributes().get("site")))
			.stream()
			.filter(group -> group.value().equals(subject.attributes().get("gpuModel")))
			.mapToDouble(MeasuredEnergyQuery.Group::co2eEmbodiedKg)
			.sum();
	}

	@Override
	public List<Opportunity> find(OpportunityQuery query) {
		List<Opportunity> found = new ArrayList<>();
		for (Site site : this.sites.all(query.scope())) {
			if (site.kind() == SiteKind.CLOUD || !query.orgUnits().isEmpty()
					&& (site.orgUnit() == null || !query.orgUnits().contains(site.orgUnit()))) {
				continue;
			}
			for (MeasuredEnergyQuery.Group group : this.measured.energy(query.from(), query.to(), "model", null,
					Map.of("site", site.code()))) {
				if (group.acceleratorHours() > 0 && group.co2eEmbodiedKg() > 0) {
					extend(query, site, group).ifPresent(found::add);
				}
			}
		}
		return found;
	}

	private Optional<Opportunity> extend(OpportunityQuery query, Site site, MeasuredEnergyQuery.Group group) {
		String model = GpuModels.libraryKey(group.value());
		Optional<EmbodiedFactors> embodied = this.factors.acceleratorEmbodied(model);
		if (embodied.isEmpty()) {
			return Optional.empty();
		}
		AcceleratorEmbodied now = embodied.get().model();
		TimeSpan hours = TimeSpan.ofHours(group.acceleratorHours());
		double current = now.forAcceleratorHours(hours).kilograms();
		double share = 1 - longer(now, EXTENSION_YEARS).forAcceleratorHours(hours).kilograms() / current;
		double low = 1 - longer(now, EXTENSION_LOW).forAcceleratorHours(hours).kilograms() / current;
		double high = 1 - longer(now, EXTENSION_HIGH).forAcceleratorHours(hours).kilograms() / current;
		double embodiedKg = group.co2eEmbodiedKg();
		double lifespanYears = now.accelerator().lifespan().hours() / TimeSpan.HOURS_PER_YEAR;
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("gpuHours", group.acceleratorHours());
		figures.put("embodiedKgCo2e", embodiedKg);
		figures.put("lifespanYears", lifespanYears);
		figures.put("proposedLifespanYears", lifespanYears + EXTENSION_YEARS);
		figures.put("savingShare", share);
		if (now.server() != null) {
			figures.put("serverLifespanYears", now.server().lifespan().hours() / TimeSpan.HOURS_PER_YEAR);
		}
		List<String> assumptions = List.of(
				"The site's GPUs (" + group.value() + ") and their servers are kept " + fmt(EXTENSION_YEARS)
						+ " years longer than the " + fmt(lifespanYears)
						+ " years the engine amortizes them over; each GPU-hour then carries a smaller share of"
						+ " their embodied emissions (SCI amortization).",
				"Two years is the extension Microsoft and Alphabet applied to their servers' useful life (four to"
						+ " six years); range: " + fmt(EXTENSION_LOW) + " to " + fmt(EXTENSION_HIGH) + " years.",
				"Older hardware may use more energy for the same work; that change of operational emissions is"
						+ " not counted. Embodied emissions stay as the ledger amortized them (location-independent).");
		String period = "from=" + query.from() + "&to=" + query.to();
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("site", site.code());
		attributes.put("siteName", site.name());
		attributes.put("model", model);
		attributes.put("gpuModel", group.value());
		return Optional.of(new Opportunity(OpportunityKind.HARDWARE_LIFETIME,
				new Opportunity.Subject("site", site.code() + " " + group.value(), attributes,
						List.of(new Opportunity.Link("site", "/sites/" + site.code()),
								new Opportunity.Link("measured-energy",
										"/api/v1/measured-energy?" + period + "&groupBy=model"))),
				embodiedKg, embodiedKg * share, new Opportunity.Range(embodiedKg * low, embodiedKg * high), null,
				Opportunity.Confidence.LOW, assumptions,
				new Opportunity.Evidence(List.of(), embodied.get().references(), figures)));
	}

	/** The same hardware with every lifespan longer by {@code years}. */
	static AcceleratorEmbodied longer(AcceleratorEmbodied hardware, double years) {
		EmbodiedHardware server = hardware.server();
		return new AcceleratorEmbodied(longer(hardware.accelerator(), years),
				(server != null) ? longer(server, years) : null, hardware.acceleratorsPerServer());
	}

	private static EmbodiedHardware longer(EmbodiedHardware hardware, double years) {
		return new EmbodiedHardware(hardware.totalEmbodied(),
				TimeSpan.ofHours(hardware.lifespan().hours() + years * TimeSpan.HOURS_PER_YEAR),
				hardware.expectedUtilization());
	}

	private static String fmt(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

}
