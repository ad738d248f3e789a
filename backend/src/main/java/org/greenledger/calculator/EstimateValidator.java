package org.greenledger.calculator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.system.ApiProblemException.FieldProblem;

/** Checks an estimate request and names every invalid field. */
final class EstimateValidator {

	static final Set<String> PROVIDERS = Set.of("aws", "gcp", "azure");

	private final FactorLibrary library;

	private final InstanceCatalog catalog;

	private final InstanceHours instances;

	private final List<FieldProblem> problems = new ArrayList<>();

	private EstimateValidator(FactorLibrary library, InstanceCatalog catalog, InstanceHours instances) {
		this.library = library;
		this.catalog = catalog;
		this.instances = instances;
	}

	static List<FieldProblem> problems(EstimateRequest request, FactorLibrary library, InstanceCatalog catalog,
			InstanceHours instances, java.time.LocalDate date) {
		EstimateValidator validator = new EstimateValidator(library, catalog, instances);
		validator.check(request, date);
		return validator.problems;
	}

	private void check(EstimateRequest request, java.time.LocalDate date) {
		if (request.usage() == null || request.usage().isEmpty()) {
			add("usage", "at least one usage line is required");
		}
		else {
			for (int i = 0; i < request.usage().size(); i++) {
				checkLine("usage[" + i + "]", request.usage().get(i), request);
			}
		}
		if (request.year() != null && (request.year() < 1990 || request.year() > 2100)) {
			add("year", "must be between 1990 and 2100");
		}
		checkLocation(request, date);
		atLeast("pue", request.pue(), 1.0);
		atLeast("gridIntensityGramsPerKwh", request.gridIntensityGramsPerKwh(), 0);
		atLeast("marketFactorGramsPerKwh", request.marketFactorGramsPerKwh(), 0);
		atLeast("wueLitersPerKwh", request.wueLitersPerKwh(), 0);
		atLeast("ewifLitersPerKwh", request.ewifLitersPerKwh(), 0);
		checkEmbodied(request.embodied());
	}

	private void checkLine(String path, EstimateRequest.@Nullable UsageLine line, EstimateRequest request) {
		if (line == null) {
			add(path, "must not be null");
			return;
		}
		UsageType type = null;
		if (line.type() == null) {
			add(path + ".type", "is required; allowed: " + Arrays.toString(UsageType.values()));
		}
		else {
			type = Arrays.stream(UsageType.values())
				.filter(each -> each.name().equalsIgnoreCase(line.type().strip()))
				.findFirst()
				.orElse(null);
			if (type == null) {
				add(path + ".type",
						"unknown type '" + line.type() + "'; allowed: " + Arrays.toString(UsageType.values()));
			}
		}
		if (line.quantity() == null) {
			add(path + ".quantity", "is required");
		}
		else {
			atLeast(path + ".quantity", line.quantity(), 0);
		}
		atLeast(path + ".averagePowerWatts", line.averagePowerWatts(), 0);
		if (line.utilization() != null && !(line.utilization() >= 0 && line.utilization() <= 1)) {
			add(path + ".utilization", "must be between 0 and 1");
		}
		if (line.storageType() != null && !Set.of("HDD", "SSD").contains(line.storageType().toUpperCase(Locale.ROOT))) {
			add(path + ".storageType", "unknown storage type '" + line.storageType() + "'; allowed: HDD, SSD");
		}
		if (type == UsageType.ACCELERATOR_HOURS) {
			checkModel(path, line.model(), FactorKind.ACCELERATOR_POWER_MAX, "accelerator model",
					line.averagePowerWatts() != null || request.embodied() != null);
		}
		else if (type == UsageType.VCPU_HOURS) {
			checkModel(path, line.model(), FactorKind.CPU_POWER_MAX, "CPU microarchitecture", false);
		}
		else if (type == UsageType.INSTANCE_HOURS) {
			checkInstance(path, line, request.location());
		}
	}

	/**
	 * An instance type must be in the catalog (else the closest names are suggested) and
	 * its hardware must have power data.
	 */
	private void checkInstance(String path, EstimateRequest.UsageLine line,
			EstimateRequest.@Nullable LocationSpec location) {
		String provider = line.instanceProvider(location);
		if (provider == null) {
			add(path + ".provider", "is required for INSTANCE_HOURS (or give location.provider)");
			return;
		}
		if (!PROVIDERS.contains(provider)) {
			add(path + ".provider", "unknown provider '" + provider + "'; allowed: aws, gcp, azure");
			return;
		}
		if (line.provider() != null && location != null && location.provider() != null
				&& !location.provider().strip().equalsIgnoreCase(provider)) {
			add(path + ".provider", "'" + provider + "' differs from location.provider '" + location.provider()
					+ "'; an instance runs in a region of its own provider");
			return;
		}
		if (line.instanceType() == null || line.instanceType().isBlank()) {
			add(path + ".instanceType", "is required for INSTANCE_HOURS (e.g. m5.xlarge)");
			return;
		}
		String name = line.instanceType().strip();
		if (this.catalog.find(provider, name).isEmpty()) {
			List<String> closest = this.catalog.closest(provider, name, 5);
			add(path + ".instanceType", "unknown " + provider + " instance type '" + name + "'"
					+ (closest.isEmpty() ? "" : "; did you mean " + String.join(", ", closest) + "?"));
		}
		else if (this.instances.map(provider, name, 1) instanceof InstanceHours.Unmapped unmapped) {
			add(path + ".instanceType", unmapped.reason());
		}
	}

	private void checkModel(String path, @Nullable String model, FactorKind kind, String what, boolean powerGiven) {
		if (model == null || model.isBlank()) {
			if (!powerGiven) {
				add(path + ".model", "is required for this type (" + what + ")");
			}
			return;
		}
		if (!powerGiven && !this.library.has(kind, model)) {
			add(path + ".model", "unknown " + what + " '" + model + "'; known: " + known(kind));
		}
	}

	private String known(FactorKind kind) {
		return this.library.keys(kind).toString();
	}

	private void checkLocation(EstimateRequest request, java.time.LocalDate date) {
		EstimateRequest.LocationSpec location = request.location();
		if (location == null) {
			if (request.gridIntensityGramsPerKwh() == null) {
				add("location",
						"give a location (provider and region, gridZone or country) or" + " gridIntensityGramsPerKwh");
			}
			return;
		}
		int forms = (location.provider() != null || location.region() != null ? 1 : 0)
				+ (location.gridZone() != null ? 1 : 0) + (location.country() != null ? 1 : 0);
		if (forms != 1) {
			add("location", "give exactly one of: provider and region, gridZone, country");
			return;
		}
		if (location.provider() != null || location.region() != null) {
			if (location.provider() == null || !PROVIDERS.contains(location.provider().toLowerCase(Locale.ROOT))) {
				add("location.provider", "must be one of aws, gcp, azure");
			}
			else if (location.region() == null) {
				add("location.region", "is required with a provider");
			}
			else if (this.library.region(location.provider(), location.region()).isEmpty()) {
				add("location.region", "unknown " + location.provider() + " region '" + location.region() + "'");
			}
		}
		else if (location.gridZone() != null) {
			if (request.gridIntensityGramsPerKwh() == null && !hasGrid(location.gridZone(), date)) {
				add("location.gridZone", "no grid carbon intensity is known for zone '" + location.gridZone() + "'");
			}
		}
		else if (!location.country().matches("[A-Za-z]{2}")) {
			add("location.country", "must be an ISO 3166-1 alpha-2 code");
		}
		else if (request.gridIntensityGramsPerKwh() == null && !hasGrid(location.country(), date)) {
			add("location.country", "no grid carbon intensity is known for country '" + location.country() + "'");
		}
	}

	private boolean hasGrid(String key, java.time.LocalDate date) {
		String country = key.contains("-") ? key.substring(0, key.indexOf('-')) : key;
		return this.library.find(FactorKind.GRID_INTENSITY, key, date).isPresent()
				|| this.library.find(FactorKind.GRID_INTENSITY, country, date).isPresent();
	}

	private void checkEmbodied(EstimateRequest.@Nullable EmbodiedOverride embodied) {
		if (embodied == null) {
			return;
		}
		if (embodied.acceleratorKgCo2e() == null) {
			add("embodied.acceleratorKgCo2e", "is required when embodied inputs are given");
		}
		atLeast("embodied.acceleratorKgCo2e", embodied.acceleratorKgCo2e(), 0);
		atLeast("embodied.serverKgCo2e", embodied.serverKgCo2e(), 0);
		if (embodied.lifespanYears() == null || !(embodied.lifespanYears() > 0)) {
			add("embodied.lifespanYears", "is required and must be above 0");
		}
		if (embodied.utilization() != null && !(embodied.utilization() > 0 && embodied.utilization() <= 1)) {
			add("embodied.utilization", "must be above 0 and at most 1");
		}
		if (embodied.acceleratorsPerServer() != null && embodied.acceleratorsPerServer() < 1) {
			add("embodied.acceleratorsPerServer", "must be at least 1");
		}
	}

	private void atLeast(String field, @Nullable Double value, double minimum) {
		if (value != null && (!Double.isFinite(value) || value < minimum)) {
			add(field, (minimum == 0) ? "must be a finite, non-negative number" : "must be at least " + minimum);
		}
	}

	private void add(String field, String message) {
		this.problems.add(new FieldProblem(field, message));
	}

}
