package org.greenledger.ingestion.greenbutton;

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.sites.MeterRole;
import org.greenledger.sites.Quantity;

/**
 * What a ReadingType's codes mean for GreenLedger: the quantity of its readings and the
 * factor from a scaled reading value to kWh or litres, or why its readings cannot be
 * used.
 *
 * @param quantity the quantity, null when the readings are refused
 * @param factor from the value times 10^powerOfTenMultiplier to kWh or litres
 * @param multiplier the powerOfTenMultiplier
 * @param column the ReadingType field at fault, when refused
 * @param problem why the readings are refused, or null
 */
record EspiReadingType(@Nullable Quantity quantity, BigDecimal factor, int multiplier, String column,
		@Nullable String problem) {

	/** uom 72: real energy, Wh. */
	static final int WATT_HOURS = 72;

	/** uom 38: real power, W. */
	static final int WATTS = 38;

	/** uom 42: cubic metres. */
	static final int CUBIC_METRES = 42;

	/** uom 134: litres. */
	static final int LITRES = 134;

	/** uom 128: US gallons. */
	static final int US_GALLONS = 128;

	/** uom 119: cubic feet. */
	static final int CUBIC_FEET = 119;

	/** flowDirection 1: forward, delivered to the customer. */
	static final int FORWARD = 1;

	/** flowDirection 19: reverse, exported by the customer. */
	static final int REVERSE = 19;

	/** accumulationBehaviour 4: deltaData, the amount of each interval. */
	static final int DELTA_DATA = 4;

	/** Energy exported to the grid (reverse flow): valid, but not consumption. */
	boolean exported() {
		return this.column.endsWith("flowDirection") && this.problem != null && this.problem.startsWith("is 19");
	}

	static EspiReadingType refused(String column, String problem) {
		return new EspiReadingType(null, BigDecimal.ZERO, 0, "ReadingType/" + column, problem);
	}

	/**
	 * Interprets a ReadingType's fields.
	 * @param fields element name to text
	 * @param role the role the upload names, or null
	 */
	static EspiReadingType of(Map<String, String> fields, @Nullable MeterRole role) {
		Integer uom = code(fields, "uom");
		Integer commodity = code(fields, "commodity");
		Integer flow = code(fields, "flowDirection");
		Integer accumulation = code(fields, "accumulationBehaviour");
		Integer multiplier = code(fields, "powerOfTenMultiplier");
		if (uom == null || commodity == null || flow == null || accumulation == null || multiplier == null) {
			String name = firstNonInteger(fields);
			return refused(name, "'" + fields.get(name) + "' is not an integer code");
		}
		Quantity quantity;
		BigDecimal factor;
		switch (uom) {
			case WATT_HOURS -> {
				quantity = Quantity.ENERGY;
				factor = new BigDecimal("0.001");
			}
			case CUBIC_METRES -> {
				quantity = Quantity.WATER;
				factor = new BigDecimal("1000");
			}
			case LITRES -> {
				quantity = Quantity.WATER;
				factor = BigDecimal.ONE;
			}
			case US_GALLONS -> {
				quantity = Quantity.WATER;
				factor = new BigDecimal("3.785411784");
			}
			case CUBIC_FEET -> {
				quantity = Quantity.WATER;
				factor = new BigDecimal("28.316846592");
			}
			case WATTS -> {
				return refused("uom", "is 38 (W, power): demand readings are not energy; only energy (uom 72, Wh)"
						+ " and water volumes (42 m3, 134 L, 128 US gal, 119 ft3) are read");
			}
			case 0 -> {
				return refused("uom", "is missing or 0 (not applicable); the readings have no unit");
			}
			default -> {
				return refused("uom", "is " + uom + ", not a unit GreenLedger reads (energy: 72, Wh;"
						+ " water: 42 m3, 134 L, 128 US gal, 119 ft3)");
			}
		}
		String commodityProblem = commodityProblem(commodity, quantity);
		if (commodityProblem != null) {
			return refused("commodity", commodityProblem);
		}
		if (flow == REVERSE) {
			return refused("flowDirection", "is 19 (reverse): energy exported to the grid is not consumption;"
					+ " only delivered energy (flowDirection 1, forward) is read");
		}
		if (flow != FORWARD && flow != 0) {
			return refused("flowDirection", "is " + flow + "; only delivered amounts (flowDirection 1, forward)"
					+ " are read, not net or total flows");
		}
		if (accumulation != DELTA_DATA && accumulation != 0) {
			return refused("accumulationBehaviour", "is " + accumulation + "; only interval amounts"
					+ " (accumulationBehaviour 4, deltaData) are read, not register or cumulative readings");
		}
		if (multiplier < -15 || multiplier > 15) {
			return refused("powerOfTenMultiplier", "is " + multiplier + ", outside -15 to 15");
		}
		if (role != null && role.quantity() != quantity) {
			return refused("commodity",
					"the readings are " + quantity.name().toLowerCase(java.util.Locale.ROOT)
							+ ", but the upload names the role " + role.name() + ", which measures "
							+ role.quantity().name().toLowerCase(java.util.Locale.ROOT));
		}
		return new EspiReadingType(quantity, factor, multiplier, "", null);
	}

	/** Null when the commodity fits the quantity the unit implies. */
	private static @Nullable String commodityProblem(int commodity, Quantity quantity) {
		return switch (commodity) {
			case 0 -> null;
			case 1, 2 ->
				(quantity == Quantity.ENERGY) ? null : "is " + commodity + " (electricity) but the uom is a volume";
			case 9 -> (quantity == Quantity.WATER) ? null : "is 9 (potable water) but the uom is energy";
			case 7 -> "is 7 (natural gas); only electricity (1, 2) and potable water (9) are read";
			default -> "is " + commodity + "; only electricity (1, 2) and potable water (9) are read";
		};
	}

	/** The default role of the quantity's meters. */
	static MeterRole defaultRole(Quantity quantity) {
		return (quantity == Quantity.WATER) ? MeterRole.WATER_INTAKE : MeterRole.FACILITY_TOTAL;
	}

	/** The code, 0 when absent, null when not an integer. */
	private static @Nullable Integer code(Map<String, String> fields, String name) {
		String text = fields.get(name);
		if (text == null || text.isEmpty()) {
			return 0;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String firstNonInteger(Map<String, String> fields) {
		for (String name : new String[] { "uom", "commodity", "flowDirection", "accumulationBehaviour",
				"powerOfTenMultiplier" }) {
			if (code(fields, name) == null) {
				return name;
			}
		}
		return "uom";
	}

}
