package org.greenledger.calculator;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.footprint.CarbonMass;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.EmbodiedRange;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.WaterVolume;

/**
 * The result of an estimate: totals over all usage lines, each line's impacts, and the
 * factors used.
 *
 * @param lines each usage line's impacts, in request order
 * @param factors every distinct factor used
 * @param assumptions what was assumed where the request was silent
 * @param year the year whose factors were used
 */
public record Estimate(List<Line> lines, List<FactorReference> factors, List<String> assumptions, int year) {

	public Energy itEnergy() {
		return this.lines.stream().map(line -> line.impact().itEnergy()).reduce(Energy.ZERO, Energy::plus);
	}

	public Energy facilityEnergy() {
		return this.lines.stream().map(line -> line.impact().facilityEnergy()).reduce(Energy.ZERO, Energy::plus);
	}

	public CarbonMass locationBased() {
		return sum(ImpactKind.LOCATION);
	}

	public CarbonMass marketBased() {
		return sum(ImpactKind.MARKET);
	}

	public CarbonMass embodied() {
		return sum(ImpactKind.EMBODIED);
	}

	/** Low and high ends of the embodied emissions, summed over the lines. */
	public EmbodiedRange embodiedRange() {
		return this.lines.stream()
			.map(line -> line.impact().embodiedRange())
			.reduce(EmbodiedRange.ZERO, EmbodiedRange::plus);
	}

	public WaterVolume waterOnSite() {
		return this.lines.stream().map(line -> line.impact().waterOnSite()).reduce(WaterVolume.ZERO, WaterVolume::plus);
	}

	public WaterVolume waterOffSite() {
		return this.lines.stream()
			.map(line -> line.impact().waterOffSite())
			.reduce(WaterVolume.ZERO, WaterVolume::plus);
	}

	public boolean marketFallsBackToLocation() {
		return this.lines.stream().anyMatch(line -> line.impact().marketFallsBackToLocation());
	}

	/** The worst tier of any line: the estimate is only as good as its weakest part. */
	public DataQuality quality() {
		return this.lines.stream().map(line -> line.impact().quality()).reduce(DataQuality.METERED, DataQuality::worse);
	}

	private CarbonMass sum(ImpactKind kind) {
		return this.lines.stream().map(line -> switch (kind) {
			case LOCATION -> line.impact().locationBased();
			case MARKET -> line.impact().marketBased();
			case EMBODIED -> line.impact().embodied();
		}).reduce(CarbonMass.ZERO, CarbonMass::plus);
	}

	private enum ImpactKind {

		LOCATION, MARKET, EMBODIED

	}

	/**
	 * One usage line and its impacts.
	 *
	 * @param type the usage type
	 * @param quantity the quantity, in the type's unit
	 * @param unit the unit of the quantity
	 * @param impact its impacts
	 * @param instanceType for INSTANCE_HOURS, the instance type (an instance's vCPU,
	 * memory and accelerator lines each name it)
	 */
	public record Line(String type, double quantity, String unit, ImpactLine impact, @Nullable String instanceType) {
	}

}
