package org.greenledger.calculator;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Usage to estimate, where it ran, and optional factor overrides (which win over the
 * library).
 *
 * @param usage the usage lines
 * @param location where the electricity was used; may be omitted when the grid intensity
 * is given as an override
 * @param year the year whose factors apply (default: the current year)
 * @param pue override: power usage effectiveness
 * @param gridIntensityGramsPerKwh override: location-based grid intensity
 * @param marketFactorGramsPerKwh override: market-based (supplier or contractual) factor
 * @param wueLitersPerKwh override: on-site water per IT kWh
 * @param ewifLitersPerKwh override: water consumed per kWh of electricity generated
 * @param embodied override: embodied-emissions inputs for accelerator work
 */
@Schema(example = """
		{"usage": [{"type": "INSTANCE_HOURS", "quantity": 720, "provider": "aws", "instanceType": "m5.xlarge"},
		           {"type": "ACCELERATOR_HOURS", "quantity": 1000, "model": "A100-40GB", "utilization": 0.8},
		           {"type": "VCPU_HOURS", "quantity": 5000, "model": "Cascade Lake"}],
		 "location": {"provider": "aws", "region": "us-east-1"}, "year": 2024}""")
public record EstimateRequest(@Nullable List<UsageLine> usage, @Nullable LocationSpec location, @Nullable Integer year,
		@Nullable Double pue, @Nullable Double gridIntensityGramsPerKwh, @Nullable Double marketFactorGramsPerKwh,
		@Nullable Double wueLitersPerKwh, @Nullable Double ewifLitersPerKwh, @Nullable EmbodiedOverride embodied) {

	/**
	 * One line of usage.
	 *
	 * @param type INSTANCE_HOURS, ACCELERATOR_HOURS, VCPU_HOURS, MEMORY_GB_HOURS,
	 * STORAGE_TB_HOURS, NETWORK_GB or ENERGY_KWH (IT energy)
	 * @param quantity the amount, in the unit the type names
	 * @param model accelerator model or CPU microarchitecture
	 * @param averagePowerWatts average power per device, if known
	 * @param utilization average utilization 0..1, if known
	 * @param storageType HDD or SSD
	 * @param provider INSTANCE_HOURS: aws, gcp or azure (default: the location's
	 * provider)
	 * @param instanceType INSTANCE_HOURS: the instance type as billed (e.g. m5.xlarge)
	 */
	public record UsageLine(@Nullable String type, @Nullable Double quantity, @Nullable String model,
			@Nullable Double averagePowerWatts, @Nullable Double utilization, @Nullable String storageType,
			@Nullable String provider, @Nullable String instanceType) {

		/** A line of any type but INSTANCE_HOURS. */
		public UsageLine(@Nullable String type, @Nullable Double quantity, @Nullable String model,
				@Nullable Double averagePowerWatts, @Nullable Double utilization, @Nullable String storageType) {
			this(type, quantity, model, averagePowerWatts, utilization, storageType, null, null);
		}

		/** The instance's provider: the line's own, else the location's. */
		public @Nullable String instanceProvider(@Nullable LocationSpec location) {
			String given = (this.provider != null) ? this.provider : (location != null) ? location.provider() : null;
			return (given != null) ? given.strip().toLowerCase(java.util.Locale.ROOT) : null;
		}

	}

	/**
	 * Where: a cloud region, a grid zone or a country (one of them).
	 *
	 * @param provider aws, gcp or azure
	 * @param region the provider's region code
	 * @param gridZone an Electricity Maps zone id
	 * @param country ISO 3166-1 alpha-2 code
	 */
	public record LocationSpec(@Nullable String provider, @Nullable String region, @Nullable String gridZone,
			@Nullable String country) {
	}

	/**
	 * Embodied-emissions inputs for accelerator work.
	 *
	 * @param serverKgCo2e embodied emissions of the host server (without accelerators)
	 * @param acceleratorKgCo2e embodied emissions of one accelerator
	 * @param acceleratorsPerServer accelerators per server
	 * @param lifespanYears expected lifespan
	 * @param utilization share of its life the hardware is in use (U), default 1
	 */
	public record EmbodiedOverride(@Nullable Double serverKgCo2e, @Nullable Double acceleratorKgCo2e,
			@Nullable Integer acceleratorsPerServer, @Nullable Double lifespanYears, @Nullable Double utilization) {
	}

}
