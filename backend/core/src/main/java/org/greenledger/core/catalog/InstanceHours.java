package org.greenledger.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.footprint.CloudInstance;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;

/**
 * What hours of a cloud instance type are in usage: vCPU-hours on its CPU (carrying the
 * instance, for its share of the host's embodied emissions), memory GB-hours and, for GPU
 * instances, accelerator-hours. The one mapping that bills (FOCUS mapper) and the
 * calculator share, so that the same instance-hours give the same lines.
 */
public final class InstanceHours {

	private final InstanceCatalog catalog;

	private final Hardware hardware;

	/**
	 * One {@link CloudInstance} per catalog entry, so that usage of the same instance
	 * type carries the same instance (cheap to compare).
	 */
	private final java.util.Map<InstanceType, CloudInstance> clouds = new java.util.concurrent.ConcurrentHashMap<>();

	public InstanceHours(InstanceCatalog catalog, Hardware hardware) {
		this.catalog = catalog;
		this.hardware = hardware;
	}

	/** Which hardware has power data, so that a row is never half-calculated. */
	public interface Hardware {

		boolean knowsMicroarchitecture(String microarchitecture);

		boolean knowsAccelerator(String model);

		/**
		 * The same answers, each asked of this hardware once: for one thread (a job's
		 * mapper).
		 */
		default Hardware remembered() {
			Hardware asked = this;
			java.util.Map<String, Boolean> microarchitectures = new java.util.HashMap<>();
			java.util.Map<String, Boolean> accelerators = new java.util.HashMap<>();
			return new Hardware() {
				@Override
				public boolean knowsMicroarchitecture(String microarchitecture) {
					return microarchitectures.computeIfAbsent(microarchitecture, asked::knowsMicroarchitecture);
				}

				@Override
				public boolean knowsAccelerator(String model) {
					return accelerators.computeIfAbsent(model, asked::knowsAccelerator);
				}
			};
		}

		/** The hardware the factor library has power data for. */
		static Hardware of(FactorLibrary library) {
			return new Hardware() {
				@Override
				public boolean knowsMicroarchitecture(String microarchitecture) {
					return library.has(FactorKind.CPU_POWER_MAX, microarchitecture);
				}

				@Override
				public boolean knowsAccelerator(String model) {
					return library.has(FactorKind.ACCELERATOR_POWER_MAX, model);
				}
			};
		}

	}

	/** The result of mapping instance-hours: usage lines or the reason there are none. */
	public sealed interface Mapping permits Mapped, Unmapped {

	}

	/**
	 * Instance-hours as usage lines, in a fixed order (vCPU, memory, accelerator).
	 *
	 * @param instance the catalog entry
	 * @param lines the lines
	 */
	public record Mapped(InstanceType instance, List<Line> lines) implements Mapping {

		public Mapped {
			lines = List.copyOf(lines);
		}

	}

	/**
	 * Instance-hours that cannot be calculated.
	 *
	 * @param reason why, in the user's words
	 * @param unknownType whether the instance type is not in the catalog at all
	 */
	public record Unmapped(String reason, boolean unknownType) implements Mapping, Resolution {

	}

	/**
	 * One usage line and the unit GreenLedger reports its quantity in.
	 *
	 * @param usage what was used
	 * @param unit its unit
	 */
	public record Line(Usage usage, String unit) {

	}

	/** The usage of {@code hours} of instance type {@code name} of {@code provider}. */
	public Mapping map(String provider, String name, double hours) {
		return map(resolve(provider, name), hours);
	}

	/**
	 * What an instance type's hours are mapped with: its catalog entry and cloud
	 * instance, or why its hours cannot be calculated. The same for every row of the
	 * type, so a caller that maps many rows can find it once per type.
	 */
	public sealed interface Resolution permits Resolved, Unmapped {

	}

	/**
	 * An instance type whose hours can be mapped.
	 *
	 * @param instance the catalog entry
	 * @param cloud the one cloud instance of that entry
	 */
	public record Resolved(InstanceType instance, CloudInstance cloud) implements Resolution {

	}

	/**
	 * Instance type {@code name} of {@code provider}, resolved for
	 * {@link #map(Resolution, double)}.
	 */
	public Resolution resolve(String provider, String name) {
		Optional<InstanceType> type = this.catalog.find(provider, name);
		if (type.isEmpty()) {
			return new Unmapped("instance type '" + name + "' is not in the instance catalog", true);
		}
		InstanceType instance = type.get();
		if (instance.microarchitecture() == null
				|| !this.hardware.knowsMicroarchitecture(instance.microarchitecture())) {
			return new Unmapped("instance type '" + name + "': no power data for CPU "
					+ (instance.microarchitecture() != null ? "'" + instance.microarchitecture() + "'" : "(unknown)"),
					false);
		}
		if (instance.gpuCount() > 0
				&& (instance.gpuModel() == null || !this.hardware.knowsAccelerator(instance.gpuModel()))) {
			return new Unmapped(
					"instance type '" + name + "': no power data for accelerator '" + instance.gpuModel() + "'", false);
		}
		CloudInstance cloud = this.clouds.computeIfAbsent(instance, each -> new CloudInstance(each.provider(),
				each.name(), each.vcpus(), each.hostVcpus(), each.memoryGb(), each.gpuCount()));
		return new Resolved(instance, cloud);
	}

	/** The usage of {@code hours} of a resolved instance type. */
	public Mapping map(Resolution resolution, double hours) {
		// a test of the class rather than a pattern switch: once per row of
		// instance-hours
		if (!(resolution instanceof Resolved resolved)) {
			return (Unmapped) resolution;
		}
		InstanceType instance = resolved.instance();
		List<Line> lines = new ArrayList<>(3);
		lines.add(new Line(new Usage.VcpuHours(TimeSpan.ofHours(hours * instance.vcpus()), instance.microarchitecture(),
				null, resolved.cloud()), "vCPU-hours"));
		lines.add(new Line(new Usage.MemoryHours(DataSize.ofGigabytes(instance.memoryGb()), TimeSpan.ofHours(hours)),
				"GB-hours"));
		if (instance.gpuCount() > 0) {
			lines.add(new Line(new Usage.AcceleratorHours(TimeSpan.ofHours(hours * instance.gpuCount()),
					instance.gpuModel(), null, null, true), "accelerator-hours"));
		}
		return new Mapped(instance, lines);
	}

}
