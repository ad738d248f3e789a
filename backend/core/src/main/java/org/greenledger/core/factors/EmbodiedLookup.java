package org.greenledger.core.factors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.greenledger.core.footprint.AcceleratorEmbodied;
import org.greenledger.core.footprint.CarbonMass;
import org.greenledger.core.footprint.CloudInstance;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.EmbodiedHardware;
import org.greenledger.core.footprint.FactorLookup.EmbodiedFactors;
import org.greenledger.core.footprint.FactorLookup.HostFactors;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.TimeSpan;

/**
 * Embodied-emissions factors from the library (docs/methodology.md, section 4): an
 * accelerator's own figure ({@code GPU:<model>}, else {@code GPU:GENERIC}; or
 * {@code GPU+HOST:<model>} where the published figure includes the host's share), the
 * host server of a cloud instance type ({@code HOST:<provider>:<type>}, without its GPUs
 * {@code HOST_GPUS:...}), else the component method from the CCF coefficients, flagged.
 * Each figure's range comes from {@code EMBODIED_LOW}/{@code EMBODIED_HIGH} rows of the
 * same key; a figure without them has no range.
 */
final class EmbodiedLookup {

	/** Sockets assumed for a host the CCF coefficients do not list (CCF's usual 2). */
	static final int FALLBACK_SOCKETS = 2;

	/** Memory per host CCF includes in its baseline (DRAM_THRESHOLD). */
	static final double BASELINE_DRAM_GB = 16;

	private static final LocalDate TIMELESS = LocalDate.of(2000, 1, 1);

	private final FactorLibrary library;

	EmbodiedLookup(FactorLibrary library) {
		this.library = library;
	}

	Optional<EmbodiedFactors> accelerator(String model) {
		Optional<Figure> withHost = figure("GPU+HOST:" + model);
		Optional<Figure> gpu = withHost.or(() -> figure("GPU:" + model)).or(() -> figure("GPU:GENERIC"));
		Optional<Life> life = life("GPU");
		if (gpu.isEmpty() || life.isEmpty()) {
			return Optional.empty();
		}
		List<FactorReference> references = new ArrayList<>(gpu.get().references());
		references.addAll(life.get().references());
		Optional<Figure> server = figure("SERVER_BASELINE");
		Optional<Life> serverLife = life("SERVER");
		Optional<FactorMatch> perServer = match(FactorKind.ACCELERATORS_PER_SERVER, model)
			.or(() -> match(FactorKind.ACCELERATORS_PER_SERVER, LibraryFactorLookup.DEFAULT_KEY));
		if (withHost.isPresent() || server.isEmpty() || serverLife.isEmpty() || perServer.isEmpty()) {
			return Optional
				.of(new EmbodiedFactors(AcceleratorEmbodied.acceleratorOnly(gpu.get().hardware(life.get(), 0)),
						AcceleratorEmbodied.acceleratorOnly(gpu.get().hardware(life.get(), -1)),
						AcceleratorEmbodied.acceleratorOnly(gpu.get().hardware(life.get(), 1)), references));
		}
		references.addAll(server.get().references());
		references.addAll(serverLife.get().references());
		references.add(LibraryFactorLookup.reference(perServer.get(), TIMELESS));
		int count = (int) perServer.get().value().value();
		return Optional.of(new EmbodiedFactors(
				new AcceleratorEmbodied(gpu.get().hardware(life.get(), 0), server.get().hardware(serverLife.get(), 0),
						count),
				new AcceleratorEmbodied(gpu.get().hardware(life.get(), -1), server.get().hardware(serverLife.get(), -1),
						count),
				new AcceleratorEmbodied(gpu.get().hardware(life.get(), 1), server.get().hardware(serverLife.get(), 1),
						count),
				references));
	}

	/** The accelerators of a cloud instance: their own figure, the cloud host's life. */
	Optional<EmbodiedFactors> cloudAccelerator(String model) {
		Optional<Figure> gpu = figure("GPU:" + model).or(() -> figure("GPU:GENERIC"));
		Optional<Life> life = life("CLOUD_SERVER");
		if (gpu.isEmpty() || life.isEmpty()) {
			return Optional.empty();
		}
		List<FactorReference> references = new ArrayList<>(gpu.get().references());
		references.addAll(life.get().references());
		return Optional.of(new EmbodiedFactors(AcceleratorEmbodied.acceleratorOnly(gpu.get().hardware(life.get(), 0)),
				AcceleratorEmbodied.acceleratorOnly(gpu.get().hardware(life.get(), -1)),
				AcceleratorEmbodied.acceleratorOnly(gpu.get().hardware(life.get(), 1)), references));
	}

	Optional<HostFactors> host(CloudInstance instance) {
		Optional<Life> life = life("CLOUD_SERVER");
		if (life.isEmpty()) {
			return Optional.empty();
		}
		String key = instance.provider() + ":" + instance.type();
		Optional<Figure> host = figure("HOST:" + key)
			.map(total -> (instance.gpus() > 0) ? figure("HOST_GPUS:" + key).map(total::minus).orElse(total) : total);
		Figure figure = host.isPresent() ? host.get() : components(instance).orElse(null);
		if (figure == null) {
			return Optional.empty();
		}
		List<FactorReference> references = new ArrayList<>(figure.references());
		references.addAll(life.get().references());
		return Optional.of(new HostFactors(figure.hardware(life.get(), 0), figure.hardware(life.get(), -1),
				figure.hardware(life.get(), 1), references));
	}

	/**
	 * CCF's component method for a host it does not list: baseline + one more CPU (two
	 * sockets assumed) + DRAM above 16 GB of the host's memory (instance memory x host
	 * vCPUs / instance vCPUs); local storage unknown and left out; GPUs on the
	 * accelerator line. Flagged in the lineage.
	 */
	private Optional<Figure> components(CloudInstance instance) {
		Optional<Figure> baseline = figure("SERVER_BASELINE");
		Optional<Figure> cpu = figure("CPU");
		Optional<Figure> dram = figure("DRAM_GB");
		if (baseline.isEmpty() || cpu.isEmpty() || dram.isEmpty()) {
			return Optional.empty();
		}
		double hostMemory = instance.memoryGb() * instance.hostVcpus() / instance.vcpus();
		double extraDram = Math.max(0, hostMemory - BASELINE_DRAM_GB);
		Figure total = baseline.get().plus(cpu.get().times(FALLBACK_SOCKETS - 1)).plus(dram.get().times(extraDram));
		List<FactorReference> references = new ArrayList<>(total.references());
		references.add(new FactorReference(FactorKind.EMBODIED.name(),
				"HOST:" + instance.provider() + ":" + instance.type(), total.value(), FactorKind.EMBODIED.unit(),
				"derived", "-", "-",
				"Component method (CCF/Teads): host of " + instance.type()
						+ " not in the CCF embodied coefficients; SERVER_BASELINE + " + (FALLBACK_SOCKETS - 1)
						+ " x CPU (two sockets assumed) + DRAM_GB x " + Math.round(extraDram * 100) / 100.0
						+ " GB (host memory " + Math.round(hostMemory * 100) / 100.0
						+ " GB = instance memory x host vCPUs / instance vCPUs, less 16 GB); local storage not known,"
						+ " not counted",
				DataQuality.DEFAULT_PROXY));
		return Optional.of(new Figure(total.value(), total.low(), total.high(), references));
	}

	private Optional<Figure> figure(String key) {
		return match(FactorKind.EMBODIED, key).map(central -> {
			List<FactorReference> references = new ArrayList<>(
					List.of(LibraryFactorLookup.reference(central, TIMELESS)));
			double value = central.value().value();
			Optional<FactorMatch> low = match(FactorKind.EMBODIED_LOW, key);
			Optional<FactorMatch> high = match(FactorKind.EMBODIED_HIGH, key);
			low.ifPresent(each -> references.add(LibraryFactorLookup.reference(each, TIMELESS)));
			high.ifPresent(each -> references.add(LibraryFactorLookup.reference(each, TIMELESS)));
			return new Figure(value, low.map(each -> Math.min(value, each.value().value())).orElse(value),
					high.map(each -> Math.max(value, each.value().value())).orElse(value), references);
		});
	}

	private Optional<Life> life(String key) {
		Optional<FactorMatch> years = match(FactorKind.LIFESPAN, key);
		Optional<FactorMatch> share = match(FactorKind.USE_SHARE, key);
		if (years.isEmpty() || share.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Life(years.get().value().value(), share.get().value().value(),
				List.of(LibraryFactorLookup.reference(years.get(), TIMELESS),
						LibraryFactorLookup.reference(share.get(), TIMELESS))));
	}

	private Optional<FactorMatch> match(FactorKind kind, String key) {
		return this.library.find(kind, key, TIMELESS);
	}

	/** A lifespan in years and the share of it in use, with their references. */
	private record Life(double years, double useShare, List<FactorReference> references) {
	}

	/** An embodied figure in kg with its range and the factors it came from. */
	private record Figure(double value, double low, double high, List<FactorReference> references) {

		Figure plus(Figure other) {
			List<FactorReference> all = new ArrayList<>(this.references);
			all.addAll(other.references);
			return new Figure(this.value + other.value, this.low + other.low, this.high + other.high, all);
		}

		Figure minus(Figure part) {
			List<FactorReference> all = new ArrayList<>(this.references);
			all.addAll(part.references);
			return new Figure(this.value - part.value, this.low - part.low, this.high - part.high, all);
		}

		Figure times(double factor) {
			return new Figure(this.value * factor, this.low * factor, this.high * factor, this.references);
		}

		/** The hardware at the central figure (0), its low (-1) or its high end (1). */
		EmbodiedHardware hardware(Life life, int end) {
			double kilograms = (end < 0) ? this.low : (end > 0) ? this.high : this.value;
			return new EmbodiedHardware(CarbonMass.ofKilograms(kilograms), TimeSpan.ofYears(life.years()),
					life.useShare());
		}

	}

}
