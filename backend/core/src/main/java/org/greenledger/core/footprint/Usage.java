package org.greenledger.core.footprint;

import org.jspecify.annotations.Nullable;

/** What was used: the closed set of usage kinds the engine turns into IT energy. */
public sealed interface Usage {

	/**
	 * GPU/TPU time. With an average power it is used as is; otherwise power is
	 * interpolated between the model's idle and maximum at the given (or default)
	 * utilization. {@code inCloudInstance}: the accelerators of a cloud instance, whose
	 * host server's embodied share the instance's vCPU line carries (only the
	 * accelerators' own embodied emissions are counted here).
	 */
	record AcceleratorHours(TimeSpan hours, String model, @Nullable Power averagePower,
			@Nullable Utilization utilization, boolean inCloudInstance) implements Usage {

		/**
		 * Accelerator time outside a cloud instance (its host server counted with it).
		 */
		public AcceleratorHours(TimeSpan hours, String model, @Nullable Power averagePower,
				@Nullable Utilization utilization) {
			this(hours, model, averagePower, utilization, false);
		}

	}

	/**
	 * Virtual CPU time on a CPU microarchitecture; {@code instance} is the cloud instance
	 * type it was billed as, when known (its share of the host's embodied emissions).
	 */
	record VcpuHours(TimeSpan hours, String microarchitecture, @Nullable Utilization utilization,
			@Nullable CloudInstance instance) implements Usage {

		/** vCPU time of no known instance type. */
		public VcpuHours(TimeSpan hours, String microarchitecture, @Nullable Utilization utilization) {
			this(hours, microarchitecture, utilization, null);
		}

	}

	/** Memory reserved over time (size x time = GB-hours). */
	record MemoryHours(DataSize size, TimeSpan hours) implements Usage {
	}

	/**
	 * Data stored over time (size x time = TB-hours), kept {@code replicationFactor}
	 * times. Without a stated factor, {@code service} (a {@code <provider>:<service>} key
	 * of the replication factors, such as {@code aws:s3}) chooses the service's factor;
	 * without either, the provider's default applies.
	 */
	record StorageHours(DataSize size, TimeSpan hours, StorageType type, @Nullable Double replicationFactor,
			@Nullable String service) implements Usage {

		/** Storage of no named service. */
		public StorageHours(DataSize size, TimeSpan hours, StorageType type, @Nullable Double replicationFactor) {
			this(size, hours, type, replicationFactor, null);
		}

	}

	/** Data sent between regions. */
	record NetworkTransfer(DataSize transferred) implements Usage {
	}

	/**
	 * Energy measured by a meter, telemetry or a tool; {@code facilityLevel} if it
	 * includes overhead.
	 */
	record MeasuredEnergy(Energy energy, boolean facilityLevel) implements Usage {
	}

	/**
	 * Billed units of a service that has no usage mapping but an energy factor per unit
	 * in the organisation's factor sets; {@code key} names the service and unit (see
	 * {@code ServiceKeys}).
	 */
	record ServiceUnits(double quantity, String key) implements Usage {
	}

	/** Money spent on a service without a usage mapping: a spend-based estimate. */
	record Spend(Money amount, String category) implements Usage {
	}

	/**
	 * The usage kind's name as the ledger stores it and the Spark output writes it
	 * ({@code VCPU_HOURS}, ..., {@code SPEND}); {@code NONE} without a usage.
	 */
	static String typeName(@Nullable Usage usage) {
		return switch (usage) {
			case AcceleratorHours a -> "ACCELERATOR_HOURS";
			case VcpuHours v -> "VCPU_HOURS";
			case MemoryHours m -> "MEMORY_GB_HOURS";
			case StorageHours s -> "STORAGE_TB_HOURS";
			case NetworkTransfer n -> "NETWORK_GB";
			case MeasuredEnergy e -> "ENERGY_KWH";
			case ServiceUnits u -> "SERVICE_UNITS";
			case Spend s -> "SPEND";
			case null -> "NONE";
		};
	}

}
