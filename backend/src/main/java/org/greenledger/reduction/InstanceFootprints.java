package org.greenledger.reduction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.catalog.InstanceType;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.MissingFactorException;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.footprint.Utilization;
import org.springframework.stereotype.Component;

/**
 * The footprint of some hours of a cloud instance type, calculated as the ledger
 * calculates a bill's instance-hours: the instance-hours mapping shared with the bills
 * ({@link InstanceHours}: vCPU-hours carrying the instance, memory, accelerators) and the
 * footprint engine with the factor library, at a given CPU utilization.
 */
@Component
class InstanceFootprints {

	private final InstanceHours instances;

	private final LibraryFactorLookup factors;

	InstanceFootprints(InstanceHours instances, LibraryFactorLookup factors) {
		this.instances = instances;
		this.factors = factors;
	}

	/**
	 * The figures of {@code hours} of {@code type} in a region at CPU utilization
	 * {@code utilization} (0-1), with the factors of the query's middle day; null when
	 * the type cannot be calculated there.
	 */
	@Nullable Figures of(InstanceType type, String region, double hours, double utilization, OpportunityQuery query) {
		if (!(this.instances.map(type.provider(), type.name(), hours) instanceof InstanceHours.Mapped mapped)) {
			return null;
		}
		LocalDate day = query.factorDate();
		FootprintEngine engine = new FootprintEngine(this.factors);
		Location location = new Location.CloudRegion(type.provider(), region);
		double it = 0;
		double location_ = 0;
		double market = 0;
		double embodied = 0;
		List<FactorReference> used = new ArrayList<>();
		try {
			for (InstanceHours.Line line : mapped.lines()) {
				Usage usage = (line.usage() instanceof Usage.VcpuHours vcpu) ? new Usage.VcpuHours(vcpu.hours(),
						vcpu.microarchitecture(), Utilization.of(utilization), vcpu.instance()) : line.usage();
				ImpactLine impacts = engine
					.calculate(new ActivityRecord(usage, day, day, location, Scope.SCOPE_3_CATEGORY_1, Map.of(), null));
				it += impacts.itEnergy().kilowattHours();
				location_ += impacts.locationBased().kilograms();
				market += impacts.marketBased().kilograms();
				embodied += impacts.embodied().kilograms();
				impacts.factors().stream().filter(factor -> !used.contains(factor)).forEach(used::add);
			}
		}
		catch (MissingFactorException ex) {
			return null;
		}
		return new Figures(it, location_, market, embodied, used);
	}

	/**
	 * An instance's figures: IT energy (kWh), location- and market-based operational and
	 * embodied kg CO2e, and the factors they used.
	 */
	record Figures(double itKwh, double locationKg, double marketKg, double embodiedKg, List<FactorReference> factors) {

		/** Location-based operational plus embodied kg CO2e, the saving's basis. */
		double kg() {
			return this.locationKg + this.embodiedKg;
		}

	}

}
