package org.greenledger.calculator.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.greenledger.calculator.Estimate;
import org.greenledger.core.footprint.EmbodiedRange;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.ImpactLine;

/** An estimate as the API returns it. */
@Schema(example = """
		{"itEnergyKwh": 260.0, "facilityEnergyKwh": 299.0,
		 "co2eKg": {"locationBased": 110.0, "marketBased": 110.0, "embodied": 3.3,
		            "embodiedRange": {"low": 2.9, "high": 3.9}, "total": 113.3},
		 "waterLiters": {"onSite": 46.8, "offSite": 0.0, "total": 46.8},
		 "dataQuality": {"tier": 5, "name": "DEFAULT_PROXY"}, "marketFallsBackToLocation": true,
		 "year": 2024, "methodVersion": "1.0", "lines": [], "factors": [], "assumptions": []}""")
record EstimateResponse(double itEnergyKwh, double facilityEnergyKwh, Co2e co2eKg, Water waterLiters,
		Quality dataQuality, boolean marketFallsBackToLocation, int year, String methodVersion, List<LineView> lines,
		List<FactorReference> factors, List<String> assumptions) {

	static EstimateResponse of(Estimate estimate) {
		return new EstimateResponse(estimate.itEnergy().kilowattHours(), estimate.facilityEnergy().kilowattHours(),
				new Co2e(estimate.locationBased().kilograms(), estimate.marketBased().kilograms(),
						estimate.embodied().kilograms(), Range.of(estimate.embodiedRange()),
						estimate.locationBased().plus(estimate.embodied()).kilograms()),
				new Water(estimate.waterOnSite().liters(), estimate.waterOffSite().liters(),
						estimate.waterOnSite().plus(estimate.waterOffSite()).liters()),
				new Quality(estimate.quality().tier(), estimate.quality().name()), estimate.marketFallsBackToLocation(),
				estimate.year(), org.greenledger.core.footprint.FootprintEngine.METHOD_VERSION,
				estimate.lines().stream().map(LineView::of).toList(), estimate.factors(), estimate.assumptions());
	}

	/**
	 * CO2e in kg; total = location-based operational + embodied; embodiedRange the low
	 * and high ends of the embodied figure.
	 */
	record Co2e(double locationBased, double marketBased, double embodied, Range embodiedRange, double total) {
	}

	/** Low and high ends of a figure, in kg. */
	record Range(double low, double high) {

		static Range of(EmbodiedRange range) {
			return new Range(range.low().kilograms(), range.high().kilograms());
		}

	}

	/** Water in litres. */
	record Water(double onSite, double offSite, double total) {
	}

	/** Data-quality tier (1 metered ... 5 default/proxy). */
	record Quality(int tier, String name) {
	}

	/** One usage line's impacts. */
	record LineView(String type, @Nullable String instanceType, double quantity, String unit, double itEnergyKwh,
			double facilityEnergyKwh, double co2eLocationKg, double co2eMarketKg, double co2eEmbodiedKg,
			Range co2eEmbodiedRangeKg, double waterOnSiteLiters, double waterOffSiteLiters, String scope,
			int dataQualityTier) {

		static LineView of(Estimate.Line line) {
			ImpactLine impact = line.impact();
			return new LineView(line.type(), line.instanceType(), line.quantity(), line.unit(),
					impact.itEnergy().kilowattHours(), impact.facilityEnergy().kilowattHours(),
					impact.locationBased().kilograms(), impact.marketBased().kilograms(), impact.embodied().kilograms(),
					Range.of(impact.embodiedRange()), impact.waterOnSite().liters(), impact.waterOffSite().liters(),
					impact.scope().label(), impact.quality().tier());
		}

	}

}
