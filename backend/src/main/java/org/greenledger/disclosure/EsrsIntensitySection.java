package org.greenledger.disclosure;

import java.util.List;

import org.greenledger.periods.NetRevenue;
import org.greenledger.reports.Block;
import org.greenledger.reports.Section;

/**
 * GHG intensity per net revenue: total GHG emissions, location- and market-based, per
 * million of the net revenue's currency; without net revenue the section says the
 * intensity is not reported and why.
 */
final class EsrsIntensitySection implements EsrsSection {

	@Override
	public Part build(Facts facts) {
		EsrsVersion version = facts.version();
		String requirement = version.requirement(EsrsFigure.INTENSITY_LOCATION);
		Section.Builder section = Section.builder(requirement + " GHG intensity per net revenue")
			.reference(version.reference(EsrsFigure.INTENSITY_LOCATION));
		RevenueBasis basis = facts.netRevenue();
		if (basis == null) {
			String source = "not reported: net revenue was not given";
			section.paragraph("The GHG intensity per net revenue is not reported because net revenue was not given."
					+ " Enter the net revenue on the reporting period, or give it in the report request (netRevenue:"
					+ " {amount, currency}), to report it.");
			return new Part(section.build(), List.of(facts.datapoint(EsrsFigure.INTENSITY_LOCATION, null, source),
					facts.datapoint(EsrsFigure.INTENSITY_MARKET, null, source)));
		}
		NetRevenue revenue = basis.revenue();
		double millions = revenue.millions();
		String unit = "t CO2e per million " + revenue.currency();
		String source = "total GHG emissions / net revenue of " + revenue.text() + " (" + basis.origin() + ")";
		List<Datapoint> datapoints = List.of(
				withUnit(facts.datapoint(EsrsFigure.INTENSITY_LOCATION,
						facts.inventory().totalLocationKg() / 1000 / millions, source), unit),
				withUnit(facts.datapoint(EsrsFigure.INTENSITY_MARKET,
						facts.inventory().totalMarketKg() / 1000 / millions, source), unit));
		section.paragraph("Net revenue of the period: " + revenue.text() + ", from the " + basis.origin() + ".")
			.add(Block.KeyFigures.of(EsrsDocument.keyFigure(datapoints.get(0), 4),
					EsrsDocument.keyFigure(datapoints.get(1), 4)));
		return new Part(section.build(), datapoints);
	}

	private static Datapoint withUnit(Datapoint datapoint, String unit) {
		return new Datapoint(datapoint.key(), datapoint.label(), datapoint.value(), unit, datapoint.reference(),
				datapoint.confirmation(), datapoint.source());
	}

}
