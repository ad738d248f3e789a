package org.greenledger.validation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.factors.TestFactorLibraries;
import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.CarbonMass;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.EmbodiedHardware;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Power;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.footprint.Utilization;

/**
 * GreenLedger's figure for a peer case, computed by the footprint engine with the shipped
 * factor library and instance catalog (the same ones the bills use), with the factors the
 * peer's case states given as overrides.
 */
final class GreenLedgerFigures {

	private static final LibraryFactorLookup LIBRARY = new LibraryFactorLookup(TestFactorLibraries.shipped());

	private static final InstanceHours INSTANCE_HOURS = new InstanceHours(InstanceCatalog.shipped(),
			InstanceHours.Hardware.of(TestFactorLibraries.shipped()));

	private GreenLedgerFigures() {
	}

	/** The figure of {@code metric} (see {@link Metric}) for the case's inputs. */
	static double compute(Metric metric, CaseInputs inputs) {
		if ("EMBODIED".equals(inputs.text("usage"))) {
			return embodiedShare(inputs).kilograms();
		}
		FootprintEngine engine = new FootprintEngine(new GivenFactors(LIBRARY, inputs));
		LocalDate day = LocalDate.of((int) inputs.number("year", 2024), 1, 1);
		double total = 0;
		for (Usage usage : usages(inputs)) {
			ImpactLine line = engine.calculate(
					new ActivityRecord(usage, day, day, location(inputs), Scope.SCOPE_3_CATEGORY_1, Map.of(), null));
			total += metric.of(line);
		}
		return total;
	}

	private static List<Usage> usages(CaseInputs inputs) {
		double quantity = inputs.number("quantity", 1);
		Utilization utilization = inputs.has("utilization") ? Utilization.of(inputs.number("utilization")) : null;
		return switch (inputs.text("usage")) {
			case "INSTANCE_HOURS" -> instanceHours(inputs.text("instance"), quantity);
			case "VCPU_HOURS" ->
				List.of(new Usage.VcpuHours(TimeSpan.ofHours(quantity), inputs.text("cpu"), utilization));
			case "DEVICE_HOURS" -> List.of(new Usage.AcceleratorHours(TimeSpan.ofHours(quantity), "unspecified",
					Power.ofWatts(inputs.number("average_power_w")), null));
			case "MEMORY_GB_HOURS" ->
				List.of(new Usage.MemoryHours(DataSize.ofGigabytes(quantity), TimeSpan.ofHours(1)));
			case "STORAGE_TB_HOURS" -> List.of(new Usage.StorageHours(DataSize.ofTerabytes(quantity),
					TimeSpan.ofHours(1), StorageType.valueOf(inputs.text("storage")), inputs.number("replication")));
			case "NETWORK_GB" -> List.of(new Usage.NetworkTransfer(DataSize.ofGigabytes(quantity)));
			case "ENERGY_KWH" -> List.of(new Usage.MeasuredEnergy(Energy.ofKilowattHours(quantity),
					Boolean.parseBoolean(inputs.values().getOrDefault("facility_level", "false"))));
			default -> throw new IllegalArgumentException("Unknown usage " + inputs.text("usage"));
		};
	}

	/**
	 * Instance-hours as the bills map them ({@link InstanceHours}, shared by the FOCUS
	 * mapper and the calculator): vCPU-hours carrying the instance, memory, accelerators.
	 */
	private static List<Usage> instanceHours(String instance, double hours) {
		String[] parts = instance.split("/", 2);
		return switch (INSTANCE_HOURS.map(parts[0], parts[1], hours)) {
			case InstanceHours.Mapped mapped -> mapped.lines().stream().map(InstanceHours.Line::usage).toList();
			case InstanceHours.Unmapped unmapped ->
				throw new IllegalArgumentException(instance + ": " + unmapped.reason());
		};
	}

	/** Whether an instance type ({@code provider/type}) has accelerators. */
	static boolean hasAccelerators(String instance) {
		return instanceHours(instance, 1).stream().anyMatch(Usage.AcceleratorHours.class::isInstance);
	}

	private static CarbonMass embodiedShare(CaseInputs inputs) {
		EmbodiedHardware host = new EmbodiedHardware(CarbonMass.ofKilograms(inputs.number("total_kg")),
				TimeSpan.ofHours(inputs.number("lifespan_h")), inputs.number("use_share", 1));
		return host.amortize(TimeSpan.ofHours(inputs.number("quantity")),
				inputs.number("vcpus") / inputs.number("host_vcpus"));
	}

	private static Location location(CaseInputs inputs) {
		if (inputs.has("region")) {
			String[] parts = inputs.text("region").split("/", 2);
			return new Location.CloudRegion(parts[0], parts[1]);
		}
		if (inputs.has("instance")) {
			throw new IllegalArgumentException("An instance case needs a region: " + inputs.values());
		}
		if (inputs.has("country")) {
			return new Location.Country(inputs.text("country").toUpperCase(Locale.ROOT));
		}
		return new Location.Unspecified();
	}

}
