package org.greenledger.footprint;

import org.jspecify.annotations.Nullable;

/** What was used: the closed set of usage kinds the engine turns into IT energy. */
public sealed interface Usage {

	/**
	 * GPU/TPU time. With an average power it is used as is; otherwise power is
	 * interpolated between the model's idle and maximum at the given (or default)
	 * utilization.
	 */
	record AcceleratorHours(TimeSpan hours, String model, @Nullable Power averagePower,
			@Nullable Utilization utilization) implements Usage {
	}

	/** Virtual CPU time on a CPU microarchitecture. */
	record VcpuHours(TimeSpan hours, String microarchitecture, @Nullable Utilization utilization) implements Usage {
	}

	/** Memory reserved over time (size x time = GB-hours). */
	record MemoryHours(DataSize size, TimeSpan hours) implements Usage {
	}

	/**
	 * Data stored over time (size x time = TB-hours), kept {@code replicationFactor}
	 * times.
	 */
	record StorageHours(DataSize size, TimeSpan hours, StorageType type,
			@Nullable Double replicationFactor) implements Usage {
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

	/** Money spent on a service without a usage mapping: a spend-based estimate. */
	record Spend(Money amount, String category) implements Usage {
	}

}
