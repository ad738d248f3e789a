package org.greenledger.core.footprint;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A {@link FactorLookup} that answers everything from another one; decorators (request
 * overrides, organisation factor sets) extend it and override only what they change.
 */
public abstract class DelegatingFactorLookup implements FactorLookup {

	private final FactorLookup delegate;

	protected DelegatingFactorLookup(FactorLookup delegate) {
		this.delegate = delegate;
	}

	@Override
	public Factor<PowerUsageEffectiveness> pue(Location location, LocalDate date) {
		return this.delegate.pue(location, date);
	}

	@Override
	public Factor<CarbonIntensity> gridIntensity(Location location, LocalDate date) {
		return this.delegate.gridIntensity(location, date);
	}

	@Override
	public Optional<Factor<CarbonIntensity>> marketIntensity(Location location, LocalDate date) {
		return this.delegate.marketIntensity(location, date);
	}

	@Override
	public Factor<WaterIntensity> wue(Location location, LocalDate date) {
		return this.delegate.wue(location, date);
	}

	@Override
	public Factor<WaterIntensity> ewif(Location location, LocalDate date) {
		return this.delegate.ewif(location, date);
	}

	@Override
	public Factor<Utilization> defaultUtilization() {
		return this.delegate.defaultUtilization();
	}

	@Override
	public Factor<Power> acceleratorIdlePower(String model) {
		return this.delegate.acceleratorIdlePower(model);
	}

	@Override
	public Factor<Power> acceleratorMaxPower(String model) {
		return this.delegate.acceleratorMaxPower(model);
	}

	@Override
	public Factor<Power> cpuMinPowerPerVcpu(String microarchitecture) {
		return this.delegate.cpuMinPowerPerVcpu(microarchitecture);
	}

	@Override
	public Factor<Power> cpuMaxPowerPerVcpu(String microarchitecture) {
		return this.delegate.cpuMaxPowerPerVcpu(microarchitecture);
	}

	@Override
	public Factor<Energy> memoryEnergyPerGigabyteHour() {
		return this.delegate.memoryEnergyPerGigabyteHour();
	}

	@Override
	public Factor<Energy> storageEnergyPerTerabyteHour(StorageType type) {
		return this.delegate.storageEnergyPerTerabyteHour(type);
	}

	@Override
	public Factor<Double> storageReplicationFactor(Location location, StorageType type, @Nullable String service) {
		return this.delegate.storageReplicationFactor(location, type, service);
	}

	@Override
	public Factor<Energy> networkEnergyPerGigabyte() {
		return this.delegate.networkEnergyPerGigabyte();
	}

	@Override
	public Optional<Factor<Energy>> serviceEnergyPerUnit(String key, LocalDate date) {
		return this.delegate.serviceEnergyPerUnit(key, date);
	}

	@Override
	public Optional<EmbodiedFactors> acceleratorEmbodied(String model) {
		return this.delegate.acceleratorEmbodied(model);
	}

	@Override
	public Optional<EmbodiedFactors> cloudAcceleratorEmbodied(String model) {
		return this.delegate.cloudAcceleratorEmbodied(model);
	}

	@Override
	public Optional<HostFactors> instanceHostEmbodied(CloudInstance instance) {
		return this.delegate.instanceHostEmbodied(instance);
	}

	@Override
	public SpendFactors spendIntensity(String category, String currencyCode, LocalDate date) {
		return this.delegate.spendIntensity(category, currencyCode, date);
	}

}
