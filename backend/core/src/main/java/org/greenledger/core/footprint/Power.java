package org.greenledger.core.footprint;

/**
 * A rate of energy use; canonical unit W.
 *
 * @param watts the power in W
 */
public record Power(double watts) {

	public static final Power ZERO = new Power(0);

	public Power {
		Quantities.finiteNonNegative(watts, "Power");
	}

	public static Power ofWatts(double watts) {
		return new Power(watts);
	}

	public static Power ofKilowatts(double kilowatts) {
		return new Power(kilowatts * 1_000);
	}

	/** The energy used at this power over the given time. */
	public Energy over(TimeSpan time) {
		return Energy.ofWattHours(this.watts * time.hours());
	}

	public Power plus(Power other) {
		return new Power(this.watts + other.watts);
	}

	public Power times(double factor) {
		return new Power(this.watts * factor);
	}

	/** {@code idle + utilization x (max - idle)}: the linear power model. */
	public static Power interpolate(Power idle, Power max, double utilization) {
		if (!(utilization >= 0 && utilization <= 1)) {
			throw new IllegalArgumentException("Utilization must be between 0 and 1, but was " + utilization);
		}
		if (max.watts < idle.watts) {
			throw new IllegalArgumentException("Maximum power " + max + " is below idle power " + idle);
		}
		return new Power(idle.watts + utilization * (max.watts - idle.watts));
	}

}
