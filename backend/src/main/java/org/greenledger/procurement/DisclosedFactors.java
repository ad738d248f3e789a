package org.greenledger.procurement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.greenledger.core.footprint.WaterIntensity;

/**
 * The supplier's disclosed PUE, WUE and market-based intensity in place of the library's,
 * marked as supplier-reported (tier 2).
 */
final class DisclosedFactors extends DelegatingFactorLookup {

	private final Supplier supplier;

	private final Map<String, ProfileValue> profile;

	private final List<ProductFootprints.Stored> hardware;

	DisclosedFactors(FactorLookup delegate, Supplier supplier, Map<String, ProfileValue> profile,
			List<ProductFootprints.Stored> hardware) {
		super(delegate);
		this.supplier = supplier;
		this.profile = profile;
		this.hardware = hardware;
	}

	/**
	 * The library's amortization with the accelerator's manufacturing emissions from the
	 * supplier's PACT footprint of it, when one names the model (for example a footprint
	 * of an "NVIDIA H100 SXM5" for H100-SXM).
	 */
	@Override
	public Optional<EmbodiedFactors> acceleratorEmbodied(String model) {
		Optional<EmbodiedFactors> library = super.acceleratorEmbodied(model);
		String token = model.split("-")[0].toUpperCase(Locale.ROOT);
		Optional<ProductFootprints.Stored> footprint = this.hardware.stream()
			.filter(each -> each.productName().toUpperCase(Locale.ROOT).replace(" ", "").contains(token))
			.findFirst();
		if (library.isEmpty() || footprint.isEmpty() || token.isBlank()) {
			return library;
		}
		AcceleratorEmbodied base = library.get().model();
		ProductFootprints.Stored pcf = footprint.get();
		List<FactorReference> references = new ArrayList<>();
		references.add(new FactorReference("EMBODIED", pcf.productName(), pcf.kgCo2ePerProduct(), "kgCO2e", "pact",
				pcf.footprintId().toString(), pcf.referencePeriod(), "PACT product footprint of " + this.supplier.name()
						+ " (disclosure v" + pcf.disclosureVersion() + ", spec " + pcf.specVersion() + ")",
				DataQuality.SUPPLIER_REPORTED));
		library.get()
			.references()
			.stream()
			.filter(reference -> !(reference.kind().equals("EMBODIED") && reference.key().startsWith("GPU:")))
			.forEach(references::add);
		return Optional.of(
				new EmbodiedFactors(new AcceleratorEmbodied(
						new EmbodiedHardware(CarbonMass.ofKilograms(pcf.kgCo2ePerProduct()),
								base.accelerator().lifespan(), base.accelerator().expectedUtilization()),
						base.server(), base.acceleratorsPerServer()), references));
	}

	private @Nullable Double number(String key) {
		ProfileValue value = this.profile.get(key);
		return (value != null && value.number() != null && Double.isFinite(value.number())) ? value.number() : null;
	}

	private FactorReference reference(String kind, double value, String unit, String key) {
		ProfileValue disclosed = this.profile.get(key);
		return new FactorReference(kind, this.supplier.name(), value, unit, "supplier-disclosure",
				this.supplier.id().toString(), "as disclosed",
				(disclosed != null && disclosed.evidence() != null) ? disclosed.evidence() : "supplier disclosure",
				DataQuality.SUPPLIER_REPORTED);
	}

	@Override
	public Factor<PowerUsageEffectiveness> pue(Location location, LocalDate date) {
		Double pue = number("facility.pue");
		return (pue != null && pue >= 1)
				? new Factor<>(PowerUsageEffectiveness.of(pue), reference("PUE", pue, "ratio", "facility.pue"))
				: super.pue(location, date);
	}

	@Override
	public Factor<WaterIntensity> wue(Location location, LocalDate date) {
		Double wue = number("facility.wue");
		return (wue != null && wue >= 0) ? new Factor<>(WaterIntensity.ofLitersPerKilowattHour(wue),
				reference("WUE", wue, "L/kWh", "facility.wue")) : super.wue(location, date);
	}

	@Override
	public Optional<Factor<CarbonIntensity>> marketIntensity(Location location, LocalDate date) {
		Double market = number("grid.market_intensity");
		return (market != null && market >= 0)
				? Optional.of(new Factor<>(CarbonIntensity.ofGramsPerKilowattHour(market),
						reference("MARKET_INTENSITY", market, "gCO2e/kWh", "grid.market_intensity")))
				: super.marketIntensity(location, date);
	}

}
