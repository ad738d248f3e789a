package org.greenledger.validation;

import java.time.LocalDate;

import org.greenledger.core.footprint.CarbonIntensity;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.DelegatingFactorLookup;
import org.greenledger.core.footprint.Factor;
import org.greenledger.core.footprint.FactorLookup;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Power;
import org.greenledger.core.footprint.PowerUsageEffectiveness;

/**
 * The factors a peer's test case states (PUE, grid intensity, CPU watts per vCPU) win
 * over the shipped library, as a calculator request's overrides do; everything else comes
 * from the library.
 */
final class GivenFactors extends DelegatingFactorLookup {

	private final CaseInputs inputs;

	GivenFactors(FactorLookup library, CaseInputs inputs) {
		super(library);
		this.inputs = inputs;
	}

	@Override
	public Factor<PowerUsageEffectiveness> pue(Location location, LocalDate date) {
		return this.inputs.has("pue")
				? given("PUE", "pue", "ratio", PowerUsageEffectiveness.of(this.inputs.number("pue")))
				: super.pue(location, date);
	}

	@Override
	public Factor<CarbonIntensity> gridIntensity(Location location, LocalDate date) {
		return this.inputs.has("grid_g_per_kwh")
				? given("GRID_INTENSITY", "grid_g_per_kwh", "gCO2e/kWh",
						CarbonIntensity.ofGramsPerKilowattHour(this.inputs.number("grid_g_per_kwh")))
				: super.gridIntensity(location, date);
	}

	@Override
	public Factor<Power> cpuMinPowerPerVcpu(String microarchitecture) {
		return this.inputs.has("cpu_min_w")
				? given("CPU_POWER_MIN", "cpu_min_w", "W/vCPU", Power.ofWatts(this.inputs.number("cpu_min_w")))
				: super.cpuMinPowerPerVcpu(microarchitecture);
	}

	@Override
	public Factor<Power> cpuMaxPowerPerVcpu(String microarchitecture) {
		return this.inputs.has("cpu_max_w")
				? given("CPU_POWER_MAX", "cpu_max_w", "W/vCPU", Power.ofWatts(this.inputs.number("cpu_max_w")))
				: super.cpuMaxPowerPerVcpu(microarchitecture);
	}

	private <T> Factor<T> given(String kind, String key, String unit, T value) {
		return new Factor<>(value, new FactorReference(kind, "peer case", this.inputs.number(key), unit, "peer-case",
				"-", "-", "Stated by the peer's test case (" + key + ")", DataQuality.USAGE_ESTIMATE));
	}

}
