package org.greenledger.disclosure;

import java.util.List;

import org.greenledger.reports.Block;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Section;

/** Water consumption of own operations (ESRS E3-4), with the cloud's for information. */
final class EsrsWaterSection implements EsrsSection {

	@Override
	public Part build(Facts facts) {
		double water = EsrsDocument.total(facts.sites(), EnergyMix.SiteEnergy::waterLitres) / 1000;
		Datapoint consumption = facts.datapoint(EsrsFigure.WATER_CONSUMPTION, water,
				"sites' metered water intake; discharge is not metered");
		Section section = Section.builder("E3-4 Water consumption")
			.reference("ESRS E3-4")
			.add(Block.KeyFigures.of(EsrsDocument.keyFigure(consumption, 3),
					new KeyFigure("Cloud water on site (information)",
							facts.inventory().cloudWaterOnSiteLitres() / 1000, "m3", 3, null,
							"providers' cooling water, estimated with WUE"),
					new KeyFigure("Cloud water off site (information)",
							facts.inventory().cloudWaterOffSiteLitres() / 1000, "m3", 3, null,
							"water of electricity generation, estimated with EWIF")))
			.build();
		return new Part(section, List.of(consumption));
	}

}
