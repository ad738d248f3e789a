package org.greenledger.disclosure;

import java.util.List;

import org.greenledger.reports.Block;
import org.greenledger.reports.Column;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;

/**
 * Energy consumption and mix of own operations (ESRS E1-5 of 2023/2772, E1-7 of the
 * revised text): site electricity drawn from the grid split fossil / nuclear / renewable,
 * renewable electricity generated on site and consumed there (self-generated non-fuel
 * renewable energy, E1-5 §37(c)(iii)), and generator fuel.
 */
final class EsrsEnergySection implements EsrsSection {

	private static final String SOURCE = "sites' metered facility electricity (grid), on-site renewable generation"
			+ " consumed (on-site renewable meters) and generator fuel (10.6841 kWh/L diesel); renewable: zero-rate"
			+ " instruments plus the grid zone's yearly renewable share, plus on-site generation";

	@Override
	public Part build(Facts facts) {
		List<EnergyMix.SiteEnergy> sites = facts.sites();
		EsrsVersion version = facts.version();
		double total = EsrsDocument.total(sites, EnergyMix.SiteEnergy::totalKwh) / 1000;
		double fossil = EsrsDocument.total(sites, EnergyMix.SiteEnergy::fossilKwh) / 1000;
		double nuclear = EsrsDocument.total(sites, EnergyMix.SiteEnergy::nuclearKwh) / 1000;
		double renewable = EsrsDocument.total(sites, EnergyMix.SiteEnergy::renewableKwh) / 1000;
		double purchased = EsrsDocument.total(sites, EnergyMix.SiteEnergy::purchasedRenewableKwh) / 1000;
		double selfGenerated = EsrsDocument.total(sites, EnergyMix.SiteEnergy::onSiteRenewableKwh) / 1000;
		List<Datapoint> datapoints = List.of(facts.datapoint(EsrsFigure.ENERGY_TOTAL, total, SOURCE),
				facts.datapoint(EsrsFigure.ENERGY_FOSSIL, fossil,
						"grid electricity not covered by renewable or nuclear shares, plus generator fuel"),
				facts.datapoint(EsrsFigure.ENERGY_NUCLEAR, nuclear,
						"grid zone's yearly carbon-free minus renewable share (Electricity Maps, ODbL)"),
				facts.datapoint(EsrsFigure.ENERGY_RENEWABLE, renewable,
						"purchased renewable electricity plus self-generated renewable electricity"),
				facts.datapoint(EsrsFigure.ENERGY_RENEWABLE_PURCHASED, purchased,
						"zero-rate certificates and PPAs, plus the grid zone's yearly renewable share of the rest"),
				facts.datapoint(EsrsFigure.ENERGY_RENEWABLE_SELF_GENERATED, selfGenerated,
						"sites' on-site renewable generation meters (generated on site and consumed there)"));
		String requirement = version.requirement(EsrsFigure.ENERGY_TOTAL);
		Section section = Section.builder(requirement + " Energy consumption and mix")
			.reference("ESRS " + requirement)
			.paragraph("Energy consumption of own operations: electricity drawn from the grid by own and colocated"
					+ " data centres, renewable electricity they generate on site and consume, and fuel burnt by their"
					+ " generators. Electricity of cloud services is not own consumption (it is in Scope 3); it is"
					+ " shown for information.")
			.add(Block.KeyFigures.of(EsrsDocument.keyFigure(datapoints.get(0), 3),
					EsrsDocument.keyFigure(datapoints.get(1), 3), EsrsDocument.keyFigure(datapoints.get(2), 3),
					EsrsDocument.keyFigure(datapoints.get(3), 3), EsrsDocument.keyFigure(datapoints.get(4), 3),
					EsrsDocument.keyFigure(datapoints.get(5), 3),
					new KeyFigure("Renewable share", (total > 0) ? 100 * renewable / total : 0, "%", 1,
							"ESRS " + requirement, null),
					new KeyFigure("Cloud electricity (information)", facts.inventory().cloudFacilityKwh() / 1000, "MWh",
							3, null, "Scope 3 category 1; not own consumption")))
			.add(Table.of("Energy per site (MWh)",
					List.of(Column.text("Site"), Column.number("Grid electricity", "MWh", 3),
							Column.number("On-site renewable", "MWh", 3), Column.number("Generator fuel", "MWh", 3),
							Column.number("Fossil", "MWh", 3), Column.number("Nuclear", "MWh", 3),
							Column.number("Renewable", "MWh", 3)),
					sites.stream()
						.map(site -> List.<Object>of(site.site().code(), site.electricityKwh() / 1000,
								site.onSiteRenewableKwh() / 1000, site.fuelKwh() / 1000, site.fossilKwh() / 1000,
								site.nuclearKwh() / 1000, site.renewableKwh() / 1000))
						.toList()))
			.note("Grid electricity not covered by zero-rate certificates or PPAs is split by the grid zone's yearly"
					+ " renewable and carbon-free shares (Electricity Maps, ODbL); generator fuel is diesel, fossil (no"
					+ " fuel from renewable sources is recorded). Renewable electricity generated on site and consumed"
					+ " there is metered at the generator's output (on-site renewable meters), so it is not in the"
					+ " facility's grid meter: it is added to the total and to the renewable share as self-generated"
					+ " non-fuel renewable energy.")
			.build();
		return new Part(section, datapoints);
	}

}
