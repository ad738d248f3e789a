package org.greenledger.calculator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.MissingFactorException;
import org.greenledger.core.footprint.Power;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.footprint.Utilization;
import org.greenledger.factors.FactorSets;
import org.greenledger.factors.UserFactorLookup;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.greenledger.system.ApiProblemException;

import org.springframework.stereotype.Service;

/** Computes estimates: validates the request, builds activities, runs the engine. */
@Service
public class EstimateService {

	private final FactorLibrary library;

	private final LibraryFactorLookup lookup;

	private final FactorSets factorSets;

	private final InstanceCatalog catalog;

	private final InstanceHours instances;

	private final Clock clock;

	EstimateService(FactorLibrary library, LibraryFactorLookup lookup, FactorSets factorSets, InstanceCatalog catalog,
			InstanceHours instances, Clock clock) {
		this.library = library;
		this.lookup = lookup;
		this.factorSets = factorSets;
		this.catalog = catalog;
		this.instances = instances;
		this.clock = clock;
	}

	/**
	 * Estimates the footprint of the request's usage.
	 * @throws ApiProblemException (422) naming each invalid field
	 */
	public Estimate estimate(EstimateRequest request) {
		int year = (request.year() != null) ? request.year() : LocalDate.now(this.clock).getYear();
		LocalDate date = LocalDate.of(Math.max(1990, Math.min(2100, year)), 1, 1);
		List<FieldProblem> problems = EstimateValidator.problems(request, this.library, this.catalog, this.instances,
				date);
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		Location location = location(request.location());
		Scope scope = (location instanceof Location.CloudRegion) ? Scope.SCOPE_3_CATEGORY_1 : Scope.SCOPE_2;
		FootprintEngine engine = new FootprintEngine(
				new OverridingFactorLookup(new UserFactorLookup(this.lookup, this.factorSets.active()), request));
		List<String> assumptions = new ArrayList<>();
		List<Estimate.Line> lines = new ArrayList<>();
		Map<String, FactorReference> factors = new LinkedHashMap<>();
		for (int i = 0; i < request.usage().size(); i++) {
			EstimateRequest.UsageLine line = request.usage().get(i);
			UsageType type = UsageType.valueOf(line.type().strip().toUpperCase(Locale.ROOT));
			for (Part part : parts(type, line, request.location(), "usage[" + i + "]", assumptions)) {
				ImpactLine impact;
				try {
					impact = engine.calculate(new ActivityRecord(part.usage(), date,
							date.withDayOfYear(date.lengthOfYear()), location, scope, Map.of(), null));
				}
				catch (MissingFactorException ex) {
					throw ApiProblemException.invalidFields(List.of(new FieldProblem(field(ex, i), ex.getMessage())));
				}
				impact.factors().forEach(reference -> factors.putIfAbsent(key(reference), reference));
				lines.add(new Estimate.Line(type.name(), part.quantity(), part.unit(), impact, part.instanceType()));
			}
		}
		return new Estimate(lines, List.copyOf(factors.values()), assumptions, date.getYear());
	}

	/**
	 * The engine lines of a usage line: one, or for INSTANCE_HOURS the lines the bills'
	 * mapper makes of the same instance-hours (vCPU, memory, accelerators).
	 */
	private List<Part> parts(UsageType type, EstimateRequest.UsageLine line,
			EstimateRequest.@Nullable LocationSpec location, String path, List<String> assumptions) {
		if (type != UsageType.INSTANCE_HOURS) {
			return List.of(new Part(usage(type, line, path, assumptions), line.quantity(), type.unit(), null));
		}
		String provider = line.instanceProvider(location);
		String name = line.instanceType().strip();
		if (!(this.instances.map(provider, name, line.quantity()) instanceof InstanceHours.Mapped mapped)) {
			throw new IllegalStateException("Validated instance type is unmapped: " + provider + " " + name);
		}
		return mapped.lines()
			.stream()
			.map(each -> new Part(each.usage(), quantity(each.usage()), each.unit(), mapped.instance().name()))
			.toList();
	}

	private static double quantity(Usage usage) {
		return switch (usage) {
			case Usage.VcpuHours vcpu -> vcpu.hours().hours();
			case Usage.MemoryHours memory -> memory.size().gigabytes() * memory.hours().hours();
			case Usage.AcceleratorHours accelerator -> accelerator.hours().hours();
			default -> throw new IllegalStateException("Not an instance part: " + usage);
		};
	}

	/** One engine line of a usage line. */
	private record Part(Usage usage, double quantity, String unit, @Nullable String instanceType) {
	}

	private static Usage usage(UsageType type, EstimateRequest.UsageLine line, String path, List<String> assumptions) {
		double quantity = line.quantity();
		Utilization utilization = (line.utilization() != null) ? Utilization.of(line.utilization()) : null;
		return switch (type) {
			case ACCELERATOR_HOURS -> new Usage.AcceleratorHours(TimeSpan.ofHours(quantity),
					(line.model() != null) ? line.model().strip() : "unspecified",
					(line.averagePowerWatts() != null) ? Power.ofWatts(line.averagePowerWatts()) : null, utilization);
			case VCPU_HOURS -> new Usage.VcpuHours(TimeSpan.ofHours(quantity), line.model().strip(), utilization);
			case MEMORY_GB_HOURS -> new Usage.MemoryHours(DataSize.ofGigabytes(quantity), TimeSpan.ofHours(1));
			case STORAGE_TB_HOURS -> {
				StorageType storage = (line.storageType() != null)
						? StorageType.valueOf(line.storageType().toUpperCase(Locale.ROOT)) : StorageType.SSD;
				if (line.storageType() == null) {
					assumptions.add(path + ": storage type not given; SSD assumed (the higher energy coefficient)");
				}
				yield new Usage.StorageHours(DataSize.ofTerabytes(quantity), TimeSpan.ofHours(1), storage, null);
			}
			case NETWORK_GB -> new Usage.NetworkTransfer(DataSize.ofGigabytes(quantity));
			case ENERGY_KWH -> new Usage.MeasuredEnergy(Energy.ofKilowattHours(quantity), false);
			case INSTANCE_HOURS -> throw new IllegalStateException("Instance-hours map to several lines");
		};
	}

	static Location location(EstimateRequest.LocationSpec spec) {
		if (spec == null) {
			return new Location.Unspecified();
		}
		if (spec.provider() != null) {
			return new Location.CloudRegion(spec.provider().toLowerCase(Locale.ROOT), spec.region().strip());
		}
		if (spec.gridZone() != null) {
			return new Location.GridZone(spec.gridZone().strip());
		}
		return new Location.Country(spec.country().strip().toUpperCase(Locale.ROOT));
	}

	private static String field(MissingFactorException ex, int line) {
		return switch (ex.kind()) {
			case "ACCELERATOR_POWER_IDLE", "ACCELERATOR_POWER_MAX", "CPU_POWER_MIN", "CPU_POWER_MAX" ->
				"usage[" + line + "].model";
			case "GRID_INTENSITY", "REGION", "LOCATION" -> "location";
			default -> "usage[" + line + "]";
		};
	}

	private static String key(FactorReference reference) {
		return reference.kind() + "|" + reference.key() + "|" + reference.dataset() + "|" + reference.validity() + "|"
				+ reference.value();
	}

}
