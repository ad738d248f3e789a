package org.greenledger.core.footprint;

/**
 * A volume of water; canonical unit litre.
 *
 * @param liters the volume in L
 */
public record WaterVolume(double liters) {

	public static final WaterVolume ZERO = new WaterVolume(0);

	public WaterVolume {
		Quantities.finiteNonNegative(liters, "Water volume");
	}

	public static WaterVolume ofLiters(double liters) {
		return new WaterVolume(liters);
	}

	public static WaterVolume ofCubicMeters(double cubicMeters) {
		return new WaterVolume(cubicMeters * 1_000);
	}

	public double cubicMeters() {
		return this.liters / 1_000;
	}

	public double megaliters() {
		return this.liters / 1_000_000;
	}

	public WaterVolume plus(WaterVolume other) {
		return new WaterVolume(this.liters + other.liters);
	}

}
