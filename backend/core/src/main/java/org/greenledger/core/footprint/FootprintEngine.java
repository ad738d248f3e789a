package org.greenledger.core.footprint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an activity into its impact line (methodology sections 1 to 7): IT energy,
 * facility energy, location- and market-based CO2e, embodied CO2e, on-site and off-site
 * water, scope and data-quality tier, and every factor used. Deterministic: the same
 * activity and the same factors give the same line.
 */
public final class FootprintEngine {

	/** Version of the calculation method; stored on every impact line. */
	public static final String METHOD_VERSION = "1.0";

	private final FactorLookup factors;

	public FootprintEngine(FactorLookup factors) {
		this.factors = factors;
	}

	public ImpactLine calculate(ActivityRecord activity) {
		List<FactorReference> used = new ArrayList<>(8);
		Usage usage = activity.usage();
		if (usage instanceof Usage.Spend spend) {
			return spendBased(activity, spend, used);
		}
		LocalDate date = activity.periodStart();
		ItEnergyEstimate it = itEnergy(usage, activity.location(), date, used);
		Location location = activity.location();
		Factor<CarbonIntensity> grid = use(this.factors.gridIntensity(location, date), used);
		Optional<Factor<CarbonIntensity>> market = this.factors.marketIntensity(location, date);
		market.ifPresent(factor -> used.add(factor.reference()));
		Factor<WaterIntensity> ewif = use(this.factors.ewif(location, date), used);
		OperationalImpact operational;
		if (it.facilityLevel()) {
			operational = OperationalImpact.ofFacilityEnergy(it.energy(),
					new OperationalFactors(PowerUsageEffectiveness.NONE, grid.value(),
							market.map(Factor::value).orElse(null), WaterIntensity.ofLitersPerKilowattHour(0),
							ewif.value()));
		}
		else {
			Factor<PowerUsageEffectiveness> pue = use(this.factors.pue(location, date), used);
			Factor<WaterIntensity> wue = use(this.factors.wue(location, date), used);
			operational = OperationalImpact.of(it.energy(), new OperationalFactors(pue.value(), grid.value(),
					market.map(Factor::value).orElse(null), wue.value(), ewif.value()));
		}
		FactorLookup.Amortized embodied = embodied(usage, used);
		return new ImpactLine(operational.itEnergy(), operational.facilityEnergy(), operational.locationBased(),
				operational.marketBased(), operational.marketFallsBackToLocation(), embodied.value(),
				operational.waterOnSite(), operational.waterOffSite(), activity.scope(), quality(it.quality(), used),
				used, METHOD_VERSION, embodied.range());
	}

	private ItEnergyEstimate itEnergy(Usage usage, Location location, LocalDate date, List<FactorReference> used) {
		return switch (usage) {
			case Usage.MeasuredEnergy measured ->
				new ItEnergyEstimate(measured.energy(), measured.facilityLevel(), DataQuality.METERED);
			case Usage.AcceleratorHours accelerator -> acceleratorEnergy(accelerator, used);
			case Usage.VcpuHours vcpu -> {
				Power min = use(this.factors.cpuMinPowerPerVcpu(vcpu.microarchitecture()), used).value();
				Power max = use(this.factors.cpuMaxPowerPerVcpu(vcpu.microarchitecture()), used).value();
				Utilization u = (vcpu.utilization() != null) ? vcpu.utilization() : defaultUtilization(used);
				yield estimate(ItEnergy.atUtilization(vcpu.hours(), min, max, u.share()));
			}
			case Usage.MemoryHours memory -> {
				Energy perGbHour = use(this.factors.memoryEnergyPerGigabyteHour(), used).value();
				yield estimate(ItEnergy.perUnit(memory.size().gigabytes() * memory.hours().hours(), perGbHour, 1));
			}
			case Usage.StorageHours storage -> {
				Energy perTbHour = use(this.factors.storageEnergyPerTerabyteHour(storage.type()), used).value();
				double replication = (storage.replicationFactor() != null) ? storage.replicationFactor()
						: use(this.factors.storageReplicationFactor(location, storage.type(), storage.service()), used)
							.value();
				yield estimate(
						ItEnergy.perUnit(storage.size().terabytes() * storage.hours().hours(), perTbHour, replication));
			}
			case Usage.NetworkTransfer network -> {
				Energy perGb = use(this.factors.networkEnergyPerGigabyte(), used).value();
				yield estimate(ItEnergy.perUnit(network.transferred().gigabytes(), perGb, 1));
			}
			case Usage.ServiceUnits units -> {
				Factor<Energy> perUnit = this.factors.serviceEnergyPerUnit(units.key(), date)
					.orElseThrow(() -> new IllegalStateException("No energy factor for " + units.key()));
				yield estimate(ItEnergy.perUnit(units.quantity(), use(perUnit, used).value(), 1));
			}
			case Usage.Spend spend -> throw new IllegalStateException("Spend has no energy: " + spend);
		};
	}

	private ItEnergyEstimate acceleratorEnergy(Usage.AcceleratorHours accelerator, List<FactorReference> used) {
		if (accelerator.averagePower() != null) {
			return estimate(ItEnergy.atAveragePower(accelerator.hours(), accelerator.averagePower()));
		}
		Power idle = use(this.factors.acceleratorIdlePower(accelerator.model()), used).value();
		Power max = use(this.factors.acceleratorMaxPower(accelerator.model()), used).value();
		Utilization u = (accelerator.utilization() != null) ? accelerator.utilization() : defaultUtilization(used);
		return estimate(ItEnergy.atUtilization(accelerator.hours(), idle, max, u.share()));
	}

	/**
	 * Embodied emissions (methodology section 4): accelerator-hours carry their
	 * accelerators' share (and, outside a cloud instance, the host server's); vCPU-hours
	 * of a known cloud instance type carry the instance's share of its host server.
	 */
	private FactorLookup.Amortized embodied(Usage usage, List<FactorReference> used) {
		Optional<FactorLookup.Amortized> amortized = switch (usage) {
			case Usage.AcceleratorHours accelerator ->
				(accelerator.inCloudInstance() ? this.factors.cloudAcceleratorEmbodied(accelerator.model())
						: this.factors.acceleratorEmbodied(accelerator.model()))
					.map(factors -> {
						used.addAll(factors.references());
						return factors.forAcceleratorHours(accelerator.hours());
					});
			case Usage.VcpuHours vcpu when vcpu.instance() != null -> {
				CloudInstance instance = vcpu.instance();
				yield this.factors.instanceHostEmbodied(instance).map(host -> {
					used.addAll(host.references());
					return host.forInstanceHours(vcpu.hours().times(1.0 / instance.vcpus()), instance.hostShare());
				});
			}
			default -> Optional.empty();
		};
		return amortized.orElse(new FactorLookup.Amortized(CarbonMass.ZERO, EmbodiedRange.ZERO));
	}

	private ImpactLine spendBased(ActivityRecord activity, Usage.Spend spend, List<FactorReference> used) {
		FactorLookup.SpendFactors intensity = this.factors.spendIntensity(spend.category(),
				spend.amount().currency().getCurrencyCode(), activity.periodStart());
		used.addAll(intensity.references());
		double amount = Math.max(0, spend.amount().amount().doubleValue());
		CarbonMass co2e = CarbonMass.ofKilograms(amount * intensity.kilogramsPerUnit());
		return new ImpactLine(Energy.ZERO, Energy.ZERO, co2e, co2e, true, CarbonMass.ZERO, WaterVolume.ZERO,
				WaterVolume.ZERO, activity.scope(), DataQuality.SPEND_ESTIMATE, used, METHOD_VERSION);
	}

	private Utilization defaultUtilization(List<FactorReference> used) {
		return use(this.factors.defaultUtilization(), used).value();
	}

	private static DataQuality quality(DataQuality activityQuality, List<FactorReference> used) {
		DataQuality result = activityQuality;
		for (FactorReference reference : used) {
			if (reference.quality() == DataQuality.DEFAULT_PROXY) {
				result = result.worse(DataQuality.USAGE_ESTIMATE);
			}
		}
		return result;
	}

	private static <T> Factor<T> use(Factor<T> factor, List<FactorReference> used) {
		used.add(factor.reference());
		return factor;
	}

	private static ItEnergyEstimate estimate(Energy energy) {
		return new ItEnergyEstimate(energy, false, DataQuality.USAGE_ESTIMATE);
	}

	private record ItEnergyEstimate(Energy energy, boolean facilityLevel, DataQuality quality) {
	}

}
