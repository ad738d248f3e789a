package org.greenledger.core.factors;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of factor the library holds, each with the one unit its values are in. */
public enum FactorKind {

	GRID_INTENSITY("gCO2e/kWh"), GRID_RENEWABLE_SHARE("%"), GRID_CARBON_FREE_SHARE("%"), EWIF("L/kWh"),
	MARKET_INTENSITY("gCO2e/kWh"), PUE("ratio"), WUE("L/kWh"), CPU_POWER_MIN("W/vCPU"), CPU_POWER_MAX("W/vCPU"),
	ACCELERATOR_POWER_IDLE("W"), ACCELERATOR_POWER_MAX("W"), MEMORY_ENERGY("kWh/GBh"), STORAGE_ENERGY("Wh/TBh"),
	NETWORK_ENERGY("kWh/GB"), REPLICATION_FACTOR("ratio"), EMBODIED("kgCO2e"),
	/** Low and high ends of an {@code EMBODIED} figure of the same key. */
	EMBODIED_LOW("kgCO2e"), EMBODIED_HIGH("kgCO2e"), LIFESPAN("years"), USE_SHARE("ratio"),
	SPEND_INTENSITY("kgCO2e/USD"), EXCHANGE_RATE("USD/unit"), DEFAULT_UTILIZATION("ratio"),
	ACCELERATORS_PER_SERVER("count"),

	/**
	 * Peak dense 16-bit (BF16/FP16 tensor) throughput of one accelerator, for estimating
	 * training compute from accelerator-hours.
	 */
	ACCELERATOR_PEAK_FLOPS("FLOP/s"),

	/**
	 * Direct (Scope 1) emissions of burning a litre of a fuel, CO2 + CH4 + N2O as CO2e;
	 * key the fuel, e.g. {@code DIESEL}.
	 */
	FUEL_COMBUSTION("kgCO2e/L"), FUEL_ENERGY("kWh/L"),

	/**
	 * IT energy per unit of a cloud service's billed usage (per event, per request, per
	 * GB...), for a service GreenLedger has no usage mapping for; only in an
	 * organisation's factor sets, keyed by provider, unit and service.
	 */
	SERVICE_ENERGY("kWh/unit");

	private final String unit;

	FactorKind(String unit) {
		this.unit = unit;
	}

	public String unit() {
		return this.unit;
	}

	public static Optional<FactorKind> parse(String name) {
		return Arrays.stream(values()).filter(kind -> kind.name().equalsIgnoreCase(name.strip())).findFirst();
	}

}
