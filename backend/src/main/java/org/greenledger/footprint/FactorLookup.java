package org.greenledger.footprint;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the engine gets its factors. Implementations decide precedence (request
 * overrides, the organisation's own factor sets, shipped defaults); the engine only
 * records what it was given. Methods throw {@link MissingFactorException} when nothing is
 * known.
 */
public interface FactorLookup {

	Factor<PowerUsageEffectiveness> pue(Location location, LocalDate date);

	Factor<CarbonIntensity> gridIntensity(Location location, LocalDate date);

	/** A supplier-specific, contractual or residual-mix factor, when one is known. */
	Optional<Factor<CarbonIntensity>> marketIntensity(Location location, LocalDate date);

	Factor<WaterIntensity> wue(Location location, LocalDate date);

	Factor<WaterIntensity> ewif(Location location, LocalDate date);

	/** Utilization assumed for a device whose utilization is not known. */
	Factor<Utilization> defaultUtilization();

	Factor<Power> acceleratorIdlePower(String model);

	Factor<Power> acceleratorMaxPower(String model);

	Factor<Power> cpuMinPowerPerVcpu(String microarchitecture);

	Factor<Power> cpuMaxPowerPerVcpu(String microarchitecture);

	Factor<Energy> memoryEnergyPerGigabyteHour();

	Factor<Energy> storageEnergyPerTerabyteHour(StorageType type);

	Factor<Double> storageReplicationFactor(Location location, StorageType type);

	Factor<Energy> networkEnergyPerGigabyte();

	/**
	 * Embodied emissions of an accelerator model and its share of the host, when known.
	 */
	Optional<EmbodiedFactors> acceleratorEmbodied(String model);

	/**
	 * kg CO2e per unit of the given currency spent on a service category on a date, with
	 * the factors it was built from (the spend-based factor and, for another currency
	 * than the factor's, the exchange rate of that date).
	 */
	SpendFactors spendIntensity(String category, String currencyCode, LocalDate date);

	/**
	 * The embodied model of accelerator work with the factors it was built from.
	 *
	 * @param model the amortization model
	 * @param references the factors used (TE of accelerator and server, lifespan, use
	 * share)
	 */
	record EmbodiedFactors(AcceleratorEmbodied model, java.util.List<FactorReference> references) {
	}

	/**
	 * A spend-based factor in the currency of the spend.
	 *
	 * @param kilogramsPerUnit kg CO2e per unit of the spend's currency
	 * @param references the factors used (spend intensity, exchange rate)
	 */
	record SpendFactors(double kilogramsPerUnit, java.util.List<FactorReference> references) {

		public SpendFactors {
			references = java.util.List.copyOf(references);
		}

	}

}
