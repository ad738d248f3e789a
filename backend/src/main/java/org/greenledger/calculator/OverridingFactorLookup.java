package org.greenledger.calculator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.footprint.AcceleratorEmbodied;
import org.greenledger.core.footprint.CarbonIntensity;
import org.greenledger.core.footprint.CarbonMass;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.DelegatingFactorLookup;
import org.greenledger.core.footprint.EmbodiedHardware;
import org.greenledger.core.footprint.Factor;
import org.greenledger.core.footprint.FactorLookup;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.PowerUsageEffectiveness;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.WaterIntensity;

/**
 * Factors given in a request win over the library; everything else comes from the
 * library.
 */
final class OverridingFactorLookup extends DelegatingFactorLookup {

	static final String DATASET = "request";

	private final FactorLookup library;

	private final EstimateRequest request;

	OverridingFactorLookup(FactorLookup library, EstimateRequest request) {
		super(library);
		this.library = library;
		this.request = request;
	}

	@Override
	public Factor<PowerUsageEffectiveness> pue(Location location, LocalDate date) {
		Double pue = this.request.pue();
		return (pue != null) ? given("PUE", pue, "ratio", PowerUsageEffectiveness.of(pue), "pue")
				: this.library.pue(location, date);
	}

	@Override
	public Factor<CarbonIntensity> gridIntensity(Location location, LocalDate date) {
		Double grid = this.request.gridIntensityGramsPerKwh();
		return (grid != null) ? given("GRID_INTENSITY", grid, "gCO2e/kWh", CarbonIntensity.ofGramsPerKilowattHour(grid),
				"gridIntensityGramsPerKwh") : this.library.gridIntensity(location, date);
	}

	@Override
	public Optional<Factor<CarbonIntensity>> marketIntensity(Location location, LocalDate date) {
		Double market = this.request.marketFactorGramsPerKwh();
		return (market != null)
				? Optional.of(given("MARKET_INTENSITY", market, "gCO2e/kWh",
						CarbonIntensity.ofGramsPerKilowattHour(market), "marketFactorGramsPerKwh"))
				: this.library.marketIntensity(location, date);
	}

	@Override
	public Factor<WaterIntensity> wue(Location location, LocalDate date) {
		Double wue = this.request.wueLitersPerKwh();
		return (wue != null)
				? given("WUE", wue, "L/kWh", WaterIntensity.ofLitersPerKilowattHour(wue), "wueLitersPerKwh")
				: this.library.wue(location, date);
	}

	@Override
	public Factor<WaterIntensity> ewif(Location location, LocalDate date) {
		Double ewif = this.request.ewifLitersPerKwh();
		return (ewif != null)
				? given("EWIF", ewif, "L/kWh", WaterIntensity.ofLitersPerKilowattHour(ewif), "ewifLitersPerKwh")
				: this.library.ewif(location, date);
	}

	@Override
	public Optional<EmbodiedFactors> acceleratorEmbodied(String model) {
		EstimateRequest.EmbodiedOverride embodied = this.request.embodied();
		if (embodied == null) {
			return this.library.acceleratorEmbodied(model);
		}
		double use = (embodied.utilization() != null) ? embodied.utilization() : 1.0;
		TimeSpan life = TimeSpan.ofYears(embodied.lifespanYears());
		List<FactorReference> references = new ArrayList<>();
		references.add(reference("EMBODIED", embodied.acceleratorKgCo2e(), "kgCO2e", "embodied.acceleratorKgCo2e"));
		references.add(reference("LIFESPAN", embodied.lifespanYears(), "years", "embodied.lifespanYears"));
		references.add(reference("USE_SHARE", use, "ratio", "embodied.utilization"));
		EmbodiedHardware accelerator = new EmbodiedHardware(CarbonMass.ofKilograms(embodied.acceleratorKgCo2e()), life,
				use);
		if (embodied.serverKgCo2e() == null) {
			return Optional.of(new EmbodiedFactors(AcceleratorEmbodied.acceleratorOnly(accelerator), references));
		}
		int perServer = (embodied.acceleratorsPerServer() != null) ? embodied.acceleratorsPerServer() : 1;
		references.add(reference("EMBODIED", embodied.serverKgCo2e(), "kgCO2e", "embodied.serverKgCo2e"));
		references.add(reference("ACCELERATORS_PER_SERVER", perServer, "count", "embodied.acceleratorsPerServer"));
		EmbodiedHardware server = new EmbodiedHardware(CarbonMass.ofKilograms(embodied.serverKgCo2e()), life, use);
		return Optional.of(new EmbodiedFactors(new AcceleratorEmbodied(accelerator, server, perServer), references));
	}

	private static <T> Factor<T> given(String kind, double value, String unit, T typed, String field) {
		return new Factor<>(typed, reference(kind, value, unit, field));
	}

	private static FactorReference reference(String kind, @Nullable Number value, String unit, String field) {
		return new FactorReference(kind, "request", (value != null) ? value.doubleValue() : 0, unit, DATASET, "-", "-",
				"Given in the request (" + field + ")", DataQuality.USAGE_ESTIMATE);
	}

}
