package org.greenledger.core.footprint;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

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

	/**
	 * How many copies of stored data a provider keeps: the named service's factor when
	 * known, else the provider's default.
	 * @param service a {@code <provider>:<service>} key (e.g. {@code aws:s3}), or null
	 */
	Factor<Double> storageReplicationFactor(Location location, StorageType type, @Nullable String service);

	Factor<Energy> networkEnergyPerGigabyte();

	/**
	 * IT energy per billed unit of a service without a usage mapping, from the
	 * organisation's own factors; the shipped library has none.
	 * @param key the service and unit ({@code ServiceKeys})
	 */
	default Optional<Factor<Energy>> serviceEnergyPerUnit(String key, LocalDate date) {
		return Optional.empty();
	}

	/**
	 * Embodied emissions of an accelerator model and its share of the host, when known.
	 */
	Optional<EmbodiedFactors> acceleratorEmbodied(String model);

	/**
	 * Embodied emissions of the accelerators of a cloud instance, on their own (the
	 * instance's vCPU line carries the host server), amortized like the instance's host.
	 */
	Optional<EmbodiedFactors> cloudAcceleratorEmbodied(String model);

	/**
	 * Embodied emissions of the host server of a cloud instance type, without the GPUs
	 * (which the instance's accelerator line carries), and its lifespan.
	 */
	Optional<HostFactors> instanceHostEmbodied(CloudInstance instance);

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
	record EmbodiedFactors(AcceleratorEmbodied model, AcceleratorEmbodied low, AcceleratorEmbodied high,
			java.util.List<FactorReference> references) {

		public EmbodiedFactors {
			references = java.util.List.copyOf(references);
		}

		/** A model without a range. */
		public EmbodiedFactors(AcceleratorEmbodied model, java.util.List<FactorReference> references) {
			this(model, model, model, references);
		}

		/** The embodied emissions of accelerator-hours, with their range. */
		public Amortized forAcceleratorHours(TimeSpan hours) {
			return new Amortized(this.model.forAcceleratorHours(hours),
					new EmbodiedRange(this.low.forAcceleratorHours(hours), this.high.forAcceleratorHours(hours)));
		}

	}

	/**
	 * A cloud host server's embodied model (central, low, high) with the factors it was
	 * built from.
	 *
	 * @param host the host without GPUs
	 * @param low its low end
	 * @param high its high end
	 * @param references the factors used
	 */
	record HostFactors(EmbodiedHardware host, EmbodiedHardware low, EmbodiedHardware high,
			java.util.List<FactorReference> references) {

		public HostFactors {
			references = java.util.List.copyOf(references);
		}

		/** The instance's share of its host for {@code instanceHours}. */
		public Amortized forInstanceHours(TimeSpan instanceHours, double hostShare) {
			return new Amortized(this.host.amortize(instanceHours, hostShare), new EmbodiedRange(
					this.low.amortize(instanceHours, hostShare), this.high.amortize(instanceHours, hostShare)));
		}

	}

	/**
	 * Amortized embodied emissions and their range.
	 *
	 * @param value the central figure
	 * @param range low and high
	 */
	record Amortized(CarbonMass value, EmbodiedRange range) {
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
